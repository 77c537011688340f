using System.ComponentModel;
using System.Text.Json.Serialization;

namespace ArchitectAgents.Core.Document;

/// <summary>A quantity from the brief: value and unit, what it applies to, and the exact words it came from.</summary>
public sealed class Figure
{
    /// <summary>Stable id within the document ("fig-1").</summary>
    public string Id { get; set; } = "";

    /// <summary>What is counted or measured ("bookings per day", "team size", "hosting budget").</summary>
    public string Quantity { get; set; } = "";

    /// <summary>The value in the unit below ("1,5 Mio" is 1500000).</summary>
    public double Value { get; set; }

    /// <summary>Unit, with a period when it is a rate ("bookings/day", "requests/s", "GBP/month", "developers").</summary>
    public string Unit { get; set; } = "";

    /// <summary>The scope it applies to, when the brief gives one ("per DC", "Friday evenings").</summary>
    public string? AppliesTo { get; set; }

    /// <summary>The exact words of the brief (wrapped lines joined with one space).</summary>
    [Description("The exact words of the brief, or for a derived figure the figures it was derived from.")]
    public string Text { get; set; } = "";

    /// <summary>True when computed from stated figures rather than stated; never presented as stated.</summary>
    public bool Derived { get; set; }

    /// <summary>For a derived figure, the arithmetic ("70000 searches/day ÷ 86400 s × 10 peak factor").</summary>
    public string? Derivation { get; set; }

    /// <summary>
    /// True for a derived total: a figure stated per unit multiplied by the stated count of those units ("12k/day per
    /// DC" × "3 distribution centres"). It sizes the design as a stated figure would, since it is only arithmetic.
    /// </summary>
    public bool Total { get; set; }

    /// <summary>Whether the design is sized by it: a stated figure, or a total of stated ones.</summary>
    [JsonIgnore]
    public bool Sizes => !Derived || Total;
}
