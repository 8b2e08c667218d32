using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Scoring.Conformance;

/// <summary>
/// The library against plain RulesEngine 6.0.1 on generated models (nested And/AndAlso/Or/OrElse rules, null fields, every
/// rewritten method, decay, windows, daily maximums, caps): per rule, and per activity for activity rules, the same
/// matches and the same failures; and the same totals from both sinks of the walk.
/// </summary>
public class PlainRulesEngineDifferentialTests
{
    [Property(MaxTest = 150)]
    public Property Library_MatchesAndFailsExactlyWherePlainRulesEngineDoes() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var c = ConformanceCases.RandomCase(new Random(seed), "differential-" + seed);
            var expected = ReferenceScorer.Score(c.ModelJson, c.Lead, c.AsOf);
            var model = LeadScoringModel.Load(c.ModelJson);
            var score = model.Score(c.Lead, c.AsOf);

            // Per rule and activity: matched (a contribution, whatever its points) exactly where RulesEngine says IsSuccess.
            Assert.Equal(
                expected.Contributions.Select(x => (x.Rule, x.ActivityIndex)).Order(),
                score.Contributions.Select(x => (x.Rule, x.ActivityIndex)).Order());

            // Per rule (nested children by their own names) and activity: failed exactly where RulesEngine has an exception.
            Assert.Equal(expected.Errors, ReferenceScorer.Canonical(score.Errors.Select(e => new ExpectedError(e.Rule, e.ActivityIndex))));
            Assert.Equal(expected.Total, score.Total);
            Assert.Equal(expected.Contributions.Select(x => x.Points), score.Contributions.Select(x => x.Points));

            // The summing sink: the same total, the same matched rules, incomplete exactly when there are errors.
            var totals = new decimal[1];
            var matched = new ulong[model.MatchWordsPerLead];
            var summary = model.ScoreTotals([c.Lead], c.AsOf, totals, matched);
            Assert.Equal(score.Total, totals[0]);
            Assert.Equal(score.IsComplete ? 0 : 1, summary.Incomplete);
            for (var rule = 0; rule < model.Rules.Count; rule++)
            {
                Assert.Equal(score.Contributions.Any(x => x.Rule == model.Rules[rule].Name), model.RuleMatched(matched, 0, rule));
            }
        });
}
