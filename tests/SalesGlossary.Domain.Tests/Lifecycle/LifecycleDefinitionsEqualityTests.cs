namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>Lifecycle definitions compare by every choice, the stage owners as a set of pairs, and hash alike when equal.</summary>
public class LifecycleDefinitionsEqualityTests
{
    private static readonly LifecycleDefinitions Defaults = new();

    private static Dictionary<LifecycleStage, Team> Owners(LifecycleStage? changed = null, Team? team = null)
    {
        var owners = Defaults.StageOwners.Reverse().ToDictionary(o => o.Key, o => o.Value);
        if (changed is not null)
        {
            owners[changed] = team!;
        }

        return owners;
    }

    [Fact]
    public void Equals_ComparesEveryChoice()
    {
        var nurtured = LifecycleStage.Add(new StageDefinition { Name = "Nurtured", Number = 101, After = LifecycleStage.Lead }, LifecycleStage.Lead, 1);

        Assert.Equal(Defaults, new LifecycleDefinitions { StageOwners = Owners() });
        Assert.Equal(Defaults.GetHashCode(), new LifecycleDefinitions { StageOwners = Owners() }.GetHashCode());
        Assert.NotEqual(Defaults, Defaults with { SqlQualification = SqlQualification.Score });
        Assert.NotEqual(Defaults, Defaults with { OpportunityDefinition = OpportunityDefinition.FirstSuccessfulConnect });
        Assert.NotEqual(Defaults, Defaults with { HandRaiseRoute = null });
        Assert.NotEqual(Defaults, Defaults with { NurtureStage = LifecycleStage.Subscriber });
        Assert.NotEqual(Defaults, Defaults with { RecycleWhenDealLost = true });
        Assert.NotEqual(Defaults, Defaults with { Requalification = new RequalificationRule { MinimumNewPoints = 21m } });
        Assert.NotEqual(Defaults, Defaults with { AddedStages = [nurtured] });
        Assert.NotEqual(Defaults, Defaults with { LeadStatuses = [LeadStatus.Open] });
        Assert.NotEqual(Defaults, Defaults with { StageOwners = Owners(LifecycleStage.Opportunity, Team.Service) });
        Assert.False(Defaults.Equals(null));
    }

    [Fact]
    public void LeadStatuses_ByDefault_AreTheShippedOnesByNumber()
    {
        Assert.Equal(LeadStatus.List.Select(s => s.Value).Order(), Defaults.LeadStatuses.Select(s => s.Value));
        Assert.Same(LeadStatus.New, Defaults.LeadStatuses[0]);
    }

    [Fact]
    public void GetHashCode_TellsApartDefinitionsThatDifferInOneOwner()
    {
        var hashes = LifecycleStage.InFunnelOrder
            .Select(stage => new LifecycleDefinitions { StageOwners = Owners(stage, Defaults.StageOwners[stage] == Team.Service ? Team.Sales : Team.Service) }.GetHashCode())
            .Append(Defaults.GetHashCode())
            .Distinct()
            .Count();

        Assert.Equal(LifecycleStage.InFunnelOrder.Count + 1, hashes);
    }
}
