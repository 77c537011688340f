using System.Globalization;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>Chooses a pattern from the figures, as the persona's pattern table does, and says why.</summary>
internal static class PatternSelector
{
    public static PatternDecision Select(DesignFacts f)
    {
        var team = $"a team of {f.Team}{(f.TeamAssumed ? " (assumed)" : "")}";
        PatternKind kind;
        string reason;
        if (f.IsIot)
        {
            kind = PatternKind.EdgeEventDriven;
            reason = $"{Fmt(f.Devices)} connected devices{(f.Has("intermittent-network") ? " on intermittent networks" : "")} produce a continuous stream of readings"
                + (f.TransactionsPerDay > 0 ? $" (about {Fmt(f.TransactionsPerDay)} a day)" : "")
                + ". Devices buffer locally and forward when connected (store-and-forward at the edge), ingestion is asynchronous through a broker and a durable log, and alerting reacts to events instead of polling. "
                + $"The cloud side stays a small set of deployables that {team} can run.";
        }
        else if ((f.IsSpikyBatch || f.HasShape("batch") && f.HasShape("spiky") && !f.HasShape("steady")) && f.Cloud != "on-prem" && !f.LatencyCritical && f.PeakRps < 2_000 && f.Team < LargeTeam)
        {
            kind = PatternKind.Serverless;
            reason = "The work is rare and spiky"
                + (f.Has("batch") ? " batch processing" : "")
                + ", idle most of the time, so paying per execution beats paying for idle servers; a queue absorbs the spike and functions scale out to meet it and back to zero after. "
                + $"Nothing is latency-critical, and {team} avoids running servers at all.";
        }
        else if (f.Team >= LargeTeam && (f.NamedDomains >= 3 || f.IsHugeScale))
        {
            // The persona's table: microservices for large teams with clear domains or parts that scale independently.
            kind = PatternKind.Microservices;
            var seams = f.NamedDomains >= 3
                ? $"the {f.NamedDomains} squads the brief names give stable ownership lines, so services follow them (one service per squad, each owning its data)"
                : $"the read path, media handling and the write path scale differently at {Fmt(f.Users)} users and {Fmt(f.PeakRps)} requests/s at peak, so they are split along those seams only";
            reason = $"{team} is well past the ~20 engineers where one deployable becomes a coordination bottleneck, and {seams}. "
                + (f.IsLargeScale ? $"At {(f.Users > 0 ? Fmt(f.Users) + " users and " : "")}{Fmt(Math.Max(f.PeakRps, 1))} requests/s at peak, reads are served from caches and precomputed views and large tables are partitioned. " : "")
                + "Everything without its own team or load stays in one core service until that changes.";
        }
        else if ((f.Has("read-heavy") || f.HasShape("read-heavy")) && f.IsLargeScale)
        {
            kind = PatternKind.CqrsMonolith;
            reason = $"Reads dominate ({Fmt(f.PeakRps)} requests/s at peak) and need differently shaped data than writes, so a modular monolith keeps one deployable for {team} while separate read models (CQRS) and a cache serve the read path.";
        }
        else if (f.IsRealtime || f.Has("async-workflow") || f.Has("payments") || f.HasShape("event-driven") || f.BackgroundWork is not null)
        {
            kind = PatternKind.EventDrivenMonolith;
            reason = TeamClause(f, team)
                + $"the asynchronous parts ({AsyncParts(f)}) run through a transactional outbox and a queue, so {(People(f) is { Length: > 0 } people ? $"no request of {people}" : "no request")} waits on a slow third party.";
        }
        else
        {
            kind = PatternKind.ModularMonolith;
            reason = TeamClause(f, team) + $"{(f.Users > 0 ? Fmt(f.Users) + " users" : f.Devices > 0 ? Fmt(f.Devices) + " devices" : "the stated load")} need{(f.Users == 1 || f.Users <= 0 && f.Devices is 0 or 1 ? "s" : "")} the simplest thing that works: one deployable with clear internal modules, one database, and a migration path if a module ever needs to scale on its own.";
        }

        return new PatternDecision(kind, Name(kind), char.ToUpperInvariant(reason[0]) + reason[1..], Alternatives(kind, f));
    }

