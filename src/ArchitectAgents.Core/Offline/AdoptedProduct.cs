using System.Globalization;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The design when adopting a product is the recommendation: the vendor-hosted product at the centre, what moves into
/// it (the migration), what keeps working beside it (the brief's existing devices and systems), who holds the pager,
/// and what each hosting option costs against the brief's money. Nothing of the custom build is left in it: no
/// service, no database of ours, no pipeline for code nobody writes. Each use case is traced to the product feature
/// that serves it; one the product's listed coverage does not name is said to be a gap to check before signing.
/// </summary>
internal static partial class AdoptedProduct
{
    public static void Apply(DesignSection design, DesignFacts f, ProductFamily family, IReadOnlyList<string> products, CapabilityUse buy)
    {
        var model = f.Context.Requirements;
        var product = products[0];
        var name = ShortName(product);
        var selfHostable = products.FirstOrDefault(p => p.Contains("open source", StringComparison.OrdinalIgnoreCase)) is { } open ? ShortName(open) : null;
        var people = model.UseCases.Where(u => u.Actor != "System").ToList();
        var (covered, gaps) = Coverage(family, people);
        var migration = design.Capabilities.FirstOrDefault(c => c.Id == "data-migration");
        var region = Region(f);
        var team = f.Team.ToString(CultureInfo.InvariantCulture);

        // What the team builds and runs is gone; the product, the clients, the existing systems and the migration stay.
        var clients = design.Architecture.Components.Where(c => c.Kind == "client").ToList();
        foreach (var client in clients)
        {
            client.Name = "Browsers (users and staff)";
            client.Responsibility = $"{DesignWords.List(model.Actors.Where(a => a.Kind == "person").Select(a => a.Name), 4)} use {name}'s own web interface over HTTPS; nothing is installed or built for them.";
        }

        var components = new List<Component>(clients)
        {
            new()
            {
                Id = "product",
                Name = $"{name} (vendor-hosted)",
                Kind = "external",
                Responsibility = $"The adopted {family.Name}, hosted, upgraded, backed up and monitored by a support vendor{region.Suffix}. Covers {family.Covers}"
                    + (covered.Count > 0 ? $"; serves {DesignWords.List(covered.Select(Label), 8)}" : "") + ".",
            },
        };
        components.AddRange(design.Architecture.Components.Where(c => c.Kind == "external" && c.Id != "idp"));
        var flows = clients.Select(c => new Flow { From = c.Id, To = "product", Label = "HTTPS (web catalogue and staff client)" }).ToList();
        if (design.Architecture.Components.FirstOrDefault(c => c.Id == "migration") is { } job)
        {
            job.Responsibility = $"A one-off job run from the team's own machine: exports the old system's records ({Formats(family)}), checks and maps them in a local staging database, imports them into {name}'s test instance for a trial that the people who use the data reconcile against the old system (counts and sampled records), then repeats the import at cut-over.";
            components.Add(new Component { Id = "legacy", Name = "Old system (until cut-over)", Kind = "external", Responsibility = "Source of the exports; kept read-only for a month after cut-over as the fallback." });
            components.Add(job);
            flows.Add(new Flow { From = "legacy", To = "migration", Label = "exports" });
            flows.Add(new Flow { From = "migration", To = "product", Label = "import (trial, then final)" });
        }

        components.Add(new Component { Id = "uptime", Name = "Uptime monitor", Kind = "observability", Responsibility = $"An external probe of {name}'s public pages every few minutes, alerting the team by e-mail in working hours; the vendor's support contract covers nights and weekends." });
        flows.Add(new Flow { From = "uptime", To = "product", Label = "HTTPS probe" });
        design.Architecture.Components = components;
        design.Architecture.Flows = flows;
        design.Architecture.Mermaid = MermaidWriter.Write(components, flows);

        var built = design.Architecture.Pattern;
        design.Architecture.Pattern = $"Adopt a vendor-hosted {family.Name} ({name})";
        design.Architecture.Reason = $"{name} already covers {family.Covers}. A team of {team}{(f.MonthlyBudget is { } money ? $" with {money.Stated}" : "")} cannot build and run that as well ({buy.Because}): "
            + $"a support vendor hosts it, upgrades it, backs it up and holds the pager, and the team's work is the migration, the configuration and the checks before go-live."
            + (gaps.Count > 0 ? $" The product's listed coverage does not name {DesignWords.List(gaps.Select(Label), 4)}: check them against its feature list before signing." : "");
        // The build patterns' own alternatives (microservices, serverless) compare ways of building: not this choice.
        design.Architecture.Alternatives =
        [
            new Alternative
            {
                Pattern = $"Build a custom {family.Name} ({built})",
                WhyNot = $"A custom build of {family.Covers} is code the team of {team} must write, run, patch and keep on call for; the product already does it",
            },
        ];
        if (selfHostable is not null)
        {
            design.Architecture.Alternatives.Add(new Alternative
            {
                Pattern = $"Self-host {selfHostable} on one small server",
                WhyNot = $"Cheaper in money (see the cost), but upgrades, backups, security patches and outages fall on the team of {team}, which is what {buy.Because} rules out; it is the fallback if no vendor quote fits the budget",
            });
        }

        foreach (var other in products.Skip(1))
        {
            design.Architecture.Alternatives.Add(new Alternative { Pattern = $"Adopt {ShortName(other)}", WhyNot = $"Also covers much of {family.Covers}; ask its vendors for a quote too and choose on the demo, the migration offer and the price ({other})" });
        }

        design.Api = new ApiDesign
        {
            OpenApiYaml = Contract(design.Api.OpenApiYaml, name, family),
            Authentication = $"{name}'s own sign-in: a named account per member of staff with the least role their work needs and MFA for administrators; users sign in with the credentials the product issues. No identity server of ours.",
            Versioning = $"No API of ours to version. {name}'s own API (documented by the product) is what any later integration calls, pinned to the version the vendor runs.",
            Pagination = "Not applicable: no API of ours.",
            ErrorModel = "Not applicable: no API of ours.",
        };

        var keep = migration?.Tables.ToHashSet(StringComparer.Ordinal) ?? [];
        design.Database = new DatabaseDesign
        {
            Engine = $"{name}'s own database, run by the vendor; the migration's staging database is local",
            Ddl = Staging(design.Database.Ddl, keep, name),
            AccessPatterns = keep.Count > 0 ? ["Each migration run (trial or final) is a row with the counts read from the old system and imported, compared before the next run"] : [],
            MigrationNotes = MigrationPlan(f, family, name),
        };

        var tech = Technology(family, product);
        design.Technologies =
        [
            new TechnologyChoice
            {
                Id = tech.Id,
                Name = tech.Name,
                Version = tech.Version,
                Category = tech.Category,
                Purpose = tech.Purpose,
                Why = $"Adopted rather than built ({buy.Because}); the vendor runs the release it supports and upgrades it under the contract",
            },
        ];

        // Capabilities the product covers (search, caching) are no longer ours to build; the migration's mechanism is its job's, not an API's.
        design.Capabilities.RemoveAll(c => c.Id != buy.Id && c.Id != "data-migration" && c.Components.Count == 0 && c.Tables.Count == 0);
        if (migration is not null)
        {
            migration.Operations = [];
            migration.Mechanism = $"Each migration run (trial or final) is a row in the staging database's {DesignWords.List(migration.Tables)} with the record counts read from the old system and imported into {name}, so a trial is reconciled before the final run, and a failed run is repeated from the start.";
        }

        design.Tradeoffs.RemoveAll(t => !t.Decision.StartsWith("Adopt ", StringComparison.Ordinal));
        design.Tradeoffs.Add(new Tradeoff
        {
            Decision = $"Vendor-hosted {name} with a support contract rather than self-hosting it",
            OptimisesFor = $"Nobody of the team of {team} is on call: the vendor patches, backs up and restores, and answers outages under its contract",
            Sacrifices = "A yearly contract that costs more than a small server, and upgrades on the vendor's schedule",
        });

        design.Risks = [.. Risks(design, f, name, gaps, migration, region)];
        for (var i = 0; i < design.Risks.Count; i++)
        {
            design.Risks[i].Id = $"R{i + 1}";
        }

        design.Scaling =
        [
            new ScalingPhase { Phase = "1. Launch", Trigger = Launch(f), Actions = [$"One vendor-hosted {name} instance on the vendor's standard plan", "Staff accounts and roles set up and checked during the trial migration"] },
            new ScalingPhase { Phase = "2. Grow within the product", Trigger = "Users, records or sites beyond the plan the contract covers, or pages slower than the vendor's service levels", Actions = ["Move to the vendor's next plan; the product scales by its hosting, not by code of ours"] },
            new ScalingPhase { Phase = "3. Integrate where the product stops", Trigger = "A rule the product lacks that configuration and plug-ins cannot meet", Actions = [$"Build only that, as a small integration against {name}'s API, and weigh it again against another product"] },
        ];
        design.Deployment = Deployment(design, f, name, region, people);
        design.Cost = Cost(design.Cost, f, name, selfHostable, migration is not null);
        design.Departures = [.. design.Departures.Where(d => !d.Contains("http", StringComparison.Ordinal))];
    }

