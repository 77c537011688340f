using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Tests.Requirements;

/// <summary>
/// The reader on the shapes features take in briefs: lists without a subject, nominalised actions, passives, modal
/// phrases, relative clauses, role lists after a colon, and a French brief through its glossary; and what it must
/// not read as a feature (history, what is used today).
/// </summary>
public sealed class FeatureReadingTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RoleBeforeAColon_OwnsTheItemsAfterIt()
    {
        var model = await RequirementsReader.Default.ReadAsync("Members can: search the catalogue, place holds, renew loans.", [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Members" && u.Action == "search" && u.Object == "catalogue");
        Assert.Contains(model.UseCases, u => u.Actor == "Members" && u.Action == "place" && u.Object == "holds");
        Assert.Contains(model.UseCases, u => u.Actor == "Members" && u.Action == "renew" && u.Object == "loans");
    }

    [Fact]
    public async Task AParticleAfterTheObject_BelongsToTheVerb()
    {
        // "check items in and out" is checking in and checking out, not checking items.
        var model = await RequirementsReader.Default.ReadAsync("Counter staff check items in and out with barcode scanners.", [], Ct);
        Assert.Contains(model.UseCases, u => u.Action == "check in" && u.Object == "items");
        Assert.Contains(model.UseCases, u => u.Action == "check out" && u.Object == "items");
        Assert.DoesNotContain(model.UseCases, u => u.Action == "check");

        // A word that opens a phrase is a preposition: "check parcels in the depot" checks them there, it does not check them in.
        var inPlace = await RequirementsReader.Default.ReadAsync("Drivers check parcels in the depot before each route.", [], Ct);
        Assert.DoesNotContain(inPlace.UseCases, u => u.Action == "check in");
    }

    [Fact]
    public async Task AnIdiomAroundTheObject_NamesTheAction()
    {
        // "put X on hold" is holding X, not putting it somewhere: the action is "put on hold", not "put".
        var model = await RequirementsReader.Default.ReadAsync("Compliance officers must be able to put any account on hold.", [], Ct);
        Assert.Contains(model.UseCases, u => u.Action == "put on hold" && u.Object == "account");
        Assert.DoesNotContain(model.UseCases, u => u.Action == "put");
    }

    [Fact]
    public async Task AVerbWithNoObject_ThatMakesARecord_CreatesIt()
    {
        // "Members enrol online" names no object, but enrolling makes an enrolment; "PCI DSS applies" is no role acting.
        var model = await RequirementsReader.Default.ReadAsync("""
            Members enrol online or at the front desk, and coaches publish the weekly timetable.
            PCI DSS applies to the card terminal. Trainers comment.
            """, [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Members" && u.Action == "enrol" && u.Object == "enrolment");
        Assert.DoesNotContain(model.UseCases, u => u.Action == "apply");
        Assert.DoesNotContain(model.UseCases, u => u.Action == "comment" && u.Object == "comment");
    }

    [Fact]
    public async Task ASubjectThatNamesAnAction_IsTheMainRoleDoingIt_UnlessTheBriefSaysItElsewhere()
    {
        var model = await RequirementsReader.Default.ReadAsync("""
            Tenants report repairs through the portal.
            Their statement downloads outnumber repair reports ten to one, and deposit payments go through GoCardless.
            Registration opens each spring; tenants register their pets.
            """, [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Tenants" && u.Action == "download" && u.Object == "statement");
        Assert.Contains(model.UseCases, u => u.Actor == "Tenants" && u.Action == "pay" && u.Object == "deposit payment");
        var register = Assert.Single(model.UseCases, u => u.Action == "register");
        Assert.Equal("pets", register.Object);
    }

    [Fact]
    public async Task AFeatureNoun_ImpliesWhatItsUsersDoWithIt()
    {
        // Data (reading.json impliedActions), not one brief: a waitlist is joined, a channel is where messages are sent,
        // a deposit is paid; the comma after an aside still ends its item; "channels" at an item's end is a noun.
        var model = await RequirementsReader.Default.ReadAsync("""
            Climbers book sessions at our gyms.

            Features: group channels (the busiest, per gym, with 2,000 members), a waitlist for full sessions, a deposit of £5 per climber.
            """, [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Climbers" && u.Action == "send" && u.Object == "message");
        Assert.Contains(model.UseCases, u => u.Actor == "Climbers" && u.Action == "join" && u.Object.StartsWith("waitlist", StringComparison.Ordinal));
        Assert.Contains(model.UseCases, u => u.Actor == "Climbers" && u.Action == "pay" && u.Object.StartsWith("deposit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AKindOfAKeptThing_IsThatThing_AndAFeatureNamedByItsObjectIsNoSecondThing()
    {
        var model = await RequirementsReader.Default.ReadAsync("""
            Moderators can close any channel at the end of a season.

            Must have: group channels, mobile push.
            """, [], Ct);
        Assert.Contains(model.Entities, e => e.Name == "channel");
        Assert.DoesNotContain(model.Entities, e => e.Name is "group channel" or "push" or "mobile push");
        Assert.Contains(model.UseCases, u => u.Action == "receive" && u.Object == "push notification");
    }

    [Fact]
    public async Task NominalisedFeatures_InAList_AreTheMainRolesUseCases()
    {
        var model = await RequirementsReader.Default.ReadAsync("""
            Tenants report repairs through the portal.

            Must have: document sharing, search across all invoices, threads, presence.
            """, [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Tenants" && u.Action == "share" && u.Object == "document");
        Assert.Contains(model.UseCases, u => u.Actor == "Tenants" && u.Action == "search" && u.Object == "invoices");
        Assert.Contains(model.Entities, e => e.Name == "thread");
        // A feature noun is no CRUD of itself; only what its users do with it is a use case (threads → reply in a thread).
        Assert.DoesNotContain(model.UseCases, u => u.Object is "threads" || u.Action is "create" or "manage");
        Assert.Contains(model.UseCases, u => u.Actor == "Tenants" && u.Action == "reply in" && u.Object == "thread");
    }

    [Fact]
    public async Task ANounTheBriefUsesElsewhere_IsAModifierBeforeAnActionNoun()
    {
        var model = await RequirementsReader.Default.ReadAsync("""
            An arena show has about 20k seats, and fans buy tickets online.

            Must have:

            - seat holds with an 8-minute expiry
            - place holds on sold-out shows
            """, [], Ct);
        Assert.Contains(model.UseCases, u => u.Action == "hold" && u.Object == "seat");
        Assert.Contains(model.UseCases, u => u.Action == "place" && u.Object == "holds");
    }

    [Fact]
    public async Task PassivesAndThingsThatAct_AreSystemUseCases()
    {
        var model = await RequirementsReader.Default.ReadAsync("""
            Patients join a waitlist that promotes automatically when a slot frees up.

            - reminder emails sent the day before

            If nobody confirms within an hour, the slot is released.
            """, [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Patients" && u.Action == "join" && u.Object == "waitlist");
        Assert.Contains(model.UseCases, u => u.Actor == "System" && u.Action == "promote" && u.Object == "waitlist");
        Assert.Contains(model.UseCases, u => u.Actor == "System" && u.Action == "send" && u.Object.Contains("reminder email", StringComparison.Ordinal));
        Assert.Contains(model.UseCases, u => u.Actor == "System" && u.Action == "release" && u.Object == "slot");
    }

    [Fact]
    public async Task ModalPhrasesAndDescribingClauses_KeepTheirRole()
    {
        var model = await RequirementsReader.Default.ReadAsync("""
            Auditors must be able to export the access log. Each volunteer needs to accept the safety rules.
            Visitors who aren't members get a link to claim a free pass.
            """, [], Ct);
        Assert.Contains(model.UseCases, u => u.Actor == "Auditors" && u.Action == "export" && u.Object == "access log");
        Assert.Contains(model.UseCases, u => u.Actor == "Volunteer" && u.Action == "accept" && u.Object == "safety rules");
        Assert.Contains(model.UseCases, u => u.Actor == "Visitors" && u.Action == "claim" && u.Object == "free pass");
    }

    [Fact]
    public async Task Background_IsNoUseCase()
    {
        var model = await RequirementsReader.Default.ReadAsync("""
            We currently use a spreadsheet and a shared inbox. The club was founded in 2015 and ships about 2,000 parcels a year.
            """, [], Ct);
        Assert.Empty(model.UseCases);
    }

    [Fact]
    public async Task FrenchBrief_IsReadThroughItsGlossary_WithTheBriefsOwnQuotes()
    {
        var model = await RequirementsReader.Default.ReadAsync("""
            Nous gérons 12 cliniques vétérinaires. Les vétérinaires utilisent une tablette pour consulter le dossier et les assistants ferment les rendez-vous.
            """, [], Ct);
        Assert.Equal("fr", model.Language);
        Assert.Contains(model.UseCases, u => u.Action == "close" && u.Text.Contains("ferment", StringComparison.Ordinal));
        Assert.Contains(model.ReaderNotes, n => n.Contains("gloss", StringComparison.Ordinal));
    }
}
