using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ArchitectAgents.Api.Auth;

/// <summary>API keys (hashed in the store) or JWT bearer tokens; everything but health needs one of them.</summary>
internal static class AuthRegistration
{
    private const string Selector = "ArchitectAuth";

    public static IServiceCollection AddArchitectAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or bearer token", o => o.ForwardDefaultSelector = http =>
                http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Jwt.Enabled
                && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();

        // Configured when first used, so the settings can come from any configuration source.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            var jwt = auth.Value.Jwt;
            o.Authority = jwt.Authority;
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidateIssuer = jwt.Issuer is not null,
                ValidAudience = jwt.Audience,
                ValidateAudience = jwt.Audience is not null,
                IssuerSigningKey = jwt.SigningKey is { } key ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)) : null,
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    // Runs of a token holder belong to its subject.
                    var subject = context.Principal?.FindFirst("sub")?.Value ?? context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
                    if (subject is null)
                    {
                        context.Fail("the token has no 'sub' claim");
                    }
                    else
                    {
                        ((ClaimsIdentity)context.Principal!.Identity!).AddClaim(new Claim(Callers.OwnerClaim, "jwt:" + subject));
                    }

                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorizationBuilder().SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Selector)
            .RequireAuthenticatedUser().RequireClaim(Callers.OwnerClaim).Build());
        return services;
    }

    public static WebApplication UseArchitectAuth(this WebApplication app)
    {
        var options = app.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (options.AllowAnonymous)
        {
            app.Logger.LogWarning("Auth:AllowAnonymous is on: requests without credentials are accepted as one shared anonymous caller. Never enable this outside development.");
        }

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