    /// <summary>The adopted product as a technology, so the verifier lists it and the design names it the same way.</summary>
    public static TechnologyInfo Technology(ProductFamily family, string product) => new()
    {
        Id = "adopted-" + family.Id,
        Name = ShortName(product),
        Category = "product",
        Version = "the vendor's current supported release",
        VersionSource = "the vendor's hosting (it runs and upgrades the release it supports)",
        Purpose = $"The {family.Name}: {family.Covers}",
    };

    // The use cases the product's listed coverage names (its words, or the features it covers), and those it does not.
    private static (List<Document.UseCase> Covered, List<Document.UseCase> Gaps) Coverage(ProductFamily family, List<Document.UseCase> useCases)
    {
        var vocabulary = family.Words.Concat(Words().Matches(family.Covers).Select(m => m.Value)).Select(w => w.ToLowerInvariant()).ToList();
        bool Names(string word) => vocabulary.Any(v => Inflection.Singular(v) == Inflection.Singular(word) || Common(Inflection.Singular(v), Inflection.Singular(word)) >= 5);
        var covered = useCases.Where(u => Words().Matches(u.Action + " " + u.Object).Any(m => m.Value.Length > 2 && Names(m.Value.ToLowerInvariant()))).ToList();
        return (covered, useCases.Except(covered).ToList());
    }

