using System.Reflection;
using Ardalis.SmartEnum;

namespace SalesGlossary.Domain.Tests;

public class ConventionTests
{
    private static readonly Assembly Library = typeof(LifecycleStage).Assembly;

    /// <summary>Stored values of every smart enum. A value is persisted by users: it must never change or be reused.</summary>
    private static readonly Dictionary<string, string> PinnedValues = new()
    {
        ["Actor"] = "Marketing=1 Sales=2 System=3 Integration=4",
        ["BuyerJourneyStage"] = "Awareness=1 Consideration=2 Decision=3",
        ["ConnectChannel"] = "Phone=1 Email=2 Voicemail=3 Social=4 Sms=5 Meeting=6",
        ["ConnectOutcome"] = "Connected=1 Replied=2 LeftVoicemail=3 LeftLiveMessage=4 NoAnswer=5 Busy=6 WrongNumber=7 Bounced=8 MeetingBooked=9",
        ["DealStageKind"] = "Open=1 Won=2 Lost=3 OnHold=4",
        ["DealTrigger"] = "Create=1 MoveTo=2 PutOnHold=3 Resume=4 Win=5 Lose=6 Reopen=7 UpdateForecast=8",
        ["DisqualificationReason"] = "UnableToReach=1 InaccurateData=2 NoInterestOrNeed=3 NoBudget=4 NoFit=5 Other=6",
        ["FlywheelPhase"] = "Attract=1 Engage=2 Delight=3",
        ["ForecastCategory"] = "Pipeline=1 BestCase=2 Commit=3 Closed=4 Omitted=5",
        ["IcpCriterion"] = "Industry=1 Employees=2 AnnualRevenue=3 Country=4 RequiredTechnologies=5 ExcludedTechnologies=6",
        ["IcpTier"] = "Tier1=1 Tier2=2 Tier3=3 NotIcp=4",
        ["LeadStatus"] = "New=1 Open=2 InProgress=3 AttemptedToContact=4 Connected=5 OpenDeal=6 Unqualified=7 BadTiming=8 ReturnedNotReady=9",
        ["LifecycleTrigger"] = "Create=1 Convert=2 ReachMqlThreshold=3 AcceptBySales=4 ReachSqlThreshold=5 HandRaise=6 CreateDeal=7 ConnectSucceeded=8 WinDeal=9 BecomeAdvocate=10 ReturnToMarketing=11 Recycle=12 Disqualify=13 Reopen=14 Override=15 RecordConnectAttempt=16 StartWorking=17 MarkBadTiming=18 LoseDeal=19 Import=20 EnterStage=21 ChangeLeadStatus=22",
        ["LostReason"] = "Price=1 Competitor=2 NoDecision=3 Timing=4 NoBudget=5 ProductFit=6 Other=7",
        ["LifecycleStage"] = "Subscriber=1 Lead=2 MarketingQualifiedLead=3 SalesQualifiedLead=4 Opportunity=5 Customer=6 Evangelist=7 Other=8",
        ["Seniority"] = "IndividualContributor=1 Manager=2 Director=3 VicePresident=4 Executive=5",
        ["Team"] = "Marketing=1 Sales=2 Service=3",
    };

