using System.Diagnostics;

namespace ArchitectAgents.Core.Telemetry;

/// <summary>
/// Names of the activity sources and meters the service emits and subscribes to. Code that creates agents,
/// chat clients or tools uses these so its spans land in the same traces as the run.
/// </summary>
public static class ArchitectTelemetry
{
    /// <summary>Our own activity source (the root <c>run</c> span) and meter.</summary>
    public const string SourceName = "ArchitectAgents";

    /// <summary>Our own meter: run, agent, token, cost, queue and gate metrics.</summary>
    public const string MeterName = "ArchitectAgents";

    /// <summary>MAF workflow spans (<c>WorkflowBuilder.WithOpenTelemetry</c>).</summary>
    public const string WorkflowSourceName = "Microsoft.Agents.AI.Workflows";

    /// <summary>MAF agent spans and metrics (<c>AIAgentBuilder.UseOpenTelemetry</c>): <c>invoke_agent</c>, <c>execute_tool</c>.</summary>
    public const string AgentSourceName = "Experimental.Microsoft.Agents.AI";

    /// <summary>Microsoft.Extensions.AI chat client spans and metrics (<c>ChatClientBuilder.UseOpenTelemetry</c>): <c>chat {model}</c>.</summary>
    public const string ChatSourceName = "Experimental.Microsoft.Extensions.AI";

    /// <summary>Every activity source a tracer provider should subscribe to.</summary>
    public static IReadOnlyList<string> TraceSources { get; } = [SourceName, WorkflowSourceName, AgentSourceName, ChatSourceName];

    /// <summary>Every meter a meter provider should subscribe to.</summary>
    public static IReadOnlyList<string> Meters { get; } = [MeterName, AgentSourceName, ChatSourceName];

    /// <summary>The activity source of the <c>run</c> spans.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Attribute names on the <c>run</c> span.</summary>
    public static class Tags
    {
        /// <summary>Run id (also the MAF session id).</summary>
        public const string RunId = "architect.run.id";

        /// <summary>Workflow id.</summary>
        public const string Workflow = "gen_ai.workflow.name";

        /// <summary>Who asked for the run, when known.</summary>
        public const string Requester = "architect.run.requester";

        /// <summary>Where the run came from (api, cli, github, jira).</summary>
        public const string Source = "architect.run.source";

        /// <summary>The ticket (issue) the run answers, when it came from a tracker.</summary>
        public const string TicketId = "architect.ticket.id";

        /// <summary>How many times a worker has picked the run up, counting this one.</summary>
        public const string Attempt = "architect.run.attempt";

        /// <summary>Status the execution left the run in.</summary>
        public const string Status = "architect.run.status";
    }
}
