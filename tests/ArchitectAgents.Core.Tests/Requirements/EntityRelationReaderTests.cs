using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Tests.Requirements;

/// <summary>Which kept thing belongs to which, as the brief relates them: by a preposition, or by what a thing is said to have.</summary>
public sealed class EntityRelationReaderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static EntityRelation? Relation(RequirementsModel model, string child, string parent) =>
        model.Entities.FirstOrDefault(e => e.Name == child)?.Relations.FirstOrDefault(r => r.Target == parent);

    [Fact]
    public async Task AThingInsideAnother_BelongsToIt()
    {
        var model = await RequirementsReader.Default.ReadAsync(
            "Admins create channels. Members post messages in a channel. Owners list hotels and guests book rooms at one of our hotels.", [], Ct);

        Assert.Equal("belongs to", Relation(model, "message", "channel")?.Kind);
        Assert.Equal("belongs to", Relation(model, "room", "hotel")?.Kind);
    }

    [Fact]
    public async Task ForAndTo_OftenQualifyTheVerb_SoTheyOnlyRefer()
    {
        var model = await RequirementsReader.Default.ReadAsync(
            "Admins publish sections. Advisors grant waivers for individual sections. Members upload files to a section.", [], Ct);

        Assert.Equal("refers to", Relation(model, "waiver", "section")?.Kind);
        Assert.Equal("refers to", Relation(model, "file", "section")?.Kind);
    }

    [Fact]
    public async Task WhatAThingHas_RelatesBothWays()
    {
        var model = await RequirementsReader.Default.ReadAsync(
            "Owners add hotels. A hotel has rooms and a manager. Staff add tables and guests make bookings. Each booking has a table.", [], Ct);

        Assert.Equal("belongs to", Relation(model, "room", "hotel")?.Kind);
        Assert.Equal("refers to", Relation(model, "booking", "table")?.Kind);
        Assert.Null(Relation(model, "table", "booking"));
    }
}
