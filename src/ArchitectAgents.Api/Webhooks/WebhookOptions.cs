namespace ArchitectAgents.Api.Webhooks;

/// <summary>Inbound ticket webhooks (section <c>Webhooks</c>). An endpoint whose secret is not set answers 404.</summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    public GitHubWebhookOptions GitHub { get; set; } = new();

    public JiraWebhookOptions Jira { get; set; } = new();

    public GenericWebhookOptions Generic { get; set; } = new();

    /// <summary>Largest webhook body accepted, in bytes (413 beyond it).</summary>
    public long MaxPayloadBytes { get; set; } = 1024 * 1024;

    /// <summary>How long ticket runs wait for a reply before questions become assumptions; the run default when null.</summary>
    public int? QuestionTimeoutSeconds { get; set; }
}

/// <summary><c>Webhooks:GitHub</c>.</summary>
internal sealed class GitHubWebhookOptions
{
    /// <summary>The webhook secret (X-Hub-Signature-256).</summary>
    public string? Secret { get; set; }

    /// <summary>Issues opened with, or labelled with, this label start a run.</summary>
    public string Label { get; set; } = "architecture";

    /// <summary>REST API root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.github.com";

    /// <summary>Token that may comment on the repositories' issues.</summary>
    public string? Token { get; set; }

    /// <summary>Owner of the runs it starts; set it to an API key id to let that key read them.</summary>
    public string RunOwner { get; set; } = "webhook:github";
}

/// <summary><c>Webhooks:Jira</c>.</summary>
internal sealed class JiraWebhookOptions
{
    /// <summary>The admin webhook's secret (X-Hub-Signature).</summary>
    public string? Secret { get; set; }

    /// <summary>Issues created with, or updated to carry, this label start a run.</summary>
    public string Label { get; set; } = "architecture";

    /// <summary>Site root, for example https://your-domain.atlassian.net.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Account e-mail for the REST API.</summary>
    public string? User { get; set; }

    /// <summary>API token for the REST API.</summary>
    public string? ApiToken { get; set; }

    /// <summary>Owner of the runs it starts.</summary>
    public string RunOwner { get; set; } = "webhook:jira";
}

/// <summary><c>Webhooks:Generic</c>.</summary>
internal sealed class GenericWebhookOptions
{
    /// <summary>Standard Webhooks secret (<c>whsec_…</c> or any string).</summary>
    public string? Secret { get; set; }

    /// <summary>How far a delivery's timestamp may be from now, in seconds (older ones are replays).</summary>
    public int ToleranceSeconds { get; set; } = 300;

    /// <summary>Owner of the runs it starts.</summary>
    public string RunOwner { get; set; } = "webhook:generic";
}
