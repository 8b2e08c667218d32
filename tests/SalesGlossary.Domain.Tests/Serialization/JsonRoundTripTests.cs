using System.Text.Json;
using Ardalis.SmartEnum;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Serialization;

public class JsonRoundTripTests
{
    private static readonly Lazy<LeadScoringModel<LeadFacts, LeadActivity>> SampleModel = new(LeadScoringModel.LoadSample);

    /// <summary>One generator per public data type; a new public type without one fails <see cref="EveryPublicDataType_HasARoundTripGenerator"/>.</summary>
    private static readonly Dictionary<Type, Gen<object>> DataTypes = new()
    {
        [typeof(NumberRange)] = Generators.Ranges().Select(o => (object)o),
        [typeof(CompanyProfile)] = Generators.Companies().Select(o => (object)o),
        [typeof(FirmographicCriteria)] = Generators.Criteria().Select(o => (object)o),
        [typeof(IdealCustomerProfile)] = Generators.Profiles().Select(o => (object)o),
        [typeof(IcpTierDefinition)] = Generators.Criteria().Select(c => (object)new IcpTierDefinition(IcpTier.Tier2, c)),
        [typeof(IcpExclusion)] = Generators.Criteria().Select(c => (object)new IcpExclusion("Competitors", c)),
        [typeof(IcpCriterionResult)] = Generators.Text().Select(t => (object)new IcpCriterionResult(IcpCriterion.Country, true, t)),
        [typeof(IcpTierResult)] = Generators.Text().Select(t => (object)new IcpTierResult(IcpTier.Tier3, [new IcpCriterionResult(IcpCriterion.Industry, false, t)])),
        [typeof(IcpEvaluation)] =
            from profile in Generators.Profiles()
            from company in Generators.Companies()
            select (object)profile.Evaluate(company),
        [typeof(BuyerPersona)] = Generators.Personas().Select(o => (object)o),
        [typeof(ContactProfile)] = Generators.Contacts().Select(o => (object)o),
        [typeof(PersonaCatalog)] = Gen.ListOf(Generators.Personas()).Select(p => (object)new PersonaCatalog([.. p.DistinctBy(x => x.Name)])),
        [typeof(PersonaMatch)] =
            from personas in Gen.ListOf(Generators.Personas())
            from contact in Generators.Contacts()
            select (object)new PersonaCatalog([.. personas.DistinctBy(x => x.Name)]).Match(contact),
        [typeof(LeadType)] = Generators.LeadTypes().Select(o => (object)o),
        [typeof(ConnectAttempt)] = Generators.Attempts().Select(o => (object)o),
        [typeof(QualificationThresholds)] = Generators.Thresholds().Select(o => (object)o),
        [typeof(LifecycleDefinitions)] = Generators.LifecycleDefinitions().Select(o => (object)o),
        [typeof(StageDefinition)] = Generators.Text().Select(t => (object)new StageDefinition { Name = "Stage" + t.Length, Number = 100 + t.Length, After = LifecycleStage.MarketingQualifiedLead, DisplayName = t, EntryMinimumScore = t.Length }),
        [typeof(LeadStatusDefinition)] = Generators.Text().Select(t => (object)new LeadStatusDefinition { Name = "Status" + t.Length, Number = 100 + t.Length, DisplayName = t, IsOpen = true, IsWorking = t.Length % 2 == 0 }),
        [typeof(ReasonDefinition)] = Generators.Text().Select(t => (object)new ReasonDefinition { Name = "Reason" + t.Length, Number = 101, DisplayName = t, RequiresExhaustedConnectPolicy = t.Length % 2 == 1 }),
        [typeof(TermDefinition)] = Generators.Text().Select(t => (object)new TermDefinition { Name = "Team" + t.Length, Number = 100, DisplayName = t }),
        [typeof(VocabularyDefinition)] = Generators.Text().Select(t => (object)new VocabularyDefinition
        {
            Stages = [new StageDefinition { Name = "SalesAcceptedLead", Number = 101, After = LifecycleStage.MarketingQualifiedLead, DisplayName = t }],
            LeadStatuses = [new LeadStatusDefinition { Name = "NurtureEventFollowUp", Number = 100, DisplayName = t, IsClosed = true }],
            Teams = [new TermDefinition { Name = "CustomerSuccess", Number = 100 }],
            DisplayNames = [new DisplayNameOverride { Kind = TermKind.LeadStatus, Term = "NurtureEventFollowUp", Language = "de", DisplayName = t }],
        }),
        [typeof(DisplayNameOverride)] = Generators.Text().Select(t => (object)new DisplayNameOverride { Kind = (TermKind)(t.Length % 6), Term = "Term" + t.Length, Language = t.Length % 2 == 0 ? "de" : "de-AT", DisplayName = t }),
        [typeof(LifecycleTransition)] = Generators.ContactStates().Select(s => (object)s.History[^1]),
        [typeof(ContactState)] = Generators.ContactStates().Select(o => (object)o),
        [typeof(StageTime)] = Generators.ContactStates().Select(s => (object)Generators.Rehydrate(s, TimeProvider.System).TimeInStages()[0]),
        [typeof(LeadActivity)] = Generators.Activities().Select(o => (object)o),
        [typeof(LeadFacts)] = Generators.Leads().Select(o => (object)o),
        [typeof(LeadScore)] = Generators.Leads().Select(l => (object)SampleModel.Value.Score(l, Generators.ScoringNow)),
        [typeof(GroupScore)] = Generators.Leads().Select(l => (object)SampleModel.Value.Score(l, Generators.ScoringNow).Groups[0]),
        [typeof(ScoreGrade)] = Generators.Leads().Select(l => (object)SampleModel.Value.Score(l, Generators.ScoringNow).Grade!),
        [typeof(ScoreContribution)] = Generators.Leads().Select(l => (object?)SampleModel.Value.Score(l, Generators.ScoringNow).Contributions.FirstOrDefault()
            ?? new ScoreContribution("R", "fit", null, null, 1, 1, 1, "+1 points")),
        [typeof(ScoringError)] = Generators.Text().Select(t => (object)new ScoringError("R", 3, t)),
        [typeof(RuleCost)] = Gen.Elements(SampleModel.Value.RuleCosts.ToArray()).Select(c => (object)c),
        [typeof(ScoringRule)] = Gen.Elements(SampleModel.Value.Rules.ToArray()).Select(o => (object)o),
        [typeof(ScoreDecay)] = Gen.Choose(1, 100).Select(p => (object)new ScoreDecay { Percent = p, EveryDays = 30 }),
        [typeof(GradeThresholds)] = Gen.Choose(1, 100).Select(p => (object)new GradeThresholds { FitA = p + 10, FitB = p, EngagementOne = p + 5, EngagementTwo = p }),
        [typeof(ScoringLimits)] = Generators.Limits().Select(o => (object)o),
        [typeof(BulkScoringOptions)] = Gen.Choose(1, 64).Select(n => (object)new BulkScoringOptions { MaxDegreeOfParallelism = n, BatchSize = n * 100 }),
        [typeof(BulkScoringSummary)] = Gen.Choose(0, 1000).Select(n => (object)new BulkScoringSummary(n * 10, n, "sample", "1.0.0")),
        [typeof(DealStage)] = Gen.Elements(Pipeline.Default.Stages.ToArray()).Select(o => (object)o),
        [typeof(PipelineRules)] = Gen.Elements(true, false).Select(b => (object)new PipelineRules { AllowSkipping = b, AllowMovingBack = !b, StartStages = b ? ["Create proposal"] : null, RequireLostReason = b }),
        [typeof(Pipeline)] = Gen.Elements(true, false).Select(b => (object)new Pipeline("P", Pipeline.Default.Stages, new PipelineRules { AllowSkipping = b, AllowMovingBack = !b, StartStages = b ? ["Create proposal"] : null, RequireLostReason = b })),
        [typeof(DealTransition)] = Generators.Text().Select(t => (object)new DealTransition { Sequence = 2, From = "Create proposal", To = "Closed lost", Trigger = DealTrigger.Lose, At = DateTimeOffset.UnixEpoch, By = string.IsNullOrWhiteSpace(t) ? By.Sales : By.Sales.Named(t), Reason = t, Amount = 10.5m, ExpectedClose = new DateOnly(2026, 1, 31) }),
        [typeof(DealStageTime)] = Gen.Choose(0, 100).Select(n => (object)new DealStageTime(n % 2 == 0 ? "On hold" : "Create proposal", TimeSpan.FromMinutes(n))),
        [typeof(ForecastTotal)] = Gen.Choose(0, 100).Select(n => (object)new ForecastTotal(ForecastCategory.BestCase, n, n * 10m, n * 6m)),
        [typeof(PipelineForecast)] = Gen.Choose(0, 100).Select(n => (object)DealForecast.For([])),
        [typeof(StageVelocity)] = Gen.Choose(0, 100).Select(n => (object)new StageVelocity("On hold", n, TimeSpan.FromHours(n), TimeSpan.FromMinutes(n))),
        [typeof(BusinessHours)] = Gen.Choose(6, 10).Select(h => (object)new BusinessHours(new BusinessHoursOptions { TimeZone = "Europe/Berlin", Opens = new TimeOnly(h, 0), Closes = new TimeOnly(h + 8, 30), WorkingDays = [DayOfWeek.Monday, DayOfWeek.Saturday], Holidays = [new DateOnly(2026, 5, 1)] })),
        [typeof(ConnectPolicy)] = Gen.Choose(1, 8).Select(n => (object)new ConnectPolicy(new ConnectPolicyOptions { Name = "P", BusinessHours = ConnectPolicy.Default.BusinessHours, FirstTouchWithin = TimeSpan.FromHours(n), MinimumAttempts = n, OverDays = n * 2, MinimumChannels = 1, MinimumSpacing = TimeSpan.FromMinutes(n * 30), ConnectedOutcomes = [ConnectOutcome.Replied] })),
        [typeof(ConnectBreach)] = Generators.Text().Select(t => (object)new ConnectBreach(ConnectBreachKind.FirstTouchLate, t)),
        [typeof(ConnectEvaluation)] = Gen.Choose(0, 5).Select(n => (object)new ConnectEvaluation(DateTimeOffset.UnixEpoch, ConnectStatus.InProgress, n, 1, DateTimeOffset.UnixEpoch.AddHours(n), n % 2 == 0 ? ConnectOutcome.Bounced : null, [new ConnectBreach(ConnectBreachKind.TooFewAttempts, "x")])),
        [typeof(MarketingCommitment)] = Gen.Choose(1, 500).Select(n => (object)new MarketingCommitment(n, n / 10m)),
        [typeof(Handoff)] = Gen.Choose(0, 10).Select(n => (object)new Handoff(DateTimeOffset.UnixEpoch.AddDays(n), Team.Marketing, Team.Sales, LifecycleStage.SalesQualifiedLead)),
        [typeof(ReportPeriod)] = Gen.Choose(1, 90).Select(n => (object)new ReportPeriod(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(n))),
        [typeof(FunnelStage)] = Gen.Choose(0, 90).Select(n => (object)new FunnelStage(LifecycleStage.Lead, n, n % 2 == 0 ? null : n / 3m)),
        [typeof(ReasonCount)] = Generators.Text().Select(t => (object)new ReasonCount(t, 3)),
        [typeof(RejectionReport)] = Generators.Text().Select(t => (object)new RejectionReport(10, 2, 20m, [new ReasonCount(t, 2)])),
        [typeof(StageDuration)] = Gen.Choose(0, 90).Select(n => (object)new StageDuration(LifecycleStage.Opportunity, n, TimeSpan.FromHours(n), TimeSpan.FromHours(n * 2))),
        [typeof(Attainment)] = Gen.Choose(0, 90).Select(n => (object)new Attainment(Team.Sales, "Touched in time", n, 100, n)),
        [typeof(SlaReport)] = Gen.ListOf(Generators.ContactStates()).Select(states => (object)SlaReport.Compute(
            ServiceLevelAgreement.Default,
            [.. states.Select(s => Generators.Rehydrate(s, TimeProvider.System))],
            [],
            new ReportPeriod(Generators.ContactEpoch.AddDays(-1), Generators.ContactEpoch.AddDays(60)),
            Generators.ContactEpoch.AddDays(61))),
        [typeof(RequalificationRule)] = Gen.Choose(0, 60).Select(n => (object)new RequalificationRule
        {
            MinimumNewPoints = n % 3 == 0 ? null : n + 0.5m,
            CoolOff = n % 2 == 0 ? TimeSpan.FromHours(n + 1) : null,
            CountHandoffs = n % 5 == 0 ? RequalifiedHandoffCounting.FirstHandoffOnly : RequalifiedHandoffCounting.EveryHandoff,
        }),
        [typeof(ContactImport)] = Generators.Text().Select(t => (object)new ContactImport
        {
            Stage = LifecycleStage.Customer,
            LeadStatus = t.Length % 2 == 0 ? null : LeadStatus.Connected,
            Source = "export " + t,
            Reason = "migration " + t,
            By = t.Length % 3 == 0 || string.IsNullOrWhiteSpace(t) ? By.Integration : By.Integration.Named(t),
            Score = t.Length,
        }),
        [typeof(DomainEvent)] = Event<DomainEvent>(),
        [typeof(ContactEvent)] = Event<ContactEvent>(),
        [typeof(ContactCreated)] = Event<ContactCreated>(),
        [typeof(StageChanged)] = Event<StageChanged>(),
        [typeof(LeadStatusChanged)] = Event<LeadStatusChanged>(),
        [typeof(ScoreChanged)] = Event<ScoreChanged>(),
        [typeof(HandedOver)] = Event<HandedOver>(),
        [typeof(ConnectAttemptRecorded)] = Event<ConnectAttemptRecorded>(),
        [typeof(SlaBreached)] = Event<SlaBreached>(),
        [typeof(DealEvent)] = Event<DealEvent>(),
        [typeof(DealStageChanged)] = Event<DealStageChanged>(),
        [typeof(DealForecastUpdated)] = Event<DealForecastUpdated>(),
        [typeof(DealWon)] = Event<DealWon>(),
        [typeof(DealLost)] = Event<DealLost>(),
        [typeof(ScoreChange)] = Event<ScoreChanged>().Select(e => (object)((ScoreChanged)e).Change),
        [typeof(ContactScore)] = Event<ScoreChanged>().Select(e => (object)((ScoreChanged)e).Change.Current),
        [typeof(ScorePart)] = Event<ScoreChanged>().Select(e => (object)((ScoreChanged)e).Change.Current.Rules[0]),
        [typeof(SlaBreach)] = Event<SlaBreached>().Select(e => (object)((SlaBreached)e).Breach),
        [typeof(GroupThreshold)] = Gen.Choose(1, 100).Select(n => (object)new GroupThreshold(n % 2 == 0 ? "fit" : "engagement", n / 4m)),
        [typeof(SlaTimer)] = Gen.Choose(0, 100).Select(n => (object)new SlaTimer((SlaTimerKind)(n % 3), DateTimeOffset.UnixEpoch.AddHours(n))),
        [typeof(ValidationProblem)] = Generators.Text().Select(t => (object)new ValidationProblem { Path = "$.tiers[0]", Message = t }),
        [typeof(By)] = from actor in Generators.SmartEnum<Actor>()
                       from t in Generators.Text()
                       select (object)(string.IsNullOrWhiteSpace(t) ? new By(actor) : new By(actor).Named(t)),
    };

