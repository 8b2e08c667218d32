using System.Diagnostics;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesGlossary.Domain.Serialization;
using Xunit.Abstractions;

namespace SalesGlossary.Domain.Tests.Reliability;

/// <summary>
/// Every document the library reads, valid and then mutated at random: each input must end in a valid result or a
/// documented exception with a message, never another exception type, a crash, or more than a bounded time.
/// </summary>
public class DocumentFuzzTests(ITestOutputHelper output)
{
    // A hang guard, not a speed check: generous enough for a loaded 2-core machine, far below a hang.
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> SampleModel = new() { ["sample-lead-scoring"] = LeadScoringModel.SampleJson };

    private Property Fuzz(string name, string valid, int inputs, Func<string, object?> read, params Type[] documented)
    {
        var tried = 0;
        var outcomes = new Dictionary<string, int>();
        return Prop.ForAll(JsonMutator.Mutations(valid).ToArbitrary(), input =>
        {
            tried++;
            var watch = Stopwatch.StartNew();
            string outcome;
            try
            {
                read(input.Json);
                outcome = "valid";
            }
            catch (Exception e) when (documented.Contains(e.GetType()))
            {
                outcome = e.GetType().Name;
                if (string.IsNullOrWhiteSpace(e.Message))
                {
                    return false.Label($"{input.Kind}: {e.GetType().Name} without a message");
                }
            }
            catch (Exception e)
            {
                return false.Label($"{input.Kind}: undocumented {e.GetType().Name}: {e.Message}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (tried == inputs)
            {
                output.WriteLine($"{name}: {tried} inputs fuzzed; outcomes: {string.Join(", ", outcomes.Select(o => o.Key + " " + o.Value))}");
            }

            return (watch.Elapsed < PerInput).Label($"{input.Kind}: took {watch.Elapsed}").Collect(name + ": " + outcome);
        });
    }

    [Property(MaxTest = 400)]
    public Property ScoringModels_EndInAModelOrAValidationError() =>
        Fuzz("scoring models", LeadScoringModel.SampleJson, 400, json => LeadScoringModel.Load(json), typeof(DefinitionValidationException));

    [Property(MaxTest = 150)]
    public Property Agreements_EndInAnAgreementOrAValidationError() =>
        Fuzz("agreements", ServiceLevelAgreement.DefaultJson, 150, json => ServiceLevelAgreement.Load(json), typeof(DefinitionValidationException));

    [Property(MaxTest = 400)]
    public Property StoredContactHistories_EndInAContactOrARejection() =>
        Fuzz(
            "stored contact histories",
            JsonSerializer.Serialize(Generators.ContactStates().Sample(1, 30).Single(), SalesGlossaryJson.Options),
            400,
            json => Generators.Rehydrate(SalesGlossaryJson.Read<ContactState>(json), TimeProvider.System),
            typeof(DefinitionValidationException));

    [Property(MaxTest = 300)]
    public Property StoredDealHistories_EndInADealOrARejection() =>
        Fuzz(
            "stored deal histories",
            JsonSerializer.Serialize(SampleDeal().History, SalesGlossaryJson.Options),
            300,
            json => Deal.Rehydrate("D-1", Pipeline.Default, SalesGlossaryJson.Read<DealTransition[]>(json), SampleDeal().Contacts, TimeProvider.System),
            typeof(DefinitionValidationException));

    private static Deal SampleDeal()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Generators.ScoringNow);
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        var deal = Deal.Open("D-1", Pipeline.Default, contact, 12_000m, new DateOnly(2026, 5, 1), time, By.Sales);
        time.Advance(TimeSpan.FromDays(2));
        deal.MoveTo("Create proposal", By.Sales);
        time.Advance(TimeSpan.FromDays(3));
        deal.PutOnHold(By.Sales, "Budget review");
        time.Advance(TimeSpan.FromDays(4));
        deal.Resume(By.Sales);
        deal.Lose("Competitor", By.Sales);
        return deal;
    }

    [Property(MaxTest = 400)]
    public Property StoredScoreLedgers_EndInAConsistentScoreOrARejection() =>
        Fuzz(
            "stored score ledger entries",
            JsonSerializer.Serialize(
                LeadScoringModel.LoadSample().Score(Generators.Leads().Sample(1, 30).Single(), Generators.ScoringNow),
                SalesGlossaryJson.Options),
            400,
            json => SalesGlossaryJson.Read<LeadScore>(json).EnsureConsistent(),
            typeof(DefinitionValidationException));
}
