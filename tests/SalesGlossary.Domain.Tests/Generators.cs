using Ardalis.SmartEnum;
using FsCheck;
using FsCheck.Fluent;

namespace SalesGlossary.Domain.Tests;

/// <summary>FsCheck generators for the library's types, shared by the property tests.</summary>
public static class Generators
{
    private static readonly string[] Industries = ["Software", "Manufacturing", "Retail", "Healthcare", "Finance", "Logistics"];
    private static readonly string[] Countries = ["DE", "AT", "CH", "US", "GB", "FR"];
    private static readonly string[] Technologies = ["Salesforce", "HubSpot", "SAP", "Shopify", "Snowflake", "AWS"];
    private static readonly string[] Words = ["marketing", "sales", "vp", "head", "director", "operations", "revenue", "demand", "generation", "it", "chief", "officer", "manager"];

    public static Gen<T?> OrNone<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Constant<T?>(null)), (4, gen.Select(v => (T?)v)));

    public static Gen<T> SmartEnum<T>()
        where T : SmartEnum<T> => Gen.Elements(Ardalis.SmartEnum.SmartEnum<T>.List.ToArray());

    public static Gen<string> Text() =>
        Gen.Elements("Acme", "Globex GmbH", "Initech", "Umbrella AG", "Ünïcödé & \"quotes\"", "Tab\tand\nnewline", "🚀 Rocket");

    public static Gen<string[]> SubsetOf(string[] values) => Gen.SubListOf(values).Select(v => v.ToArray());

    public static Gen<NumberRange> Ranges() =>
        from a in Gen.Choose(0, 5000)
        from b in Gen.Choose(0, 5000)
        from open in Gen.Choose(0, 3)
        select open switch
        {
            0 => new NumberRange(null, Math.Max(a, b)),
            1 => new NumberRange(Math.Min(a, b), null),
            _ => new NumberRange(Math.Min(a, b), Math.Max(a, b)),
        };

    public static Gen<FirmographicCriteria> Criteria() =>
        from industries in SubsetOf(Industries)
        from employees in Ranges().OrNull()
        from revenue in Ranges().Select(r => new NumberRange(r.Minimum * 1000, r.Maximum * 1000)).OrNull()
        from countries in SubsetOf(Countries)
        from required in SubsetOf(Technologies)
        from excluded in SubsetOf(Technologies)
        select new FirmographicCriteria { Industries = industries, Employees = employees, AnnualRevenue = revenue, Countries = countries, RequiredTechnologies = required, ExcludedTechnologies = excluded.Except(required).ToArray() };

    public static Gen<CompanyProfile> Companies() =>
        from name in Text()
        from industry in Gen.Elements(Industries).OrNull()
        from employees in OrNone(Gen.Choose(0, 6000))
        from revenue in OrNone(Gen.Choose(0, 6_000_000).Select(r => (decimal)r))
        from country in Gen.Elements(Countries).OrNull()
        from technologies in SubsetOf(Technologies)
        select new CompanyProfile { Name = name, Industry = industry, Employees = employees, AnnualRevenue = revenue, Country = country, Technologies = technologies };

    public static Gen<IdealCustomerProfile> Profiles() =>
        from tierCount in Gen.Choose(1, 3)
        from criteria in Gen.ArrayOf(Criteria(), tierCount)
        from exclusionCriteria in Gen.ListOf(Criteria().Where(c => !c.IsEmpty))
        select new IdealCustomerProfile(
            "ICP",
            [.. criteria.Select((c, i) => new IcpTierDefinition(Ardalis.SmartEnum.SmartEnum<IcpTier>.FromValue(i + 1), c))],
            [.. exclusionCriteria.Take(3).Select((c, i) => new IcpExclusion("Exclusion " + i, c))]);

    public static Gen<string> Keyword() =>
        from count in Gen.Choose(1, 2)
        from words in Gen.ArrayOf(Gen.Elements(Words), count)
        select string.Join(' ', words);

    public static Gen<BuyerPersona> Personas() =>
        from name in Gen.Elements("Marketing Mary", "Sales Sam", "Operations Olivia", "IT Ian", "Chief Charlie", "Revenue Rita")
        from role in Text()
        from seniority in SmartEnum<Seniority>().OrNull()
        from department in Gen.Elements("Marketing", "Sales", "IT", "Operations").OrNull()
        from goals in SubsetOf(["More pipeline", "Shorter cycles", "Better data"])
        from pains in SubsetOf(["Manual work", "Poor lead quality"])
        from channels in Gen.SubListOf(Ardalis.SmartEnum.SmartEnum<ConnectChannel>.List.ToArray())
        from keywordCount in Gen.Choose(1, 4)
        from keywords in Gen.ArrayOf(Keyword(), keywordCount)
        select new BuyerPersona { Name = name, Role = role, Seniority = seniority, Department = department, Goals = goals, Pains = pains, PreferredChannels = channels, JobTitleKeywords = keywords };

    public static Gen<ContactProfile> Contacts() =>
        from count in Gen.Choose(0, 5)
        from words in Gen.ArrayOf(Gen.Elements(Words.Concat(["of", "and", "&", "-"]).ToArray()), count)
        from department in Gen.Elements("Marketing", "Sales", "IT", "Operations").OrNull()
        from seniority in SmartEnum<Seniority>().OrNull()
        select new ContactProfile { JobTitle = count == 0 ? null : string.Join(' ', words), Department = department, Seniority = seniority };

    public static Gen<LeadType> LeadTypes() =>
        from key in Gen.Elements("new-prospect", "existing-customer", "maintenance")
        from name in Text()
        from description in Text()
        select new LeadType { Key = key, Name = name, Description = description, ScoringModel = "default-scoring", Pipeline = "default-pipeline", ConnectPolicy = "default-connect" };

    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(1));

    public static DateTimeOffset ContactEpoch => Epoch;

    public static Gen<ConnectAttempt> Attempts() =>
        from minutes in Gen.Choose(0, 100_000)
        from channel in SmartEnum<ConnectChannel>()
        from outcome in SmartEnum<ConnectOutcome>()
        from seller in Gen.Elements("sam", "Ünïcödé rep").OrNull()
        select new ConnectAttempt(Epoch.AddMinutes(minutes), channel, outcome, seller);

    public static Gen<QualificationThresholds> Thresholds() =>
        from mql in Gen.Choose(1, 500)
        from sql in OrNone(Gen.Choose(501, 900).Select(v => (decimal)v))
        select new QualificationThresholds(mql, sql);

    public static Gen<LifecycleDefinitions> LifecycleDefinitions() =>
        from sqlQualification in Gen.Elements(SqlQualification.SalesAcceptance, SqlQualification.SalesAcceptanceOrScore)
        from opportunity in Gen.Elements(OpportunityDefinition.OpenDeal, OpportunityDefinition.FirstSuccessfulConnect)
        from route in Gen.Elements(LifecycleStage.MarketingQualifiedLead, LifecycleStage.SalesQualifiedLead).OrNull()
        from newPoints in Gen.Choose(0, 50)
        from coolOffDays in Gen.Choose(0, 30)
        select new LifecycleDefinitions
        {
            SqlQualification = sqlQualification,
            OpportunityDefinition = opportunity,
            HandRaiseRoute = route,
            Requalification = new RequalificationRule
            {
                MinimumNewPoints = newPoints == 0 && coolOffDays > 0 ? null : newPoints + 1,
                CoolOff = coolOffDays == 0 ? null : TimeSpan.FromDays(coolOffDays),
            },
        };

    /// <summary>Rebuilds a generated contact with the policy of its lead type: through the default agreement, or the default policy for none.</summary>
    public static Contact Rehydrate(ContactState state, TimeProvider time) =>
        state.LeadType is null
            ? Contact.Rehydrate(state, LifecyclePolicy.Default, time)
            : ServiceLevelAgreement.Default.RehydrateContact(state, time);

    /// <summary>Stored states of contacts driven through random verbs; refused verbs are skipped.</summary>
    public static Gen<ContactState> ContactStates() =>
        from start in Gen.Elements(LifecycleStage.Subscriber, LifecycleStage.Lead)
        from steps in Gen.ListOf(Gen.Choose(0, 9))
        from score in Gen.Choose(0, 300)
        select Drive(start, steps, score);

    private static ContactState Drive(LifecycleStage start, IEnumerable<int> steps, int score)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Epoch);
        var contact = (score % 6) switch
        {
            0 or 2 => ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("C-" + score, start, time, By.Integration),
            4 => ServiceLevelAgreement.Default.GetLeadType("new-prospect").ImportContact(
                "C-" + score,
                new ContactImport { Stage = LifecycleStage.InFunnelOrder[score % 8], Source = "export", Reason = "migration", By = By.Integration },
                time),
            _ => Contact.Create("C-" + score, start, LifecyclePolicy.Default, time, By.Integration),
        };
        foreach (var step in steps)
        {
            time.Advance(TimeSpan.FromMinutes(37 * (step + 1)));
            try
            {
                switch (step)
                {
                    case 0: contact.Convert(By.Marketing); break;
                    case 1: contact.ApplyScore(score, By.System); break;
                    case 2: contact.AcceptBySales(By.Sales.Named("sam")); break;
                    case 3: contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales); break;
                    case 4: contact.RecordDealCreated(By.Sales, "D-1"); break;
                    case 5: contact.EnsureCanWinDeal(); contact.RecordDealWon(By.Sales, "D-1"); break;
                    case 6: contact.ReturnToMarketing("Not ready \"yet\"", By.Sales); break;
                    case 7: contact.Disqualify(DisqualificationReason.NoFit, By.Sales, "Too small"); break;
                    case 8: contact.Reopen("Grew", By.Marketing); break;
                    default: contact.Recycle("Churned", By.Sales); break;
                }
            }
            catch (LifecycleTransitionException)
            {
                // A refused verb changes nothing; the generator moves on.
            }
        }

        return contact.ToState();
    }

    public static readonly DateTimeOffset ScoringNow = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] ActivityTypes = ["EmailOpen", "EmailClick", "WebinarAttended", "PageView", "ContentDownload", "DemoRequest", "FormSubmission"];

    public static Gen<LeadActivity> Activities() =>
        from type in Gen.Frequency((4, Gen.Constant("EmailOpen")), (4, Gen.Constant("PageView")), (3, Gen.Elements(ActivityTypes)))
        from minutesAgo in Gen.Frequency((3, Gen.Choose(0, 600)), (3, Gen.Choose(0, 60 * 24 * 3)), (3, Gen.Choose(0, 60 * 24 * 120)), (1, Gen.Choose(-60 * 24, 0)))
        from url in Gen.Elements("/pricing", "/careers", "/blog/post", "/pricing/enterprise").OrNull()
        from stage in Gen.Elements("Awareness", "Consideration", "Decision").OrNull()
        select new LeadActivity { Type = type, OccurredAt = ScoringNow.AddMinutes(-minutesAgo), Url = url, JourneyStage = stage };

    public static Gen<LeadFacts> Leads() =>
        from id in Gen.Choose(1, 1_000_000)
        from email in Gen.Elements("mary@acme.de", "joe@gmail.com", "x@web.de", "ceo@globex.com").OrNull()
        from title in Gen.Elements("Director Marketing", "VP Sales", "Chief Revenue Officer", "Student", "Marketing Intern", "Head of Growth", "Engineer").OrNull()
        from department in Gen.Elements("Marketing", "Sales", "IT").OrNull()
        from industry in Gen.Elements("Software", "Manufacturing", "Marketing Software", "Retail").OrNull()
        from employees in OrNone(Gen.Choose(1, 5000))
        from revenue in OrNone(Gen.Choose(0, 10_000_000).Select(r => (decimal)r))
        from country in Gen.Elements("DE", "AT", "CH", "US", "FR").OrNull()
        from source in Gen.Elements("Webinar", "Paid search", "Referral").OrNull()
        from unsubscribed in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from bounced in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from count in Gen.Choose(0, 25)
        from activities in Gen.ArrayOf(Activities(), count)
        select new LeadFacts { Id = "L-" + id, Email = email, JobTitle = title, Department = department, Industry = industry, Employees = employees, AnnualRevenue = revenue, Country = country, LeadSource = source, Unsubscribed = unsubscribed, HardBounced = bounced, Activities = activities };

    public static Gen<ScoringLimits> Limits() =>
        from rules in Gen.Choose(1, 5000)
        from length in Gen.Choose(10, 20_000)
        from depth in Gen.Choose(1, 64)
        select new ScoringLimits { MaxRules = rules, MaxExpressionLength = length, MaxNestingDepth = depth };

    /// <summary>The events of one story of a contact and its deals: scored twice, handed over, breached, attempted, won, and a second deal lost.</summary>
    public static Gen<DomainEvent[]> StoryEvents() =>
        from fit in Gen.Choose(50, 90)
        from engagement in Gen.Choose(50, 90)
        from hours in Gen.Choose(5, 40)
        select Story(fit, engagement, hours);

    private static DomainEvent[] Story(int fit, int engagement, int hours)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Epoch);
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-" + fit, LifecycleStage.Lead, time, By.Integration.Named("Ünïcödé form"));
        ContactScore Score(decimal f, decimal e) => new()
        {
            Model = prospect.ScoringModel.Name,
            ModelVersion = prospect.ScoringModel.Version,
            AsOf = time.GetUtcNow(),
            Total = f + e,
            Groups = [new ScorePart("engagement", e), new ScorePart("fit", f)],
            Rules = [new ScorePart("Fit \"quoted\"", f), new ScorePart("Webinar", e)],
        };
        contact.ApplyScore(Score(fit / 2m, 0), By.System, null);
        time.Advance(TimeSpan.FromHours(1));
        contact.ApplyScore(Score(fit, engagement + 0.25m), By.System, null);
        time.Advance(TimeSpan.FromHours(hours));
        contact.FireSlaTimers();
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.Connected, "sam"), Actor.Sales);
        var won = prospect.OpenDeal("D-1", contact, fit * 100m, null, time, By.Sales);
        var lost = prospect.OpenDeal("D-2", contact, engagement, new DateOnly(2026, 6, 30), time, By.Sales);
        time.Advance(TimeSpan.FromDays(1));
        lost.UpdateForecast(engagement * 2m, null, By.Sales, "Bigger scope");
        lost.Lose("No budget", By.Sales);
        won.MoveTo("Create proposal", By.Sales);
        won.Win(By.Sales.Named("sam"));
        return [.. contact.TakeEvents(), .. won.TakeEvents(), .. lost.TakeEvents()];
    }
}
