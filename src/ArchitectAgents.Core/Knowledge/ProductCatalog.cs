namespace ArchitectAgents.Core.Knowledge;

/// <summary>The shipped product families (products.json): what a team could adopt instead of building.</summary>
public sealed class ProductCatalog
{
    private static readonly Lazy<ProductCatalog> Shared = new(() => KnowledgeFile.Read<ProductCatalog>("products"));

    /// <summary>The embedded catalogue, loaded once.</summary>
    public static ProductCatalog Default => Shared.Value;

    /// <summary>Date of the catalogue.</summary>
    public string Version { get; set; } = "";

    /// <summary>Entries.</summary>
    public List<ProductFamily> Families { get; set; } = [];

    /// <summary>The family whose words the requirements model uses most (two distinct at least), or null: the kind of product the brief describes.</summary>
    public ProductFamily? FamilyOf(Document.RequirementsModel model)
    {
        var words = model.UseCases.SelectMany(u => new[] { u.Action, u.Object })
            .Concat(model.Entities.Select(e => e.Name)).Concat(model.Nouns)
            .Select(w => w.ToLowerInvariant()).ToList();
        return Families
            .Select(x => (Family: x, Hits: x.Words.Count(w => words.Any(m => m == w || m == w + "s" || m.EndsWith(" " + w, StringComparison.Ordinal) || m.StartsWith(w + " ", StringComparison.Ordinal)))))
            .Where(x => x.Hits >= 2).OrderByDescending(x => x.Hits).Select(x => x.Family).FirstOrDefault();
    }
}

/// <summary>A kind of product several vendors or open-source projects offer.</summary>
public sealed class ProductFamily
{
    /// <summary>Unique id.</summary>
    public string Id { get; set; } = "";

    /// <summary>What the products are, in words ("integrated library system").</summary>
    public string Name { get; set; } = "";

    /// <summary>Words of a brief in this domain; two distinct ones must be in the model.</summary>
    public List<string> Words { get; set; } = [];

    /// <summary>Products, each with how it is offered.</summary>
    public List<string> Products { get; set; } = [];

    /// <summary>What the products cover.</summary>
    public string Covers { get; set; } = "";

    /// <summary>How a team moves its old records into the products (their import formats), or empty when nothing standard is known.</summary>
    public string Migration { get; set; } = "";
}
