using System.Globalization;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The RPO and RTO the context states or assumes, read with the same parser the gate's figure check uses, so the
/// disaster-recovery plan promises the figure the report already quotes instead of a second one from a table.
/// A stated figure wins over an assumed one.
/// </summary>
internal static class RecoveryTargets
{
    /// <summary>RPO and RTO in minutes, when the context gives them.</summary>
    public static (double? Rpo, double? Rto) From(ContextSection context)
    {
        // The requirements model's targets are the brief's own words; they come first.
        double? Target(string attribute) => context.Requirements.QualityTargets.FirstOrDefault(q => q.Attribute == attribute && q.Value is not null) is { } q
            ? q.Value!.Value * q.Unit switch { "s" => 1.0 / 60, "ms" => 1.0 / 60_000, "hours" => 60, "days" => 1440, _ => 1 }
            : null;
        var (passageRpo, passageRto) = FromPassages(context);
        return (Target("rpo") ?? passageRpo, Target("rto") ?? passageRto);
    }

    private static (double? Rpo, double? Rto) FromPassages(ContextSection context)
    {
        var figures = DesignView.ContextPassages(context).SelectMany(RecoveryFigures.In).ToList();
        double? Pick(string figure) => figures.Where(f => f.Figure == figure)
            .OrderBy(f => f.Location.StartsWith("context.assumptions", StringComparison.Ordinal) ? 1 : 0)
            .Select(f => (double?)f.Value).FirstOrDefault();
        return (Pick("RPO"), Pick("RTO"));
    }

    /// <summary>Minutes in words: "0", "30 seconds", "5 minutes", "4 hours".</summary>
    public static string Words(double minutes) => minutes switch
    {
        0 => "0",
        < 1 => $"{(minutes * 60).ToString("0", CultureInfo.InvariantCulture)} seconds",
        >= 60 when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{(minutes / 60).ToString("0", CultureInfo.InvariantCulture)} hours",
        1 => "1 minute",
        _ => $"{minutes.ToString("0.##", CultureInfo.InvariantCulture)} minutes",
    };
}
