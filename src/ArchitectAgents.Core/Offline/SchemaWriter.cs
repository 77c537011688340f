using System.Text;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>Writes PostgreSQL DDL for the chosen entities: keys, foreign keys, checks, indexes, comments.</summary>
internal static class SchemaWriter
{
    public static string Write(IReadOnlyList<EntityInfo> entities, IEnumerable<string> extraDdl, bool multiTenant)
    {
        var sb = new StringBuilder();
        sb.Append("-- PostgreSQL schema (13 or later: gen_random_uuid() is built in since 13). Keys are UUIDs.\n");
        sb.Append("-- Apply through the migration tool; every statement is transactional.\n\n");
        // An exclusion constraint comparing a key with '=' beside a range needs btree_gist's operator classes.
        if (entities.Any(e => e.Constraints.Any(c => c.Contains("gist", StringComparison.OrdinalIgnoreCase) && c.Contains("WITH =", StringComparison.Ordinal))))
        {
            sb.Append("CREATE EXTENSION IF NOT EXISTS btree_gist;\n\n");
        }

        // A services split: every service has its own database; the file lists the tables by owner, for one migration set per service.
        var owners = entities.Where(e => e.OwnedBy is not null).GroupBy(e => e.OwnedBy!).ToList();
        if (owners.Count > 1)
        {
            sb.Append("-- Each service owns its tables in its own database (no database shared by services); one migration set per owner:\n");
            foreach (var g in owners)
            {
                sb.Append("--   ").Append(g.Key).Append(": ").Append(string.Join(", ", g.Select(e => e.Table))).Append('\n');
            }

            sb.Append("-- A reference to another service's row is its id only: no foreign key across databases; the owner's events keep it current.\n\n");
        }

        foreach (var entity in Ordered(entities))
        {
            WriteTable(sb, entity, entities, multiTenant);
        }

        // A control's DDL for a table a capability already gave the design (an audit_log) would create it twice.
        var written = entities.Select(e => e.Table).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var ddl in extraDdl.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct()
            .Where(d => Gate.SqlSchema.Read(d).Tables is var created && (created.Count == 0 || created.Any(t => !written.Contains(t)))))
        {
            sb.Append(ddl.Trim()).Append("\n\n");
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>Referenced tables first, so every foreign key points at a table that exists.</summary>
    internal static List<EntityInfo> Ordered(IReadOnlyList<EntityInfo> entities)
    {
        var byName = entities.ToDictionary(e => e.Name);
        var done = new HashSet<string>();
        var result = new List<EntityInfo>();
        void Visit(EntityInfo e, HashSet<string> path)
        {
            if (done.Contains(e.Name) || !path.Add(e.Name))
            {
                return;
            }

            foreach (var reference in e.Columns.Select(c => c.References).OfType<string>())
            {
                if (byName.TryGetValue(reference, out var target) && target != e)
                {
                    Visit(target, path);
                }
            }

            done.Add(e.Name);
            result.Add(e);
        }

        foreach (var entity in entities)
        {
            Visit(entity, []);
        }

        return result;
    }

    private static void WriteTable(StringBuilder sb, EntityInfo entity, IReadOnlyList<EntityInfo> all, bool multiTenant)
    {
        var lines = new List<string> { "  id uuid PRIMARY KEY DEFAULT gen_random_uuid()" };
        var owner = multiTenant && entity.Name is not "user" and not "organization" and not "tenant"
            ? all.FirstOrDefault(e => e.Name is "organization" or "tenant")
            : null;
        var tenant = owner is not null && entity.Columns.All(c => c.References != owner.Name);
        if (tenant)
        {
            lines.Add($"  {owner!.Name}_id uuid NOT NULL REFERENCES {owner.Table}(id) ON DELETE CASCADE");
        }

        var crossService = new List<(string Column, EntityInfo Target)>();
        foreach (var column in entity.Columns)
        {
            var line = new StringBuilder($"  {column.Name} {column.Type}");
            if (!column.Nullable)
            {
                line.Append(" NOT NULL");
            }

            if (!string.IsNullOrWhiteSpace(column.Default))
            {
                line.Append(" DEFAULT ").Append(column.Default);
            }

            if (column.References is { } reference && all.FirstOrDefault(e => e.Name == reference) is { } target)
            {
                if (target.OwnedBy != entity.OwnedBy)
                {
                    // Another service's row: its id only, no foreign key across databases.
                    crossService.Add((column.Name, target));
                }
                else
                {
                    line.Append(" REFERENCES ").Append(target.Table).Append("(id)").Append(column.Nullable ? " ON DELETE SET NULL" : " ON DELETE RESTRICT");
                }
            }

            if (!string.IsNullOrWhiteSpace(column.Check))
            {
                line.Append(" CHECK (").Append(column.Check).Append(')');
            }

            lines.Add(line.ToString());
        }

        lines.Add("  created_at timestamptz NOT NULL DEFAULT now()");
        lines.Add("  updated_at timestamptz NOT NULL DEFAULT now()");
        foreach (var unique in entity.Unique.Where(u => u.Count > 0))
        {
            lines.Add($"  UNIQUE ({string.Join(", ", unique)})");
        }

        foreach (var (constraint, i) in entity.Constraints.Distinct(StringComparer.Ordinal).Select((c, i) => (c, i)))
        {
            var name = constraint.StartsWith("EXCLUDE", StringComparison.OrdinalIgnoreCase) ? "no_overlap" : "rule";
            lines.Add($"  CONSTRAINT {entity.Table}_{name}{(i > 0 ? $"_{i + 1}" : "")} {constraint}");
        }

        sb.Append("CREATE TABLE ").Append(entity.Table).Append(" (\n").Append(string.Join(",\n", lines)).Append("\n);\n");
        foreach (var (column, target) in crossService)
        {
            sb.Append("COMMENT ON COLUMN ").Append(entity.Table).Append('.').Append(column).Append(" IS 'Id of a ").Append(target.Name.Replace('_', ' '))
              .Append(" owned by the ").Append(target.OwnedBy!.Replace("'", "''", StringComparison.Ordinal)).Append(" (its own database): no foreign key across services.';\n");
        }

        if (entity.Sensitivity is "phi" or "pii" or "pan" or "financial")
        {
            sb.Append("COMMENT ON TABLE ").Append(entity.Table).Append(" IS 'Contains ").Append(entity.Sensitivity.ToUpperInvariant())
              .Append(": encrypted at rest, access audited, covered by retention policy.';\n");
        }

        var indexes = new List<List<string>>();
        if (tenant)
        {
            indexes.Add([owner!.Name + "_id"]);
        }

        indexes.AddRange(entity.Columns.Where(c => c.References is not null).Select(c => new List<string> { c.Name }));
        indexes.AddRange(entity.Indexes.Where(i => i.Count > 0));
        var written = new HashSet<string>();
        foreach (var index in indexes)
        {
            var key = string.Join(",", index);
            // An index that is a prefix of a unique constraint or of another index is redundant.
            if (!written.Add(key) || entity.Unique.Any(u => u.Take(index.Count).SequenceEqual(index)) || indexes.Any(o => o.Count > index.Count && o.Take(index.Count).SequenceEqual(index)))
            {
                continue;
            }

            sb.Append("CREATE INDEX ").Append(entity.Table).Append('_').Append(string.Join("_", index)).Append("_idx ON ")
              .Append(entity.Table).Append(" (").Append(string.Join(", ", index)).Append(");\n");
        }

        sb.Append('\n');
    }
}
