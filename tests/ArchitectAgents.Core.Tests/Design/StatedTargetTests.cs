namespace ArchitectAgents.Core.Tests.Design;

/// <summary>What the brief aims for is designed for: the target spend rather than today's, a spike at a known time scaled for before it lands.</summary>
public sealed class StatedTargetTests
{
    [Fact]
    public async Task ATargetBesideTodaysSpend_IsTheBudget()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Hosting review
            Creators upload episodes and listeners download them; about 2.5M downloads a month. Everything is on GCP.
            Infra spend is about $3,000/month and we need it under $2,000 without making downloads slower. A team of 3.
            """);

        Assert.Equal(2000, doc.Design!.Cost.BudgetPerMonth);
    }

    [Fact]
    public async Task ASpikeAtAKnownTime_IsScaledForBeforeItLands()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Course registration
            Registration opens at 08:00 on one Tuesday and roughly 9,000 of our 31k students hit it in the first 15 minutes.
            Students browse sections and register for them. We are on Azure; a team of 4 developers.
            """);

        var launch = doc.Design!.Scaling[0].Actions;
        Assert.Contains(launch, a => a.StartsWith("Scheduled scale-out before the known spike at 08:00", StringComparison.Ordinal));
        Assert.Contains(launch, a => a.Contains("(9,000 students)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGlossedDeadline_IsInTheRollout_BesideTheBriefsOwnWords()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Réservations
            Les clients réservent une table en ligne et le personnel confirme les réservations. Environ 2 000 réservations
            par mois. Équipe : 2 développeurs. Lancement sur 3 restaurants pilotes en mars, tout le réseau avant l'été.
            """);

        var rollout = doc.Design!.Deployment.Rollout;
        Assert.Contains("in March: ", rollout, StringComparison.Ordinal);
        Assert.Contains("pilotes en mars", rollout, StringComparison.Ordinal);
        Assert.NotEqual(Core.Document.GateItemStatus.Fail, doc.Gate!.Items.Single(i => i.Id == "trace.constraints").Status);
    }
}

