namespace ArchitectAgents.Api.Tests.Telemetry;

/// <summary>
/// The telemetry and dashboard tests each run whole designs (each with its own validator processes and, for the
/// browser tests, a Chromium): one at a time, so together they do not starve the rest of the suite on small machines.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WholeRunTests
{
    public const string Name = "telemetry and dashboard runs";
}
