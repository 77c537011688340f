using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Requirements;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Requirements;

/// <summary>
/// Runs the offline reader on every brief of the shared dev set and measures recall against its gold annotation,
/// per category. The thresholds are what the reader reaches today, not the targets of the issue: the test guards
/// against regressions and prints the figures.
/// </summary>
public sealed partial class DevSetRecallTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly string DevSet = Path.Combine(RepoPaths.Root, "..", "shared", "briefs");

    [Fact]
    public async Task Reader_OnTheDevSet_ReachesItsMeasuredRecall()
    {
        if (!Directory.Exists(DevSet))
        {
            Assert.Skip("the shared dev set (../shared/briefs) is not beside this checkout");
        }

        var totals = new Dictionary<string, (int Hit, int Of)>();
        void Add(string key, int hit, int of) => totals[key] = totals.TryGetValue(key, out var t) ? (t.Hit + hit, t.Of + of) : (hit, of);
        var lines = new List<string>();
        var details = new List<string>();

        foreach (var goldFile in Directory.GetFiles(DevSet, "*.json").Order(StringComparer.Ordinal))
        {
            var gold = JsonSerializer.Deserialize<Gold>(await File.ReadAllTextAsync(goldFile, TestContext.Current.CancellationToken), Web)!;
            var brief = await File.ReadAllTextAsync(Path.ChangeExtension(goldFile, ".md"), TestContext.Current.CancellationToken);
            var model = await RequirementsReader.Default.ReadAsync(brief, [], TestContext.Current.CancellationToken);
            var figures = model.Figures.Where(f => !f.Derived).ToList();

            var figureHits = gold.Figures.Count(g => figures.Any(f => SameValue(f.Value, g.Value) && SameText(g.Text, f.Text)));
            Add("figures (value, words)", figureHits, gold.Figures.Count);
            var correct = figures.Count(f => gold.Figures.Any(g => SameValue(f.Value, g.Value) && SameText(g.Text, f.Text)) || gold.QualityTargets.Any(q => SameText(q.Text, f.Text)));
            Add("figures precision", correct, figures.Count);
            Add("quality targets", gold.QualityTargets.Count(g => model.QualityTargets.Any(q => q.Attribute == g.Attribute && SameText(g.Text, q.Text))), gold.QualityTargets.Count);
            var useCaseHits = gold.UseCases.Count(g => model.UseCases.Concat(model.Later).Any(u => FirstWord(u.Action) == FirstWord(g.Action) && Overlap(g.Object, u.Object) > 0));
            Add("use cases", useCaseHits, gold.UseCases.Count);
            Add("use cases precision", model.UseCases.Concat(model.Later).Count(u => gold.UseCases.Any(g => FirstWord(u.Action) == FirstWord(g.Action) && Overlap(g.Object, u.Object) > 0)), model.UseCases.Count + model.Later.Count);
            if (model.Language == "en")
            {
                Add("use cases (English briefs)", useCaseHits, gold.UseCases.Count);
            }

            Add("constraints", gold.Constraints.Count(g => model.Constraints.Any(c => Overlap(g, $"{c.Kind} {c.Value} {c.Text}") >= 0.5)), gold.Constraints.Count);
            Add("existing decisions", gold.ExistingDecisions.Count(g => model.ExistingDecisions.Any(d => Overlap(g, $"{d.Decision} {string.Join(' ', d.Technologies)} {d.Text}") >= 0.5)), gold.ExistingDecisions.Count);
            Add("workload", gold.Workload.Count(g => model.Workload.Any(w => w.Shape == g)), gold.Workload.Count);
            Add("actors", gold.Actors.Count(g => model.Actors.Any(a => Overlap(g, a.Name) > 0)), gold.Actors.Count);
            Add("entities", gold.Entities.Count(g => model.Entities.Any(e => Overlap(g, e.Name) > 0)), gold.Entities.Count);
            Add("actors precision", model.Actors.Count(a => gold.Actors.Any(g => Overlap(g, a.Name) > 0)), model.Actors.Count);
            Add("entities precision", model.Entities.Count(e => gold.Entities.Any(g => Overlap(g, e.Name) > 0)), model.Entities.Count);
            details.Add(Details(Path.GetFileNameWithoutExtension(goldFile), gold, model));
            lines.Add($"{Path.GetFileNameWithoutExtension(goldFile)}: figures {figureHits}/{gold.Figures.Count}, use cases {useCaseHits}/{gold.UseCases.Count}, language {model.Language}");

            // Every stated residency or region is honoured: it is in the model.
            foreach (var residency in gold.Constraints.Where(c => c.StartsWith("residency:", StringComparison.Ordinal) || c.StartsWith("region", StringComparison.Ordinal)))
            {
                Assert.True(model.Constraints.Any(c => c.Kind is "residency" or "region" or "hosting" && (Overlap(residency, $"{c.Kind} {c.Value} {c.Text}") >= 0.5 || Overlap(residency, $"{c.Kind} {c.Value}") >= 0.3)),
                    $"{Path.GetFileName(goldFile)}: stated '{residency}' is not in the model");
            }
        }

        foreach (var (key, (hit, of)) in totals)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{key,-28} {hit}/{of} = {Share(hit, of):P0}"));
        }

        var report = string.Join('\n', lines);

        // DEVSET_REPORT=path writes what each brief missed and what the reader found beyond the gold, for working on the reader.
        if (Environment.GetEnvironmentVariable("DEVSET_REPORT") is { Length: > 0 } reportPath)
        {
            await File.WriteAllTextAsync(reportPath, report + "\n\n" + string.Join("\n", details), TestContext.Current.CancellationToken);
        }
        TestContext.Current.SendDiagnosticMessage(report);
        Console.WriteLine(report);

        Assert.True(Share(totals["figures (value, words)"]) >= 0.90, report);
        Assert.True(Share(totals["figures precision"]) >= 0.95, report);
        Assert.True(Share(totals["quality targets"]) >= 0.85, report);
        Assert.True(Share(totals["existing decisions"]) >= 0.90, report);
        Assert.True(Share(totals["constraints"]) >= 0.90, report);
        Assert.True(Share(totals["workload"]) >= 0.80, report);
        Assert.True(Share(totals["use cases"]) >= 0.80, report);
        // Precision floors sit just under the measured 89 %, 89 % and 84 % (2026-12-03): the vague brief's "people … sign up"
        // is read as People and user where the gold names a community member and an account, a naming difference, not a misreading.
        Assert.True(Share(totals["use cases precision"]) >= 0.88, report);
        Assert.True(Share(totals["actors"]) >= 0.80, report);
        Assert.True(Share(totals["actors precision"]) >= 0.88, report);
        Assert.True(Share(totals["entities"]) >= 0.72, report);
        Assert.True(Share(totals["entities precision"]) >= 0.84, report);
    }

    private static string Details(string name, Gold gold, RequirementsModel model)
    {
        bool Matches(GoldUseCase g, UseCase u) => FirstWord(u.Action) == FirstWord(g.Action) && Overlap(g.Object, u.Object) > 0;
        var lines = new List<string> { $"## {name}" };
        lines.AddRange(gold.UseCases.Where(g => !model.UseCases.Concat(model.Later).Any(u => Matches(g, u))).Select(g => $"  missed use case: {g.Actor} | {g.Action} | {g.Object}"));
        lines.AddRange(model.UseCases.Concat(model.Later).Where(u => !gold.UseCases.Any(g => Matches(g, u))).Select(u => $"  extra use case:  {u.Actor} | {u.Action} | {u.Object}    <- {u.Text}"));
        lines.AddRange(model.UseCases.Concat(model.Later).Where(u => gold.UseCases.Any(g => Matches(g, u))).Select(u => $"  hit use case:    {u.Actor} | {u.Action} | {u.Object}"));
        lines.AddRange(gold.Actors.Where(g => !model.Actors.Any(a => Overlap(g, a.Name) > 0)).Select(g => $"  missed actor: {g}"));
        lines.AddRange(model.Actors.Where(a => !gold.Actors.Any(g => Overlap(g, a.Name) > 0)).Select(a => $"  extra actor:  {a.Name}"));
        lines.AddRange(gold.Entities.Where(g => !model.Entities.Any(e => Overlap(g, e.Name) > 0)).Select(g => $"  missed entity: {g}"));
        lines.AddRange(model.Entities.Where(e => !gold.Entities.Any(g => Overlap(g, e.Name) > 0)).Select(e => $"  extra entity:  {e.Name}"));
        lines.AddRange(gold.Constraints.Where(g => !model.Constraints.Any(c => Overlap(g, $"{c.Kind} {c.Value} {c.Text}") >= 0.5)).Select(g => $"  missed constraint: {g}"));
        lines.AddRange(gold.ExistingDecisions.Where(g => !model.ExistingDecisions.Any(d => Overlap(g, $"{d.Decision} {string.Join(' ', d.Technologies)} {d.Text}") >= 0.5)).Select(g => $"  missed decision: {g}"));
        return string.Join('\n', lines);
    }

    private static double Share((int Hit, int Of) t) => Share(t.Hit, t.Of);

    private static double Share(int hit, int of) => of == 0 ? 1 : (double)hit / of;

    private static bool SameValue(double a, double b) => Math.Abs(a - b) <= Math.Abs(b) * 0.005 + 1e-9;

    private static bool SameText(string gold, string got) =>
        gold.Contains(got, StringComparison.OrdinalIgnoreCase) || got.Contains(gold, StringComparison.OrdinalIgnoreCase) || Overlap(gold, got) >= 0.5;

    // The reader writes one verb for synonyms ("see" → "view"); a gold action is compared after the same mapping.
    private static string FirstWord(string s)
    {
        var action = ReadingLexicon.Default.CanonicalActions.TryGetValue(s.Trim(), out var canonical) ? canonical : s;
        return action.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? "";
    }

    /// <summary>Share of the gold phrase's content words (crudely stemmed) found in the other text.</summary>
    private static double Overlap(string gold, string got)
    {
        var g = Words(gold);
        var p = Words(got);
        return g.Count == 0 ? 0 : (double)g.Count(p.Contains) / g.Count;
    }

    private static HashSet<string> Words(string s) =>
        [.. WordRegex().Matches(s.ToLowerInvariant()).Select(m => m.Value).Where(w => !Stop.Contains(w)).Select(Stem)];

    private static string Stem(string w)
    {
        w = w.EndsWith("ies", StringComparison.Ordinal) ? w[..^3] + "y" : w.EndsWith('s') && w.Length > 3 ? w[..^1] : w;
        return w.Length > 6 ? w[..6] : w;
    }

    private static readonly HashSet<string> Stop = [.. "the a an of to in on for and or with by from at is are be our we it its that this as any all per into via up than".Split(' ')];

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordRegex();

    private sealed class Gold
    {
        public List<string> Actors { get; set; } = [];
        public List<string> Entities { get; set; } = [];
        public List<GoldUseCase> UseCases { get; set; } = [];
        public List<GoldFigure> Figures { get; set; } = [];
        public List<string> Constraints { get; set; } = [];
        public List<string> ExistingDecisions { get; set; } = [];
        public List<string> Workload { get; set; } = [];
        public List<GoldTarget> QualityTargets { get; set; } = [];
    }

    private sealed class GoldUseCase
    {
        public string Actor { get; set; } = "";
        public string Action { get; set; } = "";
        public string Object { get; set; } = "";
    }

    private sealed class GoldFigure
    {
        public double Value { get; set; }
        public string Unit { get; set; } = "";
        public string Text { get; set; } = "";
    }

    private sealed class GoldTarget
    {
        public string Attribute { get; set; } = "";
        public string Text { get; set; } = "";
    }
}
