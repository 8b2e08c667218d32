using System.Globalization;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>A value built in code is refused at construction when the library would later fail on it or misbehave with it.</summary>
public class NamedValueGuardTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("-50")]
    [InlineData("100.01")]
    [InlineData("79228162514264337593543950335")]
    public void ScoreDecay_PercentOutsideAbove0ToAtMost100_IsRefused_NamingMemberAndValue(string percent)
    {
        var value = decimal.Parse(percent, CultureInfo.InvariantCulture);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreDecay { Percent = value, EveryDays = 30 });

        Assert.Equal("Percent", error.ParamName);
        Assert.Equal(value, error.ActualValue);
        Assert.StartsWith("The value of 'Percent' must be above 0 and at most 100; it was " + percent + ".", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("1")]
    [InlineData("99.99")]
    [InlineData("100")]
    public void ScoreDecay_PercentAbove0ToAtMost100_IsKept(string percent)
    {
        var value = decimal.Parse(percent, CultureInfo.InvariantCulture);

        Assert.Equal(value, new ScoreDecay { Percent = value, EveryDays = 30 }.Percent);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.0001")]
    [InlineData("-30")]
    public void ScoreDecay_EveryDaysAtOrBelow0_IsRefused_BeforeItCanDivideByZero(string everyDays)
    {
        var value = decimal.Parse(everyDays, CultureInfo.InvariantCulture);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreDecay { Percent = 50, EveryDays = value });

        Assert.Equal("EveryDays", error.ParamName);
        Assert.StartsWith("The value of 'EveryDays' must be above 0; it was " + everyDays + ".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreDecay_JustAbove0Days_IsKept_AndDecaysToNothingAtOnce()
    {
        var decay = new ScoreDecay { Percent = 50, EveryDays = 0.0001m };

        Assert.Equal(1m, decay.FactorAt(0));
        Assert.Equal(0m, decay.FactorAt(1));
    }

    [Fact]
    public void ScoreDecay_With_IsCheckedToo()
    {
        var decay = new ScoreDecay { Percent = 50, EveryDays = 30 };

        Assert.Throws<ArgumentOutOfRangeException>(() => decay with { EveryDays = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => decay with { Percent = 101 });
    }

    [Fact]
    public void ScoreDecay_RefusalMessage_IsInvariantCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreDecay { Percent = 100.5m, EveryDays = 30 });
            Assert.StartsWith("The value of 'Percent' must be above 0 and at most 100; it was 100.5.", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("{\"percent\":0,\"everyDays\":30}", "Percent")]
    [InlineData("{\"percent\":50,\"everyDays\":0}", "EveryDays")]
    public void StoredScoreDecay_OutOfRange_FailsTheStrictRead_NamingTheMember(string json, string member)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => SalesGlossaryJson.Read<ScoreDecay>(json));

        Assert.Contains("'" + member + "'", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoringModelReader_StillRefusesADecayWithItsJsonPath()
    {
        var json = LeadScoringModel.SampleJson.Replace("\"everyDays\": 30", "\"everyDays\": 0", StringComparison.Ordinal);
        Assert.NotEqual(LeadScoringModel.SampleJson, json);

        var error = Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json));

        Assert.Contains(error.Problems, p => p.Path.EndsWith(".everyDays", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(50, 50)]
    [InlineData(50, 51)]
    public void GradeThresholds_FitAAtOrBelowFitB_IsRefused_WhicheverIsSetFirst(int a, int b)
    {
        var afterB = Assert.Throws<ArgumentOutOfRangeException>(() => new GradeThresholds { FitB = b, FitA = a, EngagementOne = 40, EngagementTwo = 15 });
        Assert.Equal("FitA", afterB.ParamName);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"The value of 'FitA' must be above 'FitB' ({b}); it was {a}."), afterB.Message, StringComparison.Ordinal);

        var afterA = Assert.Throws<ArgumentOutOfRangeException>(() => new GradeThresholds { FitA = a, FitB = b, EngagementOne = 40, EngagementTwo = 15 });
        Assert.Equal("FitB", afterA.ParamName);
    }

    [Theory]
    [InlineData(15, 15)]
    [InlineData(15, 16)]
    public void GradeThresholds_EngagementOneAtOrBelowTwo_IsRefused_WhicheverIsSetFirst(int one, int two)
    {
        Assert.Equal("EngagementOne", Assert.Throws<ArgumentOutOfRangeException>(() => new GradeThresholds { FitA = 50, FitB = 25, EngagementTwo = two, EngagementOne = one }).ParamName);
        Assert.Equal("EngagementTwo", Assert.Throws<ArgumentOutOfRangeException>(() => new GradeThresholds { FitA = 50, FitB = 25, EngagementOne = one, EngagementTwo = two }).ParamName);
    }

    [Fact]
    public void GradeThresholds_JustAbove_IsKept_AndWithIsChecked()
    {
        var grades = new GradeThresholds { FitA = 25.01m, FitB = 25, EngagementOne = -4.99m, EngagementTwo = -5 };

        Assert.Equal(25.01m, grades.FitA);
        Assert.Equal(-5m, grades.EngagementTwo);
        Assert.Equal(grades, grades with { });
        Assert.Throws<ArgumentOutOfRangeException>(() => grades with { FitB = 26 });
        Assert.Equal(30m, (grades with { FitA = 30 }).FitA);
    }

    [Fact]
    public void StoredGradeThresholds_OutOfOrder_FailsTheStrictRead()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => SalesGlossaryJson.Read<GradeThresholds>("{\"fitA\":25,\"fitB\":50,\"engagementOne\":40,\"engagementTwo\":15}"));

        Assert.Contains("'FitB'", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeadActivity_NullType_IsRefused()
    {
        Assert.Equal("Type", Assert.Throws<ArgumentNullException>(() => new LeadActivity { Type = null!, OccurredAt = DateTimeOffset.UnixEpoch }).ParamName);
        Assert.Equal(string.Empty, new LeadActivity { Type = string.Empty, OccurredAt = DateTimeOffset.UnixEpoch }.Type);
    }

    [Fact]
    public void LeadRecordBatches_WithoutABatch_IsRefused_NamingIt()
    {
        var batches = Arrow.LeadRecordBatches.From([new LeadFacts { Id = "L-1" }]);

        Assert.Equal("Leads", Assert.Throws<ArgumentNullException>(() => new Arrow.LeadRecordBatches { Leads = null!, Activities = batches.Activities }).ParamName);
        Assert.Equal("Activities", Assert.Throws<ArgumentNullException>(() => batches with { Activities = null! }).ParamName);
        Assert.Same(batches.Leads, (batches with { }).Leads);
    }

    [Theory]
    [InlineData(null, "m", "Path")]
    [InlineData("", "m", "Path")]
    [InlineData(" ", "m", "Path")]
    [InlineData("$", null, "Message")]
    [InlineData("$", "\t", "Message")]
    public void ValidationProblem_BlankPathOrMessage_IsRefused(string? path, string? message, string member)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new ValidationProblem { Path = path!, Message = message! });

        Assert.Equal(member, error.ParamName);
        Assert.Equal("$: m", new ValidationProblem { Path = "$", Message = "m" }.ToString());
    }
}
