
namespace SalesGlossary.Domain.Tests;

public class GuardTests
{
    [Fact]
    public void NumberRange_MinimumAboveMaximum_SaysWhatToDo()
    {
        var error = Assert.Throws<ArgumentException>(() => new NumberRange(10, 5));
        Assert.Equal("The range minimum 10 is greater than its maximum 5; swap them or leave one open. (Parameter 'minimum')", error.Message);
    }

    [Fact]
    public void CompanyProfile_BlankName_NamesTheArgument()
    {
        var error = Assert.Throws<ArgumentException>(() => new CompanyProfile { Name = " " });
        Assert.Equal("The value of 'Name' must not be empty or white space. (Parameter 'Name')", error.Message);
    }

    [Fact]
    public void CompanyProfile_NegativeEmployees_GivesTheRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CompanyProfile { Name = "Acme", Employees = -1 });
        Assert.StartsWith("The value of 'Employees' must be between 0 and 2147483647; it was -1.", error.Message, StringComparison.Ordinal);
        Assert.Equal(-1, error.ActualValue);
    }

    [Fact]
    public void CompanyProfile_EmptyTechnology_NamesItsIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => new CompanyProfile { Name = "Acme", Technologies = ["SAP", ""] });
        Assert.Equal("The collection 'Technologies' must not contain empty text; the item at index 1 is empty. (Parameter 'Technologies')", error.Message);
    }

    [Fact]
    public void LeadType_NullReference_NamesTheArgument()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new LeadType { Key = "new-prospect", Name = "New prospect", Description = "First purchase", ScoringModel = null!, Pipeline = "default", ConnectPolicy = "default" });
        Assert.Equal("ScoringModel", error.ParamName);
    }

    [Fact]
    public void DefinitionValidationException_WithoutProblems_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new DefinitionValidationException("agreement", []));
        Assert.Equal("A validation exception needs at least one problem. (Parameter 'problems')", error.Message);
    }
}
