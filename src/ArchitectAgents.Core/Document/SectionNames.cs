namespace ArchitectAgents.Core.Document;

/// <summary>The names of the document's sections and their C# types.</summary>
public static class SectionNames
{
    /// <summary>The brief.</summary>
    public const string Brief = "brief";
    /// <summary>Gathered context.</summary>
    public const string Context = "context";
    /// <summary>Technology verification.</summary>
    public const string Verification = "verification";
    /// <summary>Design deliverables.</summary>
    public const string Design = "design";
    /// <summary>Security review.</summary>
    public const string Review = "review";
    /// <summary>Artifact validation.</summary>
    public const string Validation = "validation";
    /// <summary>Checklist gate.</summary>
    public const string Gate = "gate";
    /// <summary>Usage and cost.</summary>
    public const string Usage = "usage";

    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        [Brief] = typeof(BriefSection),
        [Context] = typeof(ContextSection),
        [Verification] = typeof(VerificationSection),
        [Design] = typeof(DesignSection),
        [Review] = typeof(ReviewSection),
        [Validation] = typeof(ValidationSection),
        [Gate] = typeof(GateSection),
        [Usage] = typeof(UsageSection),
    };

    /// <summary>All section names in document order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Types.Keys];

    /// <summary>True when the name is a known section.</summary>
    public static bool IsKnown(string name) => Types.ContainsKey(name);

    /// <summary>The C# type of a section.</summary>
    public static Type TypeOf(string name) =>
        Types.TryGetValue(name, out var type) ? type : throw new ArgumentException($"Unknown section '{name}'.", nameof(name));

    internal static SectionBase? Get(DesignDocument doc, string name) => name switch
    {
        Brief => doc.Brief,
        Context => doc.Context,
        Verification => doc.Verification,
        Design => doc.Design,
        Review => doc.Review,
        Validation => doc.Validation,
        Gate => doc.Gate,
        Usage => doc.Usage,
        _ => throw new ArgumentException($"Unknown section '{name}'.", nameof(name)),
    };

    /// <summary>Replaces a section of a document by name.</summary>
    public static void Set(DesignDocument doc, string name, SectionBase? value)
    {
        switch (name)
        {
            case Brief: doc.Brief = (BriefSection?)value; break;
            case Context: doc.Context = (ContextSection?)value; break;
            case Verification: doc.Verification = (VerificationSection?)value; break;
            case Design: doc.Design = (DesignSection?)value; break;
            case Review: doc.Review = (ReviewSection?)value; break;
            case Validation: doc.Validation = (ValidationSection?)value; break;
            case Gate: doc.Gate = (GateSection?)value; break;
            case Usage: doc.Usage = (UsageSection?)value; break;
            default: throw new ArgumentException($"Unknown section '{name}'.", nameof(name));
        }
    }
}
