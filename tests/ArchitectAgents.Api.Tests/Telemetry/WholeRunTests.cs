namespace ArchitectAgents.Api.Tests.Telemetry;

/// <summary>
/// The telemetry and dashboard tests each run whole designs (each with its own validator processes and, for the
/// browser tests, a Chromium): one at a time, and with nothing else running beside them. Trace listeners are
/// process-wide, so spans of concurrent tests' hosts would otherwise fill the exporters' queues, and browser
/// waits would compete with the rest of the suite for 2 cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeRunTests
{
    public const string Name = "telemetry and dashboard runs";
}
