using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>Twenty lead-only rules of the common shapes (text equality, Contains/StartsWith/EndsWith, numeric ranges, booleans, And/Or), as a model and by hand.</summary>
internal static class LeadOnlyModel
{
    public const string Json = """
    {
      "WorkflowName": "lead-only-20",
      "ScoringModel": { "Version": "1", "TotalCap": 150, "GroupCaps": { "fit": 100 } },
      "Rules": [
        { "RuleName": "Software", "Expression": "lead.Industry == \"Software\"", "Properties": { "points": 20, "group": "fit" } },
        { "RuleName": "Competitor", "Expression": "lead.Industry == \"Marketing Software\"", "Properties": { "points": -50, "group": "fit" } },
        { "RuleName": "MidMarket", "Expression": "lead.Employees >= 200 && lead.Employees <= 2000", "Properties": { "points": 20, "group": "fit" } },
        { "RuleName": "Enterprise", "Expression": "lead.Employees > 2000", "Properties": { "points": 10, "group": "fit" } },
        { "RuleName": "TooSmall", "Expression": "lead.Employees < 20", "Properties": { "points": -15, "group": "fit" } },
        { "RuleName": "Dach", "Expression": "new[] { \"DE\", \"AT\", \"CH\" }.Contains(lead.Country)", "Properties": { "points": 10, "group": "fit" } },
        { "RuleName": "Us", "Expression": "lead.Country == \"US\"", "Properties": { "points": 5, "group": "fit" } },
        { "RuleName": "Senior", "Expression": "lead.JobTitle != null && (lead.JobTitle.Contains(\"Director\") || lead.JobTitle.Contains(\"VP\") || lead.JobTitle.Contains(\"Head\"))", "Properties": { "points": 15, "group": "fit" } },
        { "RuleName": "Executive", "Expression": "lead.JobTitle != null && (lead.JobTitle.StartsWith(\"Chief\") || lead.JobTitle.StartsWith(\"CMO\") || lead.JobTitle.StartsWith(\"CEO\"))", "Properties": { "points": 20, "group": "fit" } },
        { "RuleName": "Student", "Expression": "lead.JobTitle != null && (lead.JobTitle.Contains(\"Student\") || lead.JobTitle.Contains(\"Intern\"))", "Properties": { "points": -30, "group": "fit" } },
        { "RuleName": "FreeMail", "Expression": "lead.Email != null && (lead.Email.EndsWith(\"@gmail.com\") || lead.Email.EndsWith(\"@yahoo.com\") || lead.Email.EndsWith(\"@web.de\"))", "Properties": { "points": -10, "group": "fit" } },
        { "RuleName": "Unsubscribed", "Expression": "lead.Unsubscribed", "Properties": { "points": -50, "group": "engagement", "scope": "lead" } },
        { "RuleName": "HardBounced", "Expression": "lead.HardBounced", "Properties": { "points": -75, "group": "engagement", "scope": "lead" } },
        { "RuleName": "Marketing", "Expression": "lead.Department == \"Marketing\"", "Properties": { "points": 5, "group": "fit" } },
        { "RuleName": "Webinar", "Expression": "lead.LeadSource == \"Webinar\"", "Properties": { "points": 5, "group": "engagement", "scope": "lead" } },
        { "RuleName": "PaidSearch", "Expression": "lead.LeadSource == \"Paid search\"", "Properties": { "points": 3, "group": "engagement", "scope": "lead" } },
        { "RuleName": "CareOrRetail", "Expression": "lead.Industry == \"Healthcare\" || lead.Industry == \"Retail\"", "Properties": { "points": 5, "group": "fit" } },
        { "RuleName": "Small", "Expression": "lead.Employees >= 50 && lead.Employees < 200", "Properties": { "points": 8, "group": "fit" } },
        { "RuleName": "FranceOrBritain", "Expression": "lead.Country == \"FR\" || lead.Country == \"GB\"", "Properties": { "points": 4, "group": "fit" } },
        { "RuleName": "Engineer", "Expression": "lead.JobTitle == \"Engineer\"", "Properties": { "points": -5, "group": "fit" } }
      ]
    }
    """;

    /// <summary>The same twenty rules as a careful C# developer writes them: ordinal text, integer hundredths, no LINQ, no decimal.</summary>
    public static long Score(LeadFacts lead)
    {
        long fit = 0;
        long engagement = 0;
        var industry = lead.Industry;
        var title = lead.JobTitle;
        var email = lead.Email;
        var country = lead.Country;
        var employees = lead.Employees;
        if (industry == "Software")
        {
            fit += 2000;
        }

        if (industry == "Marketing Software")
        {
            fit -= 5000;
        }

        if (industry is "Healthcare" or "Retail")
        {
            fit += 500;
        }

        if (employees is { } e)
        {
            if (e >= 200 && e <= 2000)
            {
                fit += 2000;
            }

            if (e > 2000)
            {
                fit += 1000;
            }

            if (e < 20)
            {
                fit -= 1500;
            }

            if (e >= 50 && e < 200)
            {
                fit += 800;
            }
        }

        if (country is "DE" or "AT" or "CH")
        {
            fit += 1000;
        }

        if (country == "US")
        {
            fit += 500;
        }

        if (country is "FR" or "GB")
        {
            fit += 400;
        }

        if (title is not null)
        {
            if (title.Contains("Director", StringComparison.Ordinal) || title.Contains("VP", StringComparison.Ordinal) || title.Contains("Head", StringComparison.Ordinal))
            {
                fit += 1500;
            }

            if (title.StartsWith("Chief", StringComparison.Ordinal) || title.StartsWith("CMO", StringComparison.Ordinal) || title.StartsWith("CEO", StringComparison.Ordinal))
            {
                fit += 2000;
            }

            if (title.Contains("Student", StringComparison.Ordinal) || title.Contains("Intern", StringComparison.Ordinal))
            {
                fit -= 3000;
            }

            if (title == "Engineer")
            {
                fit -= 500;
            }
        }

        if (email is not null && (email.EndsWith("@gmail.com", StringComparison.Ordinal) || email.EndsWith("@yahoo.com", StringComparison.Ordinal) || email.EndsWith("@web.de", StringComparison.Ordinal)))
        {
            fit -= 1000;
        }

        if (lead.Department == "Marketing")
        {
            fit += 500;
        }

        if (lead.Unsubscribed)
        {
            engagement -= 5000;
        }

        if (lead.HardBounced)
        {
            engagement -= 7500;
        }

        if (lead.LeadSource == "Webinar")
        {
            engagement += 500;
        }
        else if (lead.LeadSource == "Paid search")
        {
            engagement += 300;
        }

        var total = (fit > 10000 ? 10000 : fit) + engagement;
        return total > 15000 ? 15000 : total;
    }
}
