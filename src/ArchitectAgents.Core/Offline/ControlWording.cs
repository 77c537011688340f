using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The deployment sentence of a security control, said of this design: which tables, stores, components and actors
/// it covers. The catalogue's remedy is written for any system, so every report repeated it word for word; a
/// control that names what it protects is also one a reviewer can check. Each sentence keeps the words the
/// control's own check looks for (controls.json "design-mentions"), so the review still finds it. Controls without
/// a wording here keep the catalogue's sentence (after the kit's renaming).
/// </summary>
internal static class ControlWording
{
    // The processors of this design: the cloud or host it runs on (none on premises), its managed database, and the providers it sends data to.
    private static List<string> Processors(ComponentPlan plan, DesignFacts f)
    {
        var kit = plan.Kit!;
        var host = kit.Hosting switch
        {
            "aws" or "azure" or "gcp" => DesignNarrative.Cloud(f),
            "hosted" or "any" => kit.Compute?.Name is { } compute ? $"the hosting provider ({compute})" : "the hosting provider",
            _ => null,
        };
        var hosts = new[] { host, kit.ManagedDatabase?.Name }.OfType<string>().Distinct().ToList();
        var providers = plan.Components.Where(c => c.Kind == "external" && (c.Name.Contains("provider", StringComparison.OrdinalIgnoreCase) || c.Name.Contains("gateway", StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Name);
        return [.. hosts.Concat(providers).Distinct()];
    }

    public static string For(SecurityControl control, string text, DesignFacts f, ComponentPlan plan, DesignWords w)
    {
        var kit = plan.Kit!;
        var edge = w.Edge ?? "the edge";
        var monitor = kit.MonitorName;
        var personal = w.PersonalTables.Count > 0 ? DesignWords.List(w.PersonalTables, 4) : "the personal-data tables";
        // Append-only records (signatures, ledgers, audit trails) are never deleted: erasure and retention pseudonymise
        // the person in them instead, so the record the regime needs stays intact.
        // A brief that forbids physical deletes keeps every table: erasure and retention pseudonymise and archive instead.
        var kept = w.Tables.Where(t => f.NeverDeletes || Gate.AppendOnlyRecords.IsAppendOnly(t)).ToList();
        var erasable = w.PersonalTables.Except(kept).ToList() is { Count: > 0 } rest ? DesignWords.List(rest, 4) : personal;
        var keptClause = kept.Count > 0 ? $"; append-only records ({DesignWords.List(kept, 4)}) are never deleted: the person's identifiers in them are pseudonymised instead" : "";
        var postgres = kit.Database is null or { Id: "postgresql" };
        return control.Id switch
        {
            "BASE-AUTHN" => $"Every operation except GET /health requires an OpenID Connect bearer token from {w.Identity ?? "the sign-in service"}, checked at {edge} and again in {w.App} (issuer, audience, expiry, signature)"
                + (w.Systems.Count > 0 ? $"; {DesignWords.List(w.Systems)} call with hashed, scoped API keys" : "")
                + (plan.Capabilities.Any(c => c.Id == "api-client-credentials") ? "; partners and integrators authenticate with their own client credentials from api_clients (scoped, rotated, revocable), checked by the application." : "."),
            "BASE-BOLA" => $"Object-level authorization: {w.App} checks every {{id}} lookup of {DesignWords.List(w.Tables)} against the caller's "
                + (f.Has("multi-tenant")
                    ? $"tenant and ownership, and {(postgres ? "PostgreSQL row-level security" : $"{w.Database} row-level policies")} on tenant-owned tables catches a missed filter; cross-tenant access tests run in CI."
                    : $"ownership and role{(w.People.Count > 0 ? $" ({DesignWords.List(w.People)})" : "")}, and CI tests fetch another caller's {(w.Tables.Count > 0 ? w.Tables[0] : "records")} and expect 404."),
            "BASE-PROPERTY-AUTHZ" => $"Mass assignment: request schemas allow-list the fields a caller may send and response schemas are explicit per role, so "
                + (w.ServerOwnedFields.Count > 0 ? $"{DesignWords.List(w.ServerOwnedFields, 4)} change{(w.ServerOwnedFields.Count == 1 ? "s" : "")} only through {w.App}'s own transitions, never from request bodies." : $"ids, owners and timestamps of {DesignWords.List(w.Tables)} are never bound from input."),
            "BASE-RATE-LIMIT" => RateLimit(w, edge),
            // A GitOps controller exists only beside a cluster; elsewhere the deploy pipeline is the record of what runs where.
            "SOC2-CHANGE" when !kit.Kubernetes => text.Replace("the GitOps controller records which commit is deployed where",
                $"{w.Technology("ci-cd") ?? "the deploy pipeline"} deploys only from main and records which commit is deployed where", StringComparison.Ordinal),
            "PCI-SEGMENTATION" => Segmentation(plan, w),
            "BASE-INPUT-VALIDATION" => $"Input validation: {w.App} checks each request against openapi.yaml (types, lengths, formats, enums, unknown fields rejected) before {(w.Writes.Count > 0 ? "the requests of " + DesignWords.List(w.Writes, 2) : "it")} reach{(w.Writes.Count == 0 ? "es" : "")} {w.Database}, and "
                + (w.Technology("orm") is { } orm ? $"{orm} sends only parameterised SQL." : "all SQL is parameterised."),
            "BASE-SECRETS" => $"Secrets ({DesignWords.List(w.Secrets, 4)}) come from {w.Technology("secrets") ?? "the platform's secret store"} at runtime, never from images, Git or plain environment files, and CI scans every push for leaked secrets.",
            "BASE-TLS" => $"TLS 1.3 preferred (TLS 1.2 minimum) from clients to {edge} (with HSTS) and from {w.App} to {DesignWords.List(w.Hops, 4)}, with certificates renewed automatically by {Renewal(kit)}.",
            "BASE-ENCRYPTION-AT-REST" => $"Encryption at rest: the data and backups of {DesignWords.List(w.Stores, 4)} use AES-256 with keys in {kit.Keys?.Name ?? kit.Secrets?.Name ?? "the platform's key service"}, rotated yearly, usable only by the owning service role"
                + (w.PersonalTables.Count > 0 ? $", which matters because {personal} hold personal data." : "."),
            "BASE-SECURITY-LOGGING" => $"Security logging: sign-ins{(w.People.Count > 0 ? $" of {DesignWords.List(w.People)}" : "")}, authorization denials, role changes and rate-limit hits at {edge} go to {monitor} as structured security events (no secrets{(f.Regimes.Contains("HIPAA") ? " or health data" : "")}), with alerts on spikes.",
            "BASE-SUPPLY-CHAIN" => SupplyChain(f, plan, w),
            "BASE-BACKUP-RESTORE" => BackupRestore(f, plan, w, postgres),
            "GDPR-CONSENT" => $"Consent records{(w.People.Count > 0 ? $" of {DesignWords.List(w.People)}" : "")} are append-only: a withdrawal is a new row in consent_records, so the history can be shown to a supervisory authority; "
                + "the privacy notice (GDPR Art. 13: what is collected, why, for how long, who processes it) is shown before sign-up and linked from every page, and each consent row names the notice version it was given under.",
            // A legal duty to keep the records (a validated system's audit trail, signatures kept for 15 years) wins over
            // erasure (GDPR Art. 17(3)(b)): those records stay unaltered, their use is restricted, and the rest is erased.
            "GDPR-ERASURE" when f.NeverDeletes && f.Context.Requirements.Constraints.FirstOrDefault(c => c.Kind == "retention") is { } duty =>
                $"An erasure request is recorded in erasure_requests and checked against the brief's retention duty (\"{duty.Text.Trim().TrimEnd('.')}\"): the records it covers ({personal}) stay unaltered until that period ends, "
                + "since GDPR Art. 17(3)(b) exempts data kept under a legal obligation, and their use is restricted to the roles that must keep them; "
                + "personal data outside those records (consents, contact preferences, sessions) is erased, and the requester is told which records are kept, why and until when.",
            "GDPR-ERASURE" when f.NeverDeletes => $"Erasure requests pseudonymise the data subject in {personal}"
                + (w.Copies.Count > 0 ? $" and their copies in {DesignWords.List(w.Copies)}" : "")
                + $": rows are never physically deleted (the brief forbids it), the person's identifiers are replaced by a pseudonym whose key is destroyed, and restored {w.Database} backups replay the erasure log.",
            "GDPR-ERASURE" => $"Erasure jobs clear a data subject's rows in {erasable}"
                + (w.Copies.Count > 0 ? $" and their copies in {DesignWords.List(w.Copies)}" : "")
                + keptClause
                + (w.Tables.Contains("users") ? "; the users row itself is anonymised in place (a tombstone with no name, e-mail or identifiers), so what others still see keeps a valid reference and no ON DELETE RESTRICT blocks the erasure" : "")
                + $"; {w.Database} backups age out within the retention window and restored backups replay the erasure log.",
            "GDPR-PORTABILITY" => $"Exports of {personal} are written to {w.Component("storage") ?? "a private bucket"}, encrypted, served through presigned URLs valid for 24 hours and deleted after 7 days.",
            "GDPR-BREACH" => text.Replace("suspected personal-data breaches are triaged", $"a suspected breach of {personal} is triaged", StringComparison.Ordinal),
            "GDPR-PROCESSORS" => Processors(plan, f) is { Count: > 0 } processors
                ? $"A data processing agreement (GDPR Art. 28) is signed with {DesignWords.List(processors, 5)} before personal data{(w.PersonalTables.Count > 0 ? $" ({personal})" : "")} reaches them; each is listed with where it processes the data and its sub-processors in the record of processing activities."
                : $"No processor handles personal data{(w.PersonalTables.Count > 0 ? $" ({personal})" : "")}: it stays on the organisation's own servers; a provider added later (a support vendor, e-mail or SMS) first signs a data processing agreement (GDPR Art. 28) and is listed in the record of processing activities.",
            "GDPR-ROPA" => $"The record of processing activities covers {personal} and is reviewed by the DPO in every release that adds a personal-data field.",
            "GDPR-RETENTION" when f.NeverDeletes && f.Context.Requirements.Constraints.Any(c => c.Kind == "retention") =>
                $"Rows of {personal} are kept unaltered for the stated retention period, then archived to write-once storage and only after it ends pseudonymised; a nightly job finds rows past their period, never deletes one, and the audit trail keeps each change.",
            "GDPR-RETENTION" when f.NeverDeletes => $"A nightly retention job anonymises rows of {personal} older than the period retention_policies records for their table and data category and logs what it changed; no row is physically deleted, as the brief requires, and the audit trail keeps each change.",
            "GDPR-RETENTION" => $"A nightly retention job deletes or anonymises rows of {erasable} older than the period retention_policies records for their table and data category and logs what it removed{keptClause}.",
            "HIPAA-AUDIT" => $"Every read and write of PHI{(w.PersonalTables.Count > 0 ? $" ({personal})" : "")} is recorded in audit_log, shipped to write-once storage (object lock) and retained for {AuditRetention(f)}; the application role may INSERT into audit_log but not UPDATE or DELETE.",
            _ => text,
        };
    }

    // A load balancer or platform ingress counts requests per address at best; a per-key, per-account budget needs the
    // caller's identity, so the application keeps it, in the shared cache when there is one (every instance sees one count).
    private static string RateLimit(DesignWords w, string edge)
    {
        var store = w.Component("cache") is { } cache && !cache.Contains("pub", StringComparison.OrdinalIgnoreCase) ? cache : w.Database;
        var accounts = w.People.Count > 0 ? $" of {DesignWords.List(w.People)}" : "";
        return $"Rate limiting: {edge} caps requests per client address, and {w.App} gives each API key and each account{accounts} a token bucket counted in {store}, "
            + $"stricter on sign-in{(w.HasExports ? " and exports" : "")}; pages are capped at 100 items and bodies at 1 MB, and excess requests get 429 with Retry-After.";
    }

    // With hosted checkout no card number reaches our components (SAQ A), so there is no cardholder data environment to
    // fence: what remains is keeping the webhook receiver and the provider's key apart. NetworkPolicies exist only on a cluster.
    private static string Segmentation(ComponentPlan plan, DesignWords w)
    {
        var fence = plan.Kit!.Kubernetes ? "its own namespace with deny-by-default NetworkPolicies" : "its own subnet and security group, deny by default";
        // The payment provider, not the identity provider: the component named for payments.
        var provider = plan.Components.FirstOrDefault(c => c.Kind == "external" && c.Id != "idp" && c.Name.Contains("payment", StringComparison.OrdinalIgnoreCase))?.Name ?? "the payment provider";
        return plan.Capabilities.Any(c => c.Id == "hosted-checkout")
            ? $"No cardholder data environment of ours: card numbers are entered only on {provider}'s hosted page or fields, so {w.App} never stores, processes or transmits them (PCI DSS SAQ A); network segmentation is limited to the payment-webhook receiver and the code holding {provider}'s API key, which accept only the provider's signed events in and call only its API out."
            : $"Network segmentation: the payment code runs in {fence}; only the checkout API and {provider}'s webhooks may reach it and it calls only {provider}'s API, which keeps the cardholder data environment small.";
    }

    // Signing is only worth stating where something refuses unsigned images: a cluster's admission policy. Function
    // packages have no image to pin.
    private static string SupplyChain(DesignFacts f, ComponentPlan plan, DesignWords w)
    {
        var kit = plan.Kit!;
        var ci = w.Technology("ci-cd") ?? "CI";
        var runtime = w.Technology("language-runtime");
        var serverless = plan.Technologies.Any(t => t.Tech.Category == "functions") && !plan.Components.Any(c => c.Kind == "service" && c.TechnologyId is not null && kit.Compute is not null);
        var images = kit.Kubernetes
            ? ", pins base images by digest and signs the images, and the cluster admits only signed images"
            : serverless ? "" : $", and pins the base image of {w.App} by digest";
        return $"{ci} produces an SBOM (CycloneDX) for every build of {w.App}{(runtime is null ? "" : $" and its {runtime} dependencies")}{(images.Length == 0 ? " and" : ",")} fails the build when dependency scanning finds critical or high advisories{images}.";
    }

    private static string BackupRestore(DesignFacts f, ComponentPlan plan, DesignWords w, bool postgres)
    {
        var (rpo, rto) = DesignNarrative.RecoveryWords(f);
        var second = f.Context.DataResidency is { Length: > 0 } ? "a second site that meets the residency rule" : plan.Kit!.Hosting == "on-prem" ? "a second on-premises site" : "a second region";
        return $"Point-in-time recovery of {w.Database}: continuous {(postgres ? "WAL" : "transaction-log")} archiving plus daily base backups kept 35 days, copied to {second} with immutable retention, for the RPO of {rpo}, "
            + $"and an automated monthly restore test of {w.Database} is timed against the RTO of {rto}.";
    }

    /// <summary>HIPAA's six years, or the brief's own audit retention when it states a longer one ("kept for at least 15 years").</summary>
    private static string AuditRetention(DesignFacts f)
    {
        var stated = f.Context.Requirements.Constraints.Where(c => c.Kind == "retention")
            .Select(c => System.Text.RegularExpressions.Regex.Match(c.Value + " " + c.Text, @"\b(\d{1,3})\s*(?:-\s*)?(years?|yrs?|Jahre|ans|años)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        return stated > 6 ? $"{stated} years, as the brief states (HIPAA asks for 6)" : "6 years";
    }

    /// <summary>What renews certificates: cert-manager on Kubernetes, the cloud's certificate service, ACME against the organisation's CA on premises.</summary>
    private static string Renewal(PlatformKit kit) => kit.Kubernetes ? "cert-manager" : kit.Hosting switch
    {
        "aws" => "AWS Certificate Manager on the load balancer",
        "gcp" => "Google-managed certificates on the load balancer",
        "azure" => $"the managed certificates of {kit.PlatformName}",
        "on-prem" => "an ACME client on the ingress against the organisation's certificate authority",
        _ => kit.PlatformName,
    };
}
