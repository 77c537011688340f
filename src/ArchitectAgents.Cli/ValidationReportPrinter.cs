using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Validation;

namespace ArchitectAgents.Cli;

/// <summary>Prints a validation report for people.</summary>
internal static class ValidationReportPrinter
{
    public static void Print(TextWriter output, DeliverableReport report)
    {
        foreach (var result in report.Results)
        {
            var mark = result.Outcome switch
            {
                ValidationOutcome.Passed => "PASSED ",
                ValidationOutcome.Failed => "FAILED ",
                _ => "SKIPPED",
            };
            output.WriteLine($"{mark} {result.Artifact} ({result.Validator}){(result.Outcome == ValidationOutcome.Skipped ? ": " + result.SkippedReason : "")}");
            foreach (var message in result.Messages)
            {
                var where = message.Line is { } line ? $"{result.Artifact}:{line}{(message.Column is { } column ? ":" + column : "")}: " : "";
                output.WriteLine($"        {message.Level}: {where}{message.Message}");
            }
        }

        if (report.Absent.Count > 0)
        {
            output.WriteLine($"absent (not checked): {string.Join(", ", report.Absent)}");
        }

        var failed = report.Results.Count(r => r.Outcome == ValidationOutcome.Failed);
        var skipped = report.Results.Count(r => r.Outcome == ValidationOutcome.Skipped);
        output.WriteLine($"{report.Results.Count - failed - skipped} passed, {failed} failed, {skipped} skipped");
    }
}
