using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Rendering;

namespace ArchitectAgents.Core.Validation;

/// <summary>What validating a set of deliverable files found.</summary>
public sealed record DeliverableReport(IReadOnlyList<string> Present, IReadOnlyList<string> Absent, IReadOnlyList<ArtifactValidation> Results)
{
    /// <summary>True when any validator failed.</summary>
    public bool Failed => Results.Any(r => r.Outcome == ValidationOutcome.Failed);
}

/// <summary>
/// Validates deliverables on disk: ours, or a person's. Only the files that are there are checked; the
/// document rules apply only when design.json is present.
/// </summary>
public static class DeliverableValidation
{
    /// <summary>Validates the deliverable files in a directory, or a single artifact file.</summary>
    /// <exception cref="ArgumentException">The path holds no deliverable this tool knows.</exception>
    public static async Task<DeliverableReport> ValidateAsync(string path, IReadOnlyList<IArtifactValidator> validators, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(path) ? FilesIn(path) : SingleFile(path);
        if (files.Count == 0)
        {
            throw new ArgumentException($"'{path}' holds none of {string.Join(", ", DeliverableSet.Names.Where(n => n != DeliverableSet.Report && n != DeliverableSet.Review))}");
        }

        var results = new List<ArtifactValidation>();
        DesignDocument? document = null;
        if (files.TryGetValue(DeliverableSet.Document, out var designJson))
        {
            try
            {
                document = JsonSerializer.Deserialize<DesignDocument>(File.ReadAllText(designJson), DocumentJson.Options);
            }
            catch (JsonException ex)
            {
                results.Add(ValidationResults.From(DeliverableSet.Document, "design-json", [ValidationResults.Error($"not a design document: {ex.Message}", (int?)ex.LineNumber + 1, (int?)ex.BytePositionInLine + 1)]));
            }
        }

        var hasDocument = document is not null;
        document ??= new DesignDocument();
        document.Design ??= new DesignSection();
        if (files.TryGetValue(DeliverableSet.Diagram, out var mmd))
        {
            document.Design.Architecture.Mermaid = File.ReadAllText(mmd);
        }

        if (files.TryGetValue(DeliverableSet.OpenApi, out var openapi))
        {
            document.Design.Api.OpenApiYaml = File.ReadAllText(openapi);
        }

        if (files.TryGetValue(DeliverableSet.Schema, out var schema))
        {
            document.Design.Database.Ddl = File.ReadAllText(schema);
        }

        foreach (var validator in validators)
        {
            var applies = validator.Artifact == DeliverableSet.Document ? hasDocument : files.ContainsKey(validator.Artifact);
            if (applies)
            {
                results.Add(await validator.ValidateAsync(document, cancellationToken).ConfigureAwait(false));
            }
        }

        string[] known = [DeliverableSet.Diagram, DeliverableSet.OpenApi, DeliverableSet.Schema, DeliverableSet.Document];
        return new DeliverableReport([.. known.Where(files.ContainsKey)], [.. known.Where(k => !files.ContainsKey(k))], results);
    }

    private static Dictionary<string, string> FilesIn(string directory)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string artifact, params string[] names)
        {
            if (names.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists) is { } found)
            {
                files[artifact] = found;
            }
        }

        Add(DeliverableSet.Diagram, "architecture.mmd", "architecture.mermaid");
        Add(DeliverableSet.OpenApi, "openapi.yaml", "openapi.yml", "openapi.json");
        Add(DeliverableSet.Schema, "schema.sql");
        Add(DeliverableSet.Document, "design.json");
        return files;
    }

    private static Dictionary<string, string> SingleFile(string file)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        var name = Path.GetFileName(file).ToLowerInvariant();
        var artifact = name switch
        {
            "design.json" => DeliverableSet.Document,
            _ when name.EndsWith(".mmd", StringComparison.Ordinal) || name.EndsWith(".mermaid", StringComparison.Ordinal) => DeliverableSet.Diagram,
            _ when name.EndsWith(".sql", StringComparison.Ordinal) => DeliverableSet.Schema,
            _ when name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal) => DeliverableSet.OpenApi,
            _ => null,
        };
        return artifact is null ? [] : new Dictionary<string, string> { [artifact] = file };
    }
}
