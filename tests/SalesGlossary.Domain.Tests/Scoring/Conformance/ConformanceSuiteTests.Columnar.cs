using SalesGlossary.Domain.Arrow;

namespace SalesGlossary.Domain.Tests.Scoring.Conformance;

/// <content>The conformance cases through the columnar path: the same totals and completeness from Arrow columns.</content>
public partial class ConformanceSuiteTests
{
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case_ColumnarTotals_GiveTheExpectedTotalAndCompleteness(string name)
    {
        var (json, lead, asOf, expected) = Read(name);
        if (expected.TryGetProperty("rejectedAt", out _))
        {
            return;
        }

        var model = ColumnarScoringModel.Create(LeadScoringModel.Load(json));
        var batches = LeadRecordBatches.From([lead]);
        var totals = new decimal[1];
        var summary = model.ScoreTotals(ColumnarLeads.FromArrow(batches.Leads, batches.Activities), asOf, totals);

        Assert.Equal(expected.GetProperty("total").GetDecimal(), totals[0]);
        Assert.Equal(Errors(expected).Count == 0 ? 0 : 1, summary.Incomplete);
    }
}