    private static Type[] SmartEnumTypeList() =>
        [.. Library.GetExportedTypes().Where(t => t.IsSmartEnum()).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static TheoryData<Type> SmartEnumTypes() => new(SmartEnumTypeList());

    private static IReadOnlyList<(FieldInfo Field, ISmartEnum Option)> Options(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == type)
            .Select(f => (f, (ISmartEnum)f.GetValue(null)!))
            .ToArray();

    private static string NameOf(ISmartEnum option) => (string)option.GetType().GetProperty("Name")!.GetValue(option)!;

    private static int ValueOf(ISmartEnum option) => (int)option.GetType().GetProperty("Value")!.GetValue(option)!;

    [Fact]
    public void SmartEnums_AreAllPinned()
    {
        var found = SmartEnumTypeList().Select(t => t.Name).ToArray();
        Assert.Equal(PinnedValues.Keys.Order(StringComparer.Ordinal), found);
    }

    [Theory]
    [MemberData(nameof(SmartEnumTypes))]
    public void SmartEnum_ValuesAreUniqueAndNeverChange(Type type)
    {
        var options = Options(type);
        var values = options.Select(o => ValueOf(o.Option)).ToArray();
        Assert.Equal(values.Length, values.Distinct().Count());
        var actual = string.Join(' ', options.OrderBy(o => ValueOf(o.Option)).Select(o => NameOf(o.Option) + "=" + ValueOf(o.Option)));
        Assert.Equal(PinnedValues[type.Name], actual);
    }

    [Theory]
    [MemberData(nameof(SmartEnumTypes))]
    public void SmartEnum_NamesAreUniqueAndMatchTheirFields(Type type)
    {
        var options = Options(type);
        Assert.NotEmpty(options);
        Assert.Equal(options.Count, options.Select(o => NameOf(o.Option)).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(options, o => Assert.Equal(o.Field.Name, NameOf(o.Option)));
        Assert.All(options, o => Assert.True(o.Field.IsInitOnly, o.Field.Name + " must be readonly."));
    }

    [Theory]
    [MemberData(nameof(SmartEnumTypes))]
    public void SmartEnum_IsSealedWithPrivateConstructors(Type type)
    {
        Assert.True(type.IsSealed, type.Name + " must be sealed.");
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
    }

    /// <summary>An abstract record whose only constructors a caller could reach are the record's copy constructor: its kinds are the library's alone (events).</summary>
    private static bool IsClosedHierarchy(Type type) =>
        type.IsAbstract && type.GetMethod("<Clone>$") is not null
        && type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly)
            .All(c => c.GetParameters() is [var only] && only.ParameterType == type);

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
    {
        var open = Library.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed) && !IsClosedHierarchy(t))
            .Select(t => t.FullName)
            .ToArray();
        Assert.Empty(open);
    }

    [Fact]
    public void PublicTypes_LiveInTheRootNamespaceOrSerialization()
    {
        // One `using SalesGlossary.Domain;` reaches every type a user works with; JSON plumbing has its own room.
        string[] allowed = ["SalesGlossary.Domain", "SalesGlossary.Domain.Serialization"];
        var misplaced = Library.GetExportedTypes().Where(t => !allowed.Contains(t.Namespace)).Select(t => t.FullName).ToArray();
        Assert.Empty(misplaced);
    }

    [Fact]
    public void LifecycleStage_InFunnelOrder_IsOrderedByValueNotByName()
    {
        Assert.Equal(
            ["Subscriber", "Lead", "MarketingQualifiedLead", "SalesQualifiedLead", "Opportunity", "Customer", "Evangelist", "Other"],
            LifecycleStage.InFunnelOrder.Select(s => s.Name));
    }

    [Theory]
    [InlineData("Subscriber", "Marketing")]
    [InlineData("Lead", "Marketing")]
    [InlineData("MarketingQualifiedLead", "Marketing")] // The flywheel's phase; the agreement decides who owns the stage (LifecycleDefinitions.StageOwners).
    [InlineData("SalesQualifiedLead", "Sales")]
    [InlineData("Opportunity", "Sales")]
    [InlineData("Customer", "Service")]
    [InlineData("Evangelist", "Service")]
    public void LifecycleStage_OwningTeam_FollowsTheFlywheel(string stage, string team) =>
        Assert.Equal(team, LifecycleStage.FromName(stage).OwningTeam.Name);

    [Fact]
    public void LifecycleStage_IsAfter_OnlyComparesFunnelStages()
    {
        Assert.True(LifecycleStage.SalesQualifiedLead.IsAfter(LifecycleStage.MarketingQualifiedLead));
        Assert.False(LifecycleStage.MarketingQualifiedLead.IsAfter(LifecycleStage.SalesQualifiedLead));
        Assert.False(LifecycleStage.Other.IsAfter(LifecycleStage.Subscriber));
        Assert.False(LifecycleStage.Customer.IsAfter(LifecycleStage.Other));
    }
}