    /// <summary>Around this many engineers one deployable becomes a coordination bottleneck (the persona's "teams &lt; 20").</summary>
    internal const int LargeTeam = 20;

    // The team-size rule read the right way round for every size: under ~20 one deployable is simplest; at or above
    // it without stable domain lines, splitting would cut along guesses.
    private static string TeamClause(DesignFacts f, string team) => f.Team < LargeTeam
        ? $"{team} is under the ~20 engineers where more deployables start to pay off, so one modular monolith keeps delivery simple; "
        : $"{team} is past ~20 engineers, but the brief names no stable domain lines (squads or bounded domains) to split along, so one modular monolith with enforced module boundaries comes first and modules are extracted as ownership becomes clear; ";

    private static string Name(PatternKind kind) => kind switch
    {
        PatternKind.ModularMonolith => "Modular monolith",
        PatternKind.EventDrivenMonolith => "Modular monolith with event-driven async processing",
        PatternKind.CqrsMonolith => "Modular monolith with CQRS read models",
        PatternKind.Serverless => "Serverless (event-driven functions)",
        PatternKind.EdgeEventDriven => "Edge computing with event-driven ingestion",
        _ => "Microservices (targeted split by scaling domain)",
    };

    private static List<Alternative> Alternatives(PatternKind chosen, DesignFacts f)
    {
        var list = new List<Alternative>();
        void Add(PatternKind kind, string whyNot)
        {
            if (kind != chosen)
            {
                list.Add(new Alternative { Pattern = Name(kind), WhyNot = whyNot });
            }
        }

        var teamText = $"a team of {f.Team}{(f.TeamAssumed ? " (assumed)" : "")}";
        Add(PatternKind.Microservices, f.Team < LargeTeam
            ? $"For {teamText}, every extra deployable adds its own pipeline, on-call and contract versioning; {(f.NamedDomains >= 3 ? $"even with {f.NamedDomains} named domains, " : "")}under ~20 engineers, splitting {ComponentPlanner.Modules(f)} into services now is premature."
            : f.NamedDomains < 3 && !f.IsHugeScale
                ? $"The brief names no stable domain lines for its {f.Team} engineers; splitting along guessed boundaries would create a distributed monolith."
                : "Only the domains with their own team or load are split; splitting further would create a distributed monolith.");
        Add(PatternKind.Serverless, ServerlessWhyNot(chosen, f));
        Add(PatternKind.EdgeEventDriven, f.IsIot ? "Chosen elsewhere."
            : f.HasShape("geo-distributed")
                ? "Users are spread across regions, so connection endpoints sit near them, but the data has one home region; running business logic at the edge would split the system of record."
                : f.Devices > 0
                    ? $"The brief's {f.Devices.ToString("#,0", CultureInfo.InvariantCulture)} devices are its users' clients calling the API, not a fleet streaming telemetry, and no users are geo-distributed{(f.LatencyMs is { } ms ? $"; the {ms.ToString("0", CultureInfo.InvariantCulture)} ms target is met from one region" : "")}, so edge runtimes would add complexity without benefit."
                : $"No devices and no geo-distributed users in the brief{(f.LatencyMs is { } l ? $"; the {l.ToString("0", CultureInfo.InvariantCulture)} ms target is met from one region" : "")}, so edge runtimes for {(People(f) is { Length: > 0 } people ? people : "its users")} would add complexity without benefit.");
        Add(PatternKind.ModularMonolith, f.IsIot
            ? "A request/response monolith cannot absorb device bursts and offline catch-up without a broker and edge buffering."
            : f.IsSpikyBatch ? "An always-on deployable would sit idle most of the month and still need scaling for the spike."
            : f.IsHugeScale ? $"A single deployable cannot scale the read path, media and writes independently at {Fmt(f.PeakRps)} requests/s."
            : chosen == PatternKind.EventDrivenMonolith ? $"The plain variant has no outbox or queue, which {AsyncParts(f)} need."
            : chosen == PatternKind.CqrsMonolith ? $"The plain variant has no separate read models for reads at {Fmt(Math.Max(1, f.PeakRps))} requests/s."
            : "The plain variant without the asynchronous or read-side parts this brief needs.");
        Add(PatternKind.EventDrivenMonolith, f.HasShape("event-driven") || f.Has("async-workflow")
            ? "The asynchronous flows are kept to the outbox and queue; making every interaction event-driven would add eventual consistency where the brief needs immediate answers."
            : $"{(UseCases(f) is { Length: > 0 } cases ? cases + " are" : "The brief describes")} request/response work with no asynchronous workflow, so a broker would be one more thing to run.");
        Add(PatternKind.CqrsMonolith, f.Has("read-heavy") || f.HasShape("read-heavy")
            ? $"Reads dominate, but at {Fmt(Math.Max(1, f.PeakRps))} requests/s a cache or read replica serves them from the same model, and separate read models wait until reads need a different shape."
            : $"Reads and writes{(Entities(f) is { Length: > 0 } things ? " of " + things : "")} share the same shape, so separate read models would be overhead.");
        return list;
    }

