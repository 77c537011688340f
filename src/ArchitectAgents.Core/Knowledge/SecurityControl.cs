namespace ArchitectAgents.Core.Knowledge;

/// <summary>A security or compliance control the reviewer checks the design against.</summary>
public sealed class SecurityControl
{
    /// <summary>Unique id, also the finding id.</summary>
    public string Id { get; set; } = "";
    /// <summary>baseline, GDPR, HIPAA, PCI DSS or SOC 2.</summary>
    public string Regime { get; set; } = "";
    /// <summary>Standard or clause reference.</summary>
    public string Standard { get; set; } = "";
    /// <summary>STRIDE category.</summary>
    public string Stride { get; set; } = "";
    /// <summary>critical, high, medium or low.</summary>
    public string Severity { get; set; } = "";
    /// <summary>Finding title when the control is missing.</summary>
    public string Title { get; set; } = "";
    /// <summary>Section of the design it concerns.</summary>
    public string AffectedSection { get; set; } = "";
    /// <summary>How the design is checked.</summary>
    public ControlCheck Check { get; set; } = new();
    /// <summary>What to do.</summary>
    public string Recommendation { get; set; } = "";
    /// <summary>What the designer adds to satisfy it.</summary>
    public ControlRemedy Remedy { get; set; } = new();
    /// <summary>When the design adopts a product: "vendor" when the control concerns the product's own code, API or
    /// database (the vendor's, held to it by the contract), else the words (|-separated) the design must say instead.
    /// Empty: the usual check applies.</summary>
    public string Adopted { get; set; } = "";
}

/// <summary>A mechanical check of a design.</summary>
public sealed class ControlCheck
{
    /// <summary>schema-table, schema-column, api-path, api-response, design-mentions, technology-category.</summary>
    public string Kind { get; set; } = "";
    /// <summary>What to look for.</summary>
    public string Value { get; set; } = "";
}

/// <summary>Additions to a design that satisfy a control.</summary>
public sealed class ControlRemedy
{
    /// <summary>DDL to append.</summary>
    public string Ddl { get; set; } = "";
    /// <summary>API operations to add.</summary>
    public List<RemedyOperation> Api { get; set; } = [];
    /// <summary>Deployment or operational controls to add.</summary>
    public List<string> Deployment { get; set; } = [];
    /// <summary>Technology to add, by catalogue id.</summary>
    public string TechnologyId { get; set; } = "";
}

/// <summary>An API operation a remedy adds.</summary>
public sealed class RemedyOperation
{
    /// <summary>HTTP method.</summary>
    public string Method { get; set; } = "get";
    /// <summary>Path.</summary>
    public string Path { get; set; } = "";
    /// <summary>Summary.</summary>
    public string Summary { get; set; } = "";
    /// <summary>True for collection GETs (paginated).</summary>
    public bool List { get; set; }
    /// <summary>Tables the operation reads or writes (the contract's x-tables).</summary>
    public List<string> Tables { get; set; } = [];

    /// <summary>Component that answers it without a table (the contract's x-owner), when it has no tables.</summary>
    public string Owner { get; set; } = "";

    /// <summary>True for an operation a third party calls with its own signature instead of a user's token (a payment provider's webhook).</summary>
    public bool Public { get; set; }

    /// <summary>Fields of its request body (only what a client may set); empty: an action body with a reason.</summary>
    public List<EntityColumn> Body { get; set; } = [];

    /// <summary>For an action body with a reason, an example reason that fits this action ("The partner's endpoint was down").</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// True for a public read served from a CDN cache: no token, validators (ETag, Last-Modified) and 304 Not Modified on a
    /// conditional request, so most polls never reach the origin and those that do cost no body.
    /// </summary>
    public bool Conditional { get; set; }

    /// <summary>True for a create a client may retry (a checkout, a hold, a posting): it takes the Idempotency-Key header.</summary>
    public bool Idempotent { get; set; }

    /// <summary>True for an action that takes no body at all (issue a signed URL, join a queue): the caller's token says who.</summary>
    public bool NoBody { get; set; }

    /// <summary>Fields of what it answers when that is not the record itself (a signed URL and when it expires); empty: the record.</summary>
    public List<EntityColumn> Returns { get; set; } = [];

    /// <summary>
    /// Use-case actions the operation performs on its first table ("pay" for a hosted checkout on payments): such a
    /// use case gets no operation of its own (the client never creates the payment) and this one claims it.
    /// </summary>
    public List<string> Serves { get; set; } = [];

    /// <summary>The ids of the use cases it serves (the contract's x-use-cases), filled in by the designer.</summary>
    public List<string> UseCases { get; set; } = [];

    /// <summary>For a mechanism's operation: left out when the mechanism folds into a record of the design (creating that record is the operation).</summary>
    public bool UnlessFolded { get; set; }

    /// <summary>For a mechanism's operation: left out when the design also uses this capability, which does the step itself (the provider's webhook confirms a paid hold).</summary>
    public string? UnlessCapability { get; set; }
}

/// <summary>The controls file.</summary>
public sealed class ControlCatalog
{
    /// <summary>Entries.</summary>
    public List<SecurityControl> Controls { get; set; } = [];
}
