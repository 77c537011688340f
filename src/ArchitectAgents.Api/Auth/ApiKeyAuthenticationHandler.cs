using System.Security.Claims;
using System.Text.Encodings.Web;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Runs.Keys;
using ArchitectAgents.Runs.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Auth;

/// <summary>Authenticates <c>X-Api-Key</c> against the hashed keys in the store.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<ArchitectDbContext> factory,
    IOptions<AuthOptions> auth) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return auth.Value.AllowAnonymous
                ? Success("anonymous", "anonymous (development mode)")
                : AuthenticateResult.NoResult();
        }

        await using var db = await factory.CreateDbContextAsync(Context.RequestAborted);
        var key = await ApiKeyService.FindAsync(db, values.ToString(), Context.RequestAborted);
        return key is null ? AuthenticateResult.Fail("unknown or revoked API key") : Success(key.Id, key.Name);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
        // A key that was sent but is not found is most often one created against another store (another working
        // directory, another ConnectionStrings:Runs): say how to check, without naming the server's paths.
        var detail = Request.Headers.ContainsKey(Header)
            ? $"The {Header} key is unknown or revoked in this service's run store. Keys are checked against the store named in the service's start line ('Run store: …'); run 'architect keys list' with the same ConnectionStrings:Runs to see the keys it holds."
            : $"Send an API key in the {Header} header (create one with 'architect keys create --name NAME' against the service's run store) or a bearer token.";
        await Problems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized", detail, Context.RequestAborted);
    }

    private static AuthenticateResult Success(string owner, string name)
    {
        var identity = new ClaimsIdentity([new Claim(Callers.OwnerClaim, owner), new Claim(ClaimTypes.Name, name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