    private static Gen<object> Event<T>()
        where T : DomainEvent =>
        from events in Generators.StoryEvents()
        from one in Gen.Elements(events.OfType<T>().ToArray())
        select (object)one;

    /// <summary>Records are the library's data; classes such as aggregates and policies carry behaviour and are stored through their state records.</summary>
    private static bool IsDataType(Type type) => type.GetMethod("<Clone>$") is not null;

    [Fact]
    public void EveryPublicDataType_HasARoundTripGenerator()
    {
        var missing = typeof(LifecycleStage).Assembly.GetExportedTypes()
            .Where(IsDataType)
            .Where(t => !DataTypes.ContainsKey(t))
            .Select(t => t.FullName)
            .ToArray();
        Assert.Empty(missing);
    }

    public static TheoryData<Type> SmartEnumTypes() => ConventionTests.SmartEnumTypes();

    [Theory]
    [MemberData(nameof(SmartEnumTypes))]
    public void EverySmartEnumOption_RoundTrips(Type type)
    {
        Assert.True(type.TryGetValues(out var options));
        foreach (var option in options)
        {
            var json = JsonSerializer.Serialize(option, type, SalesGlossaryJson.Options);
            Assert.Same(option, JsonSerializer.Deserialize(json, type, SalesGlossaryJson.Options));
        }
    }

