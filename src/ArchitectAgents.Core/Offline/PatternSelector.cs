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
        else if (f.IsSpikyBatch && !f.LatencyCritical && f.PeakRps < 2_000)
        {
            kind = PatternKind.Serverless;
            reason = "The work is rare and spiky"
                + (f.Has("batch") ? " batch processing" : "")
                + ", idle most of the time, so paying per execution beats paying for idle servers; a queue absorbs the spike and functions scale out to meet it and back to zero after. "
                + $"Nothing is latency-critical, and {team} avoids running servers at all.";
        }
        else if (f.IsHugeScale && (f.Team >= 20 || f.Users >= 10_000_000))
        {
            kind = PatternKind.Microservices;
            reason = $"At {Fmt(f.Users)} users and {Fmt(f.PeakRps)} requests/s at peak, the read path, media handling and the write path scale differently, so they are split into independently deployable services along those seams only. "
                + $"{team} can own them (one service per squad). Reads are served from caches and precomputed views; large tables are partitioned. Everything else stays in one core service until its load proves otherwise.";
        }
        else if (f.Has("read-heavy") && f.IsLargeScale)
        {
            kind = PatternKind.CqrsMonolith;
            reason = $"Reads dominate ({Fmt(f.PeakRps)} requests/s at peak) and need differently shaped data than writes, so a modular monolith keeps one deployable for {team} while separate read models (CQRS) and a cache serve the read path.";
        }
        else if (f.Has("realtime") || f.Has("async-workflow") || f.Has("payments"))
        {
            kind = PatternKind.EventDrivenMonolith;
            reason = $"{team} is well under the ~20 engineers where more deployables pay off, so one modular monolith keeps delivery simple; "
                + "the asynchronous parts (" + string.Join(", ", new[] { f.Has("async-workflow") ? "notifications and reminders" : null, f.Has("payments") ? "payment events" : null, f.Has("realtime") ? "real-time updates" : null }.Where(x => x is not null))
                + ") run through a transactional outbox and a queue, so slow third parties never block a request.";
        }
        else
        {
            kind = PatternKind.ModularMonolith;
            reason = $"{team} and {(f.Users > 0 ? Fmt(f.Users) + " users" : "a modest load")} need the simplest thing that works: one deployable with clear internal modules, one database, and a migration path if a module ever needs to scale on its own.";
        }

        return new PatternDecision(kind, Name(kind), char.ToUpperInvariant(reason[0]) + reason[1..], Alternatives(kind, f));
    }

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

        Add(PatternKind.Microservices, f.Team < 20
            ? $"A team of {f.Team} cannot absorb the operational cost of many deployables; domains are not yet proven stable (premature microservices)."
            : "Only the parts that scale independently are worth splitting; a full split would create a distributed monolith.");
        Add(PatternKind.Serverless, f.LatencyCritical
            ? $"Cold starts threaten the {f.LatencyMs?.ToString("0", CultureInfo.InvariantCulture)} ms latency target."
            : f.IsSpikyBatch ? "Chosen elsewhere." : "Load is steady rather than spiky, so always-on instances cost less and avoid cold starts and vendor-specific runtimes.");
        Add(PatternKind.EdgeEventDriven, f.IsIot ? "Chosen elsewhere." : "No devices or latency-critical geo-distributed users; edge runtimes would add complexity without benefit.");
        Add(PatternKind.ModularMonolith, f.IsIot
            ? "A request/response monolith cannot absorb device bursts and offline catch-up without a broker and edge buffering."
            : f.IsSpikyBatch ? "An always-on deployable would sit idle most of the month and still need scaling for the spike."
            : f.IsHugeScale ? "A single deployable cannot scale the read path, media and writes independently at this load." : "A plainer variant; the chosen one adds only what the requirements need.");
        Add(PatternKind.EventDrivenMonolith, "Asynchronous processing is included where the requirements need it; making everything event-driven would add eventual consistency without benefit.");
        Add(PatternKind.CqrsMonolith, f.Has("read-heavy") ? "Read models are applied only where the read path needs them." : "Reads and writes share the same shape; separate read models would be overhead.");
        return list;
    }

    internal static string Fmt(double value) => NumberText.Format(value);
}