    // Why not functions, from what the brief says about its load rather than a fixed sentence.
    // The brief's own words for the why-nots: the same reason reads differently when it names what it is about.
    private static string AsyncParts(DesignFacts f) =>
        string.Join(", ", new[] { f.Has("async-workflow") ? "notifications and reminders" : null, f.Has("payments") ? "payment events" : null, f.IsRealtime ? "real-time updates" : null, f.HasShape("event-driven") && !f.Has("async-workflow") ? "event processing" : null, f.BackgroundWork is { } work && !f.Has("async-workflow") ? "background jobs: " + work.Replace("use case: ", "", StringComparison.Ordinal) : null }.Where(x => x is not null));

    private static string People(DesignFacts f) =>
        DesignWords.List(f.Context.Requirements.Actors.Where(a => a.Kind == "person").Select(a => a.Name));

    private static string UseCases(DesignFacts f) =>
        DesignWords.List(f.Context.Requirements.UseCases.Where(u => !string.Equals(u.Actor, "System", StringComparison.OrdinalIgnoreCase)).Select(u => $"{u.Actor} {u.Action} {u.Object}"), 2);

    private static string Entities(DesignFacts f) =>
        DesignWords.List(f.Context.Requirements.Entities.Select(e => e.Name));

    private static string ServerlessWhyNot(PatternKind chosen, DesignFacts f)
    {
        if (chosen == PatternKind.Serverless)
        {
            return "Chosen elsewhere.";
        }

        if (f.LatencyCritical)
        {
            return $"Cold starts threaten the {f.LatencyMs?.ToString("0", CultureInfo.InvariantCulture)} ms latency target.";
        }

        if (f.Cloud == "on-prem")
        {
            return "The system runs on the organisation's own servers, where there is no function platform to scale to zero.";
        }

        if (f.HasShape("batch"))
        {
            return "Only the batch work runs as scale-to-zero jobs; the interactive part is used every day, so it stays one always-on deployable.";
        }

        if (f.HasShape("spiky"))
        {
            return $"The peaks{(f.PeakRps > 0 ? $" (~{Fmt(f.PeakRps)} requests/s)" : "")} come on top of daily use, so autoscaling one deployable absorbs them without per-invocation limits or a rewrite into functions.";
        }

        return f.HasShape("steady")
            ? "The brief describes steady use, so always-on instances cost less than paying per invocation and avoid cold starts."
            : $"The brief states no idle periods or bursts{(f.Users > 0 ? $" for its {Fmt(f.Users)} users" : "")}; a small always-on deployable is simpler to run and debug than functions.";
    }

    internal static string Fmt(double value) => NumberText.Format(value);
}