    [Fact]
    public void PlainEnums_AreWrittenByName()
    {
        Assert.Equal("\"Working\"", JsonSerializer.Serialize(LeadStatusKind.Working, SalesGlossaryJson.Options));
    }

    [Property(MaxTest = 400)]
    public Property EveryPublicDataType_RoundTrips()
    {
        var gen =
            from type in Gen.Elements(DataTypes.Keys.ToArray())
            from value in DataTypes[type]
            select (type, value);
        return Prop.ForAll(gen.ToArbitrary(), pair =>
        {
            var (type, value) = pair;
            var json = JsonSerializer.Serialize(value, type, SalesGlossaryJson.Options);
            var back = JsonSerializer.Deserialize(json, type, SalesGlossaryJson.Options);
            Assert.NotNull(back);
            Assert.IsType(value.GetType(), back);
            Assert.Equal(json, JsonSerializer.Serialize(back, type, SalesGlossaryJson.Options));
        });
    }

    /// <summary>
    /// A copy read back from JSON holds new lists; it equals the original and has its hash code only when every record
    /// compares its lists item by item (the compiler's record equality compares a list by reference).
    /// </summary>
    [Property(MaxTest = 400)]
    public Property EveryPublicDataType_EqualsItsRoundTrippedCopy_WithTheSameHashCode()
    {
        var gen =
            from type in Gen.Elements(DataTypes.Keys.ToArray())
            from value in DataTypes[type]
            select (type, value);
        return Prop.ForAll(gen.ToArbitrary(), pair =>
        {
            var (type, value) = pair;
            var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(value, type, SalesGlossaryJson.Options), type, SalesGlossaryJson.Options)!;
            Assert.Equal(value, back);
            Assert.Equal(value.GetHashCode(), back.GetHashCode());
        });
    }

    /// <summary>A copy that differs in one list item is not equal: the lists are compared, not merely counted.</summary>
    [Property(MaxTest = 100)]
    public Property LeadScore_DifferingInOneContribution_IsNotEqual() =>
        Prop.ForAll(Generators.Leads().ToArbitrary(), lead =>
        {
            var score = SampleModel.Value.Score(lead, Generators.ScoringNow);
            var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(score, SalesGlossaryJson.Options))!;
            json["handRaises"] = new System.Text.Json.Nodes.JsonArray([.. score.HandRaises.Select(h => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(h)), System.Text.Json.Nodes.JsonValue.Create("forged")]);
            var changed = SalesGlossaryJson.Read<LeadScore>(json.ToJsonString());
            Assert.NotEqual(score, changed);
            Assert.Equal(score, SalesGlossaryJson.Read<LeadScore>(JsonSerializer.Serialize(score, SalesGlossaryJson.Options)));
        });

    [Property(MaxTest = 100)]
    public Property IdealCustomerProfile_AfterRoundTrip_EvaluatesEveryCompanyTheSame() =>
        Prop.ForAll(Generators.Profiles().ToArbitrary(), Generators.Companies().ToArbitrary(), (profile, company) =>
        {
            var json = JsonSerializer.Serialize(profile, SalesGlossaryJson.Options);
            var back = JsonSerializer.Deserialize<IdealCustomerProfile>(json, SalesGlossaryJson.Options)!;
            var before = profile.Evaluate(company);
            var after = back.Evaluate(company);
            return before.Tier == after.Tier && before.IsNegative == after.IsNegative && before.Summary == after.Summary;
        });

    [Fact]
    public void NumberRange_RoundTripsToAnEqualValue()
    {
        var range = new NumberRange(200, null);
        var json = JsonSerializer.Serialize(range, SalesGlossaryJson.Options);
        Assert.Equal("{\"minimum\":200}", json);
        Assert.Equal(range, JsonSerializer.Deserialize<NumberRange>(json, SalesGlossaryJson.Options));
    }

    [Fact]
    public void UnknownProperty_IsRejectedWithItsName()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<NumberRange>("{\"minimum\":1,\"maximim\":2}", SalesGlossaryJson.Options));
        Assert.Contains("maximim", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(LeadActivity), "{\"occurredAt\":\"2026-03-01T00:00:00+00:00\"}", "type")]
    [InlineData(typeof(ValidationProblem), "{\"path\":\"$\"}", "message")]
    [InlineData(typeof(ScoreDecay), "{\"percent\":50}", "everyDays")]
    [InlineData(typeof(GradeThresholds), "{\"fitA\":50,\"fitB\":25,\"engagementOne\":40}", "engagementTwo")]
    public void StoredValue_MissingARequiredMember_FailsTheReadNamingIt(Type type, string json, string member)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type, SalesGlossaryJson.Options));
        Assert.Contains("'" + member + "'", error.Message, StringComparison.Ordinal);
    }
}
