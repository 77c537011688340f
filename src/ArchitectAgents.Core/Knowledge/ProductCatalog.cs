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
}
