using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The foreign keys between the design's tables: first the relations the brief states (its requirements model's
/// entity relations), then, for a record the brief relates to nothing of its parent kinds, the parent its kind
/// has (a message belongs to a channel, a room to a hotel: entitykinds.json). A member beside a group becomes the
/// group's membership table; state kept in the cache (presence) gets no table; two bookings of one room may not
/// overlap.
/// </summary>
internal static class EntityRelations
{
    /// <summary>Adds the references; returns the names of the entities kept in the cache instead of a table.</summary>
    public static List<string> Apply(List<EntityInfo> entities, RequirementsModel model, EntityKindCatalog kinds)
    {
        string? KindOf(EntityInfo e) => kinds.Of(e.Name, k => !k.RequiresParent)?.Id;

        var cached = entities.Where(e => kinds.Of(e.Name)?.Keep == "cache" && entities.All(o => o.Columns.All(c => c.References != e.Name))).ToList();
        entities.RemoveAll(cached.Contains);

        foreach (var stated in model.Entities)
        {
            if (entities.FirstOrDefault(e => e.Name == DomainEntities.Snake(stated.Name)) is not { } child)
            {
                continue;
            }

            foreach (var relation in stated.Relations)
            {
                if (entities.FirstOrDefault(e => e.Name == DomainEntities.Snake(relation.Target)) is { } parent)
                {
                    Reference(child, parent, entities, nullable: relation.Kind != "belongs to");
                }
            }
        }

        foreach (var child in entities.ToList())
        {
            if (kinds.Of(child.Name) is not { Parents.Count: > 0 } kind)
            {
                continue;
            }

            var parentKinds = kind.Parents;

            // A member the brief relates to its group ("members join channels") is a row of that group's membership.
            if (kind.RequiresParent && child.Columns.Select(c => c.References).OfType<string>().Select(r => entities.FirstOrDefault(e => e.Name == r))
                    .FirstOrDefault(e => e is not null && parentKinds.Contains(KindOf(e) ?? "")) is { } stated)
            {
                Membership(child, stated, kind);
                continue;
            }

            // Already under a parent of its kinds, directly or through another record (a payment of a deposit of a booking).
            if (entities.Any(e => e != child && parentKinds.Contains(KindOf(e) ?? "") && ReachableFrom(child, e, entities)))
            {
                continue;
            }

            // The first parent kind the design has; of its entities, the one named first in the brief.
            var parent = parentKinds.Select(p => entities.FirstOrDefault(e => e != child && KindOf(e) == p && !ReachableFrom(e, child, entities))).FirstOrDefault(e => e is not null);
            if (parent is null)
            {
                continue;
            }

            if (kind.RequiresParent)
            {
                Membership(child, parent, kind);
            }
            else
            {
                Reference(child, parent, entities, nullable: false);

                // A later parent kind it does not already reach is an optional parent (a message in a channel may be in a thread).
                foreach (var other in parentKinds.SkipWhile(p => p != KindOf(parent)).Skip(1)
                    .Select(p => entities.FirstOrDefault(e => e != child && KindOf(e) == p)).OfType<EntityInfo>())
                {
                    if (!ReachableFrom(child, other, entities))
                    {
                        Reference(child, other, entities, nullable: true);
                    }
                }
            }
        }

        foreach (var entity in entities)
        {
            Guard(entity, entities, kinds, KindOf);
        }

        return [.. cached.Select(c => c.Name)];
    }

    private static void Reference(EntityInfo child, EntityInfo parent, List<EntityInfo> all, bool nullable)
    {
        var column = parent.Name + "_id";
        if (child == parent || child.Columns.Any(c => c.Name == column || c.References == parent.Name && !c.Name.EndsWith("_by", StringComparison.Ordinal)) || ReachableFrom(parent, child, all))
        {
            return;
        }

        child.Columns.Insert(0, new EntityColumn { Name = column, Type = "uuid", References = parent.Name, Nullable = nullable });
        child.Indexes.Add([column]);
        child.Requires.Add(parent.Name);
        child.AccessPatterns.Add($"{Words(child.Table)} of a {Words(parent.Name)} ({column})");
    }

