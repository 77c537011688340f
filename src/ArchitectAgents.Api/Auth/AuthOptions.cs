namespace ArchitectAgents.Api.Auth;

/// <summary>Authentication settings (section <c>Auth</c>).</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Development only: requests without credentials act as one shared anonymous caller.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>JWT bearer settings; JWT is accepted only when <see cref="JwtOptions.SigningKey"/> or <see cref="JwtOptions.Authority"/> is set.</summary>
    public JwtOptions Jwt { get; set; } = new();
}

/// <summary>JWT bearer validation.</summary>
internal sealed class JwtOptions
{
    public string? Authority { get; set; }
    public string? Issuer { get; set; }
    public string? Audience { get; set; }

    /// <summary>Symmetric key (HS256) for self-issued tokens; at least 32 bytes.</summary>
    public string? SigningKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningKey) || !string.IsNullOrWhiteSpace(Authority);
}
