namespace ArchitectAgents.Models;

/// <summary>A configured model as users see it (API and CLI): never the key, only whether it can be used.</summary>
/// <param name="Name">Entry name.</param>
/// <param name="Provider">Provider kind.</param>
/// <param name="Model">Model id or Azure deployment.</param>
/// <param name="Endpoint">Base URL, when set.</param>
/// <param name="InputPricePerMillion">USD per 1M input tokens.</param>
/// <param name="OutputPricePerMillion">USD per 1M output tokens.</param>
/// <param name="Usable">True when calls can be made.</param>
/// <param name="Reason">Why it is or is not usable.</param>
public sealed record ModelDescription(string Name, string Provider, string? Model, string? Endpoint, decimal InputPricePerMillion, decimal OutputPricePerMillion, bool Usable, string Reason);
