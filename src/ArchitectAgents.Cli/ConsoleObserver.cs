using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Cli;

/// <summary>Prints progress per agent on stderr and asks clarifying questions at the prompt.</summary>
internal sealed class ConsoleObserver(TextWriter progress, TextReader input, bool canAsk) : IDesignRunObserver
{
    public void OnEvent(WorkflowEvent workflowEvent)
    {
        switch (workflowEvent)
        {
            case NodeStartedEvent started:
                progress.WriteLine($"  > {started.Node}{(started.Round > 1 ? $" (round {started.Round})" : "")}");
                break;
            case NodeCompletedEvent done:
                progress.WriteLine($"  ✓ {done.Node}: {done.Outcome}{(string.IsNullOrWhiteSpace(done.Notes) ? "" : " — " + OneLine(done.Notes))} ({(done.Replayed ? "finished before the stop, replayed from the journal" : $"{done.DurationMs} ms")})");
                break;
            case AgentOutputRejectedEvent rejected:
                progress.WriteLine($"  ✗ {rejected.Node}: {rejected.Reason}");
                break;
            case AgentOutputRepairEvent repair:
                progress.WriteLine($"  ↻ {repair.Node}: reply rejected, repair turn {repair.Attempt} ({OneLine(string.Join("; ", repair.Errors))})");
                break;
            case ToolCalledEvent tool:
                progress.WriteLine($"  · {tool.Node} called {tool.Tool}");
                break;
        }
    }

    public Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<ClarifyingQuestion> questions, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>();
        if (!canAsk)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>>(answers);
        }

        progress.WriteLine();
        progress.WriteLine($"The context gatherer has {questions.Count} question(s). Press Enter to skip one; a skipped question becomes an explicit assumption.");
        for (var i = 0; i < questions.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var q = questions[i];
            progress.WriteLine();
            progress.WriteLine($"[{i + 1}/{questions.Count}] {q.Text}");
            progress.WriteLine($"      why: {q.Why}");
            progress.Write("      > ");
            progress.Flush();
            var line = input.ReadLine();
            if (line is null)
            {
                break;
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                answers[q.Id] = line.Trim();
            }
        }

        progress.WriteLine();
        return Task.FromResult<IReadOnlyDictionary<string, string>>(answers);
    }

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
