using ArchitectAgents.Core.Document;
using ArchitectAgents.Models;
using ArchitectAgents.Runs.Execution;

namespace ArchitectAgents.Runs.Requests;

/// <summary>
/// The checks every way of starting a run applies (REST, MCP): the brief's text rules, a known workflow, model
/// overrides that name real agents and configured models, and models that can actually be called.
/// </summary>
public static class RunRequestCheck
{
    /// <summary>What is wrong with a brief (missing, blank, over the limit, control characters), or null.</summary>
    public static string? BriefProblem(string? brief, int maxBriefBytes)
    {
        if (brief is null)
        {
            return "is required";
        }

        if (string.IsNullOrWhiteSpace(brief))
        {
            return "is empty";
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(brief);
        if (bytes > maxBriefBytes)
        {
            return $"is {bytes / 1024} KiB; the limit is {maxBriefBytes / 1024} KiB";
        }

        return PlainText.HasControlCharacters(brief) ? PlainText.Refusal : null;
    }

    /// <summary>Most documents a run may be given beside its brief.</summary>
    public const int MaxAttachments = 10;

    /// <summary>
    /// What is wrong with the documents given beside a brief of <paramref name="briefBytes"/> bytes: too many, a blank
    /// name, control characters (they reach the agents as the brief does), or brief and documents over twice the brief limit.
    /// </summary>
    public static RunRequestProblem? AttachmentsProblem(IReadOnlyList<AttachedDocument> attachments, int briefBytes, int maxBriefBytes)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        if (attachments.Count > MaxAttachments)
        {
            return new("attachments", $"must be an array of at most {MaxAttachments} {{name, content}} objects");
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(attachments[i].Name))
            {
                return new($"attachments[{i}].name", "must be a file name");
            }

            if (PlainText.HasControlCharacters(attachments[i].Name))
            {
                return new($"attachments[{i}].name", PlainText.Refusal);
            }

            if (PlainText.HasControlCharacters(attachments[i].Content))
            {
                return new($"attachments[{i}].content", PlainText.Refusal);
            }
        }

        return attachments.Sum(a => System.Text.Encoding.UTF8.GetByteCount(a.Content)) + briefBytes > maxBriefBytes * 2
            ? new("attachments", $"brief and attachments together exceed {maxBriefBytes * 2 / 1024} KiB")
            : null;
    }

    /// <summary>True when <see cref="BriefProblem"/> refused the brief for its size (REST answers 413 for that).</summary>
    public static bool IsSizeProblem(string error) => error.Contains("the limit is", StringComparison.Ordinal);

    /// <summary>
    /// Checks the workflow (null for the default) and the model overrides; returns the workflow id to run, or the problem.
    /// </summary>
    public static (string? Workflow, RunRequestProblem? Problem) Options(DefinitionSet definitions, ModelCatalog models, string? workflow, IReadOnlyDictionary<string, string>? overrides)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(models);
        var id = workflow ?? definitions.DefaultWorkflow;
        if (!definitions.Workflows.TryGetValue(id, out var definition))
        {
            return (null, new("workflow", $"unknown workflow '{id}' (known: {string.Join(", ", definitions.Workflows.Keys)})"));
        }

        foreach (var (agent, model) in overrides ?? new Dictionary<string, string>())
        {
            if (agent != "*" && !definitions.Catalog.TryGet(agent, out _))
            {
                return (null, new($"options.models.{agent}", $"'{agent}' is not an agent id (agents: {string.Join(", ", definitions.Catalog.Agents.Select(a => a.Id))}; use \"*\" for all)"));
            }

            if (!models.Contains(model))
            {
                return (null, new($"options.models.{agent}", $"model '{model}' is not configured (models: {string.Join(", ", models.All.Select(m => m.Name).Order(StringComparer.Ordinal))})"));
            }
        }

        return RunModelCheck.FindUnusable(definition, definitions, models, overrides) is { } unusable
            ? (null, new(unusable.Field, unusable.Error, Configuration: true))
            : (id, null);
    }
}