    private static int Common(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static string Label(Document.UseCase u) => $"{u.Actor} {u.Action} {u.Object}".Trim();

    private static string ShortName(string product) => Parenthesis().Replace(product, "").Trim();

    private static string Formats(ProductFamily family) => family.Migration.Length > 0 ? family.Migration : "in the product's import formats";

    // A residency rule names where the vendor must host; without one the design says what to ask for.
    private static (string Suffix, string? Where) Region(DesignFacts f)
    {
        var where = f.Context.DataResidency;
        return where is { Length: > 0 } ? ($", where the residency rule places it (\"{where.Trim().TrimEnd('.')}\")", where.Trim().TrimEnd('.'))
            : RegimeJurisdiction.Of(f.Context.Requirements) is { } place ? ($" in {place}", place)
            : ("", null);
    }

    private static string Launch(DesignFacts f) =>
        "Day one" + (Volumes(f) is { Length: > 0 } v ? $": {v}, what the vendor's plan is sized and quoted for" : "");

    // The brief's stated volumes (sites, records, users, staff, daily load): what a vendor quotes and sizes its plan on.
    private static string Volumes(DesignFacts f)
    {
        var money = PriceTable.Default.UsdPerUnit.Keys;
        var volumes = f.Context.Requirements.Figures
            .Where(x => !x.Derived && x.Value > 0 && x.Unit != "people" && !x.Unit.Contains('%', StringComparison.Ordinal) && !money.Any(m => x.Unit.StartsWith(m, StringComparison.Ordinal)))
            .Where(x => x.Unit is not ("ms" or "s" or "minutes" or "hours" or "days" or "weeks" or "months" or "years"))
            .Select(x => $"{NumberText.Format(x.Value)} {x.Quantity}").Distinct().Take(6).ToList();
        return string.Join(", ", volumes);
    }

    // The contract holds no operation: the use cases are served by the product's own interface. It stays a valid
    // OpenAPI document so that what the team builds later (an integration) has a place, and it says so.
    private static string Contract(string built, string name, ProductFamily family)
    {
        var title = Title().Match(built) is { Success: true } m ? m.Groups[1].Value.Trim() : "Service API";
        return $"openapi: 3.1.0\ninfo:\n  title: {Quote(title)}\n  version: 1.0.0\n  description: {Quote($"No API of ours: the use cases are served by {name}'s own web interface ({family.Covers}). An integration built later calls {name}'s documented API and is specified here.")}\npaths: {{}}\n";
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // Only the migration's staging tables stay; the product's own schema is the vendor's.
    private static string Staging(string ddl, HashSet<string> tables, string name)
    {
        var kept = Statements().Matches(ddl).Select(m => m.Value).Where(s => CreateTable().Match(s) is { Success: true } t && tables.Contains(t.Groups[1].Value)).ToList();
        var header = $"-- {name} keeps its own schema, run by the vendor. These are the staging tables of the migration job only (a local database, dropped after cut-over).\n";
        return header + (kept.Count > 0 ? string.Join("\n\n", kept) + "\n" : "-- No staging tables: nothing is migrated.\n");
    }

    private static List<string> MigrationPlan(DesignFacts f, ProductFamily family, string name)
    {
        var deadline = f.Context.Requirements.Constraints.FirstOrDefault(c => c.Kind == "deadline");
        var by = deadline is null ? "before go-live" : $"well before the deadline ({deadline.Value})";
        return
        [
            "First, before anything is signed: get a sample export from the old system (or its vendor) to prove it can export every kind of record the move needs.",
            $"Export the old system's records ({Formats(family)}) and keep each export read-only as the source of truth for the reconciliation.",
            $"Trial migration into {name}'s test instance {by}, at least two months ahead, so gaps in the data or the product are found while there is time to fix them; staff check record counts and sampled records against the old system and sign it off.",
            "A second trial if the first needs fixes; then a dated cut-over: freeze the old system, run the final export and import, reconcile, switch, and keep the old system read-only for a month.",
        ];
    }

    private static IEnumerable<Risk> Risks(DesignSection design, DesignFacts f, string name, List<Document.UseCase> gaps, CapabilityUse? migration, (string Suffix, string? Where) region)
    {
        foreach (var r in design.Risks.Where(r => r.Description.StartsWith("Figures assumed", StringComparison.Ordinal)))
        {
            r.Mitigation = "Confirm them with the requester and give the confirmed figures to the vendors with the request for a quote.";
            yield return r;
        }

        yield return new Risk
        {
            Description = $"The vendor's hosting and support for {name} cost more than {(f.MonthlyBudget is { } money ? money.Stated : "the budget")} allows",
            Likelihood = "medium",
            Impact = "high",
            Mitigation = $"Ask two vendors for quotes early, with the brief's volumes{(Volumes(f) is { Length: > 0 } v ? $" ({v})" : "")}; if none fits, raise the shortfall before committing to a date, or self-host the open-source product with the vendor on a support-only contract, managed backups and uptime alerts.",
        };

        if (migration is not null)
        {
            yield return new Risk { Description = "The old system's data is incomplete or inconsistent, or its export misses records the product needs", Likelihood = "medium", Impact = "high", Mitigation = migration.Risk };
        }

        if (gaps.Count > 0)
        {
            yield return new Risk { Description = $"{name} does not cover {DesignWords.List(gaps.Select(Label), 4)} as the brief needs it", Likelihood = "medium", Impact = "medium", Mitigation = "Check each against the product's feature list and a demo before signing; configuration or a plug-in first, a small integration against its API last." };
        }

        foreach (var d in f.Context.Requirements.ExistingDecisions)
        {
            yield return new Risk { Description = $"What the brief already has does not work with {name}: \"{d.Decision}\"", Likelihood = "low", Impact = "medium", Mitigation = $"Try it on the test instance during the trial migration (devices that type into a web form, such as barcode scanners in keyboard mode, need no integration)." };
        }

        yield return new Risk { Description = $"Lock-in to the vendor hosting {name}", Likelihood = "low", Impact = "medium", Mitigation = "A contract with an exit clause and a full export in standard formats on request; a monthly export kept by the team proves it works." };
        yield return new Risk { Description = "Personal data held by the vendor outside the agreed place or terms" + (region.Where is { } w ? $" ({w})" : ""), Likelihood = "low", Impact = "high", Mitigation = "A data processing agreement with the vendor naming the hosting location, sub-processors, retention and breach notice before any data is loaded." };
    }

    // The recovery targets the brief states, or those the context assumed: what the vendor's contract is held to.
    private static string Targets(DesignFacts f)
    {
        var stated = f.Context.Requirements.QualityTargets.Where(q => q.Attribute is "rpo" or "rto" or "availability").Select(q => q.Text.Trim()).ToList();
        return stated.Count > 0 ? $"the brief's targets ({string.Join("; ", stated)})"
            : f.Context.Assumptions.FirstOrDefault(a => a.Topic == "availability") is { } assumed ? $"the assumed targets ({assumed.Statement.Replace("ASSUMPTION: ", "", StringComparison.Ordinal).TrimEnd('.')})"
            : "the organisation's own recovery needs";
    }

    private static DeploymentPlan Deployment(DesignSection design, DesignFacts f, string name, (string Suffix, string? Where) region, List<Document.UseCase> people)
    {
        var personal = f.Regimes.Count > 0 || f.Context.Requirements.Constraints.Any(c => c.Kind == "compliance");
        var regime = f.Regimes.Count > 0 ? DesignWords.List(f.Regimes) : "data protection law";
        var controls = new List<string>
        {
            $"A data processing agreement ({regime}, Art. 28) with the vendor before any personal data is loaded: data residency{(region.Where is { } w ? $" ({w})" : " in the jurisdiction the law expects")}, sub-processors, security measures (data encrypted at rest and HTTPS only, TLS 1.2 or later), breach notice to the team within 24 hours, deletion at the contract's end.",
            $"Named staff accounts in {name} with the least role each job needs, MFA for administrators, and accounts removed the day someone leaves; administrator credentials and the vendor's API keys kept in a password manager.",
            $"Retention set in {name}'s configuration: personal data kept while an account is active and removed or anonymised after the period the organisation sets; history anonymised where the product supports it.",
            "Access requests and erasure handled through the product's own export and delete functions, each request logged.",
            $"Security logging: {name}'s audit log of staff sign-ins and changes reviewed monthly.",
            "The vendor's daily backups kept 30 days, a restore test onto the test instance twice a year, and a monthly full export kept by the team in the organisation's own storage.",
        };
        // A regime's own duties (lawful basis, breach notice to the authority) only where the brief names one.
        if (personal)
        {
            controls.Insert(3, "The lawful basis for each use of personal data recorded in the record of processing activities, with the vendor listed as processor.");
            controls.Insert(6, "Breach notification runbook: the vendor tells the team within 24 hours, and the organisation notifies the supervisory authority within 72 hours (Art. 33).");
        }

        if (design.Capabilities.Any(c => c.Id == "data-migration"))
        {
            controls.Add("The exports and the migration's staging database hold personal data: an encrypted disk on one named machine, no copies in e-mail or shared drives, deleted with the exports once the cut-over is signed off.");
        }

        return new DeploymentPlan
        {
            Environments = [$"test instance from the vendor (trial migrations, configuration and staff training)", "production (vendor-hosted)"],
            Platform = $"{name} hosted by a support vendor{region.Suffix}; nothing for the team to patch, back up or keep on call",
            Pipeline =
            [
                $"Configuration changes made and checked on the test instance first, then repeated on production, each noted in a change log",
                "Migration scripts and their mapping kept in version control, each trial re-run from the start",
            ],
            Rollout = $"Trial migration, staff training on the test instance, then a dated cut-over{(f.Context.Requirements.Constraints.FirstOrDefault(c => c.Kind == "deadline") is { } d ? $" {d.Value}" : "")}"
                + (people.Count > 0 ? $"; the first days checked use case by use case ({DesignWords.List(people.Select(Label), 3)})" : ""),
            Rollback = "Until the first weeks have run cleanly the old system is kept runnable, not only readable: switching back means re-entering the transactions made since cut-over from the new system's log; after that, the vendor restores from its backups.",
            Observability =
            [
                $"An external uptime probe of {name}'s public pages alerting the team by e-mail in working hours",
                "The vendor's own monitoring, out-of-hours cover and incident notices under the support contract",
            ],
            SecurityControls = controls,
            Milestones = DeliveryPlan.Milestones(design, f, builds: false),
            DisasterRecovery = $"The vendor restores {name} from its backups; the contract states the recovery point and time, checked against {Targets(f)} before signing (a plan with daily backups only loses up to a day of changes: agree that with the requester or buy the vendor's more frequent backups); the team's monthly export is the copy that survives losing the vendor.",
        };
    }

    // Priced: self-hosting the open-source product, the one option a price list can say; the vendor's hosting and
    // support is by quote and is compared with the same budget, so a shortfall is flagged, not hidden.
    private static CostEstimate Cost(CostEstimate built, DesignFacts f, string name, string? selfHostable, bool migrates)
    {
        var prices = PriceTable.Default;
        var estimate = new CostEstimate { Currency = built.Currency, PriceSource = built.PriceSource, BudgetPerMonth = built.BudgetPerMonth, BudgetStated = built.BudgetStated };
        if (selfHostable is not null && prices.For("vps") is { } vps)
        {
            estimate.Lines.Add(new CostLine { Component = "product", TechnologyId = "vps", Item = $"Fallback, self-hosted {selfHostable}: {vps.Item}", PerMonth = vps.UsdPerMonth });
        }

        estimate.Lines.Add(new CostLine { Component = "uptime", TechnologyId = "uptime-monitor", Item = "External uptime monitor (free tier of a hosted probe)", PerMonth = 0 });
        estimate.TotalPerMonth = estimate.Lines.Sum(l => l.PerMonth);
        estimate.TotalOf = selfHostable is null ? "" : $"the self-hosted fallback, not the recommended vendor hosting, which is priced by quote";
        var budgets = f.Context.Requirements.Constraints.Where(c => c.Kind == "budget").ToList();
        var monthly = built.BudgetStated;
        var oneOff = budgets.FirstOrDefault(c => !c.Value.Contains('/', StringComparison.Ordinal) && !c.Value.Contains("not quantified", StringComparison.Ordinal));
        var yearly = f.MonthlyBudget is { StatedPeriod: "month" } money ? $" ({money.StatedCurrency} {NumberText.Format(money.StatedAmount * 12)} a year)" : "";
        estimate.Assumptions.Add($"Recommended: {name} hosted by a support vendor. Its price is the vendor's quote for hosting and support, which no public price list holds: "
            + (monthly is null ? "get two quotes before committing." : $"the budget of {monthly}{yearly} covers it only if a quote is at or below it; if not, the budget does not cover a support contract, and that shortfall goes to whoever holds the budget before signing."));
        if (oneOff is not null)
        {
            estimate.Assumptions.Add($"The one-off {oneOff.Value} (\"{oneOff.Text.Trim()}\") pays for {(migrates ? "the migration (exports, mapping, two trials and the cut-over, by the vendor or a contractor)" : "setting the product up")} and, if a quote leaves room, the first year's support.");
        }

        if (selfHostable is not null)
        {
            var hours = prices.OpsHoursPerSelfRunMonth;
            estimate.Assumptions.Add($"The lines above price the fallback, self-hosting {selfHostable}: the server fits a small budget in money, but about {hours.ToString(CultureInfo.InvariantCulture)} hours a month of upkeep (USD {(hours * prices.OpsHourUsd).ToString("0", CultureInfo.InvariantCulture)} at USD {prices.OpsHourUsd.ToString(CultureInfo.InvariantCulture)} an hour) and being on call fall on the team of {f.Team.ToString(CultureInfo.InvariantCulture)}.");
        }

        estimate.OverBudget = estimate.BudgetPerMonth is { } limit && estimate.TotalPerMonth > limit;
        return estimate;
    }

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"[\p{L}-]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"title:\s*""?([^""\n]+)""?")]
    private static partial Regex Title();

    [GeneratedRegex(@"(?ms)^CREATE TABLE .*?^\);")]
    private static partial Regex Statements();

    [GeneratedRegex(@"^CREATE TABLE (?:IF NOT EXISTS )?(\w+)")]
    private static partial Regex CreateTable();
}
