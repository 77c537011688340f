using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Tests.Requirements;

/// <summary>
/// What reaches a role rather than what it does: a role told of an event is notified of it (the system's work, no
/// operation the role calls), and a role that wants or gets a feature does what the feature implies.
/// </summary>
public sealed class NotificationReadingTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARoleToldWhenSomethingHappens_IsNotifiedOfThatEvent()
    {
        var model = await RequirementsReader.Default.ReadAsync(
            "Our dealers want to pull the price list, push orders to us, and be told when their orders ship.", [], Ct);
        var notified = Assert.Single(model.UseCases, u => u.Action == ReadingLexicon.NotifiedAction);
        Assert.Equal("Our dealers", notified.Actor);
        Assert.Equal("order shipment", notified.Object);
        Assert.Equal("notify", ReadingLexicon.Default.OperationKind(notified));
        Assert.Contains(model.UseCases, u => u.Action == "push" && u.Object == "orders");
    }

    [Fact]
    public async Task ARoleNotifiedByAChannel_IsNotTheSystemNotifyingAThing()
    {
        var model = await RequirementsReader.Default.ReadAsync("Patients are notified by SMS when their prescription is ready.", [], Ct);
        var notified = Assert.Single(model.UseCases, u => u.Action == ReadingLexicon.NotifiedAction);
        Assert.Equal("Patients", notified.Actor);
        Assert.Equal("prescription", notified.Object);
        Assert.DoesNotContain(model.UseCases, u => u.Actor == "System" && u.Action == "notify");
    }

    [Fact]
    public async Task ANegatedNotification_IsNoUseCase()
    {
        var model = await RequirementsReader.Default.ReadAsync("Guests must not be told when a room is reassigned.", [], Ct);
        Assert.DoesNotContain(model.UseCases, u => u.Action == ReadingLexicon.NotifiedAction);
    }

    [Fact]
    public async Task ARoleThatWantsAFeature_DoesWhatTheFeatureImplies()
    {
        var model = await RequirementsReader.Default.ReadAsync("Teachers want attendance reports by Friday; parents need a dashboard.", [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Teachers" && u.Action == "view" && u.Object == "attendance report");
        Assert.Contains(model.UseCases, u => u.Actor == "Parents" && u.Action == "view" && u.Object == "dashboard");
    }

    [Fact]
    public async Task WhatWeWant_IsNoRoleAskingForAFeature()
    {
        // "We want a dashboard" is the client asking for the product, not a role of it viewing one.
        var model = await RequirementsReader.Default.ReadAsync("We want a new dashboard for the board.", [], Ct);
        Assert.DoesNotContain(model.UseCases, u => u.Action == "view" && u.Actor == "System");
    }

    [Fact]
    public async Task AFeatureNounTaggedAsAnAdjective_InAList_IsStillTheFeature()
    {
        // The tagger reads a lone "waitlist" between commas as an adjective; it is the feature joined by the brief's role.
        var model = await RequirementsReader.Default.ReadAsync(
            "Guests book tables on our site with the same rules: slots of 15 minutes, tables combinable, waitlist, and deposit of 10 € per person.", [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Guests" && u.Action == "join" && u.Object == "waitlist");
        Assert.Contains(model.Entities, e => e.Name.Equals("waitlist entry", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task StaffWhoActOnPeople_ServeThem_TheUnattributedFeaturesAreThePeoples()
    {
        var model = await RequirementsReader.Default.ReadAsync("""
            Receptionists check in patients and record no-shows at the desk.
            The app needs the same rules: slots of 15 minutes, waitlist, and a deposit for groups.
            """, [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Receptionists" && u.Action == "check in" && u.Object == "patients");
        Assert.Contains(model.UseCases, u => u.Action == "join" && u.Object == "waitlist" && u.Actor == "Patients");
        Assert.Contains(model.UseCases, u => u.Action == "pay" && u.Object == "deposit" && u.Actor == "Patients");
    }

    [Fact]
    public async Task AProductNamedByAnAction_IsWhatItsUsersDo()
    {
        // "our own booking system" asks for booking; "an event-driven system" or "a notification service" names no record.
        var model = await RequirementsReader.Default.ReadAsync("We want our own booking system for our three climbing walls. Climbers pay a deposit.", [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Climbers" && u.Action == "book" && u.Object == "booking");
        var none = await RequirementsReader.Default.ReadAsync("We need an event-driven system and a notification service. Climbers pay a deposit.", [], Ct);
        Assert.DoesNotContain(none.UseCases, u => u.Action is "notify" or "book");
    }
}