    // A member of a group is a row of the group's membership: group and user, unique together.
    private static void Membership(EntityInfo member, EntityInfo group, EntityKind kind)
    {
        member.Name = group.Name + "_member";
        member.Table = group.Name + "_members";
        member.Resource = member.Table.Replace('_', '-');
        member.MemberOf = group.Name;
        member.Sensitivity = "pii";
        member.Columns = [new EntityColumn { Name = group.Name + "_id", Type = "uuid", References = group.Name }];
        member.Columns.AddRange(kind.Columns.Select(k => new EntityColumn { Name = k.Name, Type = k.Type, Nullable = k.Nullable, Check = k.Check, Default = k.Default, References = k.References }));
        member.Unique = [.. kind.Unique.Select(u => u.Select(c => c.Replace("{parent}", group.Name, StringComparison.Ordinal)).ToList())];
        member.Indexes = [.. kind.Indexes.Select(i => i.ToList())];
        member.Requires = [group.Name, .. member.Columns.Select(c => c.References).OfType<string>().Where(r => r != group.Name)];
        member.AccessPatterns = [.. kind.AccessPatterns];
    }

    // Two records holding one bookable thing for overlapping periods are refused by the database itself.
    private static void Guard(EntityInfo entity, List<EntityInfo> all, EntityKindCatalog kinds, Func<EntityInfo, string?> kindOf)
    {
        if (kinds.Of(entity.Name)?.OverlapGuard is not { } guarded || entity.Columns.All(c => c.Name != "starts_at") || entity.Columns.All(c => c.Name != "ends_at"))
        {
            return;
        }

        var held = entity.Columns.FirstOrDefault(c => c.References is { } r && all.FirstOrDefault(e => e.Name == r) is { } target && kindOf(target) == guarded);
        if (held is null)
        {
            return;
        }

        entity.Constraints.Add($"EXCLUDE USING gist ({held.Name} WITH =, tstzrange(starts_at, ends_at) WITH &&){Holding(entity)}");
        entity.AccessPatterns.Add($"No two {Words(entity.Table)} of one {Words(held.References!)} overlap (exclusion constraint on {held.Name} and the period)");
    }

    /// <summary>
    /// Re-derives the states an overlap guard ignores after the entity's status column changed (a mechanism's hold
    /// lifecycle replaced the brief's): an expired hold must not keep its room for good.
    /// </summary>
    public static void RefreshGuards(EntityInfo entity)
    {
        for (var i = 0; i < entity.Constraints.Count; i++)
        {
            if (entity.Constraints[i].StartsWith("EXCLUDE USING gist", StringComparison.Ordinal))
            {
                var cut = entity.Constraints[i].IndexOf(" WHERE (status NOT IN", StringComparison.Ordinal);
                entity.Constraints[i] = (cut >= 0 ? entity.Constraints[i][..cut] : entity.Constraints[i]) + Holding(entity);
            }
        }
    }

    // The WHERE of an overlap guard: only records still holding the thing count (not cancelled, released or expired ones).
    private static string Holding(EntityInfo entity)
    {
        var status = entity.Columns.FirstOrDefault(c => c.Name == "status");
        var released = status is null ? [] : OpenApiWriter.EnumValues(status).Where(v => v is "cancelled" or "canceled" or "released" or "expired" or "rejected" or "declined" or "no_show" or "failed" or "completed").ToList();
        return released.Count > 0 ? $" WHERE (status NOT IN ({string.Join(", ", released.Select(v => $"'{v}'"))}))" : "";
    }

    // True when 'from' already references 'to', directly or through other tables: another reference would be a cycle.
    private static bool ReachableFrom(EntityInfo from, EntityInfo to, List<EntityInfo> all)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<EntityInfo>([from]);
        while (queue.TryDequeue(out var e))
        {
            if (e == to)
            {
                return true;
            }

            foreach (var r in e.Columns.Select(c => c.References).OfType<string>().Where(seen.Add))
            {
                if (all.FirstOrDefault(x => x.Name == r) is { } next)
                {
                    queue.Enqueue(next);
                }
            }
        }

        return false;
    }

    private static string Words(string snake) => snake.Replace('_', ' ');
}
