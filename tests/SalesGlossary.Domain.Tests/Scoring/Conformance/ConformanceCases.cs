using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Scoring.Conformance;

/// <summary>One conformance case: a model, a lead, an instant, and what scoring must give (or where loading must fail).</summary>
internal sealed record ConformanceCase(
    string Name,
    string Description,
    IReadOnlyList<string> Covers,
    string ModelJson,
    LeadFacts Lead,
    DateTimeOffset AsOf,
    IReadOnlyList<string>? RejectedAt = null);

/// <summary>
/// Builds the conformance suite: hand-written cases for each rule of docs/scoring-semantics.md and for each class of
/// past defect, plus generated ones. Expected values come from <see cref="ReferenceScorer"/> (plain RulesEngine and
/// exact fractions), never from the library; load rejections are hand-written.
/// </summary>
internal static class ConformanceCases
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private const long TicksPerDay = TimeSpan.TicksPerDay;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<ConformanceCase> All() => [.. HandWritten(), .. Generated(140)];

    /// <summary>The case file's text: the case and the reference's expected outcome.</summary>
    public static string ToJson(ConformanceCase c)
    {
        var node = new JsonObject
        {
            ["name"] = c.Name,
            ["description"] = c.Description,
            ["covers"] = new JsonArray([.. c.Covers.Select(x => (JsonNode)JsonValue.Create(x)!)]),
            ["model"] = JsonNode.Parse(c.ModelJson),
            ["lead"] = JsonSerializer.SerializeToNode(c.Lead),
            ["asOf"] = c.AsOf.ToString("O", CultureInfo.InvariantCulture),
        };
        if (c.RejectedAt is { } paths)
        {
            node["expected"] = new JsonObject { ["rejectedAt"] = new JsonArray([.. paths.Select(p => (JsonNode)JsonValue.Create(p)!)]) };
        }
        else
        {
            node["expected"] = JsonSerializer.SerializeToNode(ReferenceScorer.Score(c.ModelJson, c.Lead, c.AsOf), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        }

        return node.ToJsonString(Indented) + "\n";
    }

    private static string Rule(string name, string expression, string properties) =>
        "{\"RuleName\":" + JsonSerializer.Serialize(name) + ",\"Expression\":" + JsonSerializer.Serialize(expression) + ",\"Properties\":" + properties + "}";

    private static string Nested(string name, string op, string properties, params (string Name, string Expression)[] children) =>
        "{\"RuleName\":" + JsonSerializer.Serialize(name) + ",\"Operator\":\"" + op + "\",\"Rules\":["
        + string.Join(",", children.Select(c => "{\"RuleName\":" + JsonSerializer.Serialize(c.Name) + ",\"Expression\":" + JsonSerializer.Serialize(c.Expression) + "}"))
        + "],\"Properties\":" + properties + "}";

    private static string Model(string settings, params string[] rules) =>
        "{\"WorkflowName\":\"conformance\",\"ScoringModel\":{\"Version\":\"1\"" + (settings.Length > 0 ? "," + settings : string.Empty) + "},\"Rules\":[" + string.Join(",", rules) + "]}";

    private static LeadFacts Lead(string? title = "VP Marketing", string? country = "DE", int? employees = 450, string? industry = "Software", string? email = "mary@acme.de", params LeadActivity[] activities) =>
        new LeadFacts { Id = "L-1", Email = email, JobTitle = title, Department = "Marketing", Industry = industry, Employees = employees, Country = country, LeadSource = "Webinar", Activities = activities };

    private static LeadActivity Act(string type, long ageTicks, string? url = null, string? stage = null) =>
        new() { Type = type, OccurredAt = new DateTimeOffset(AsOf.UtcTicks - ageTicks, TimeSpan.Zero), Url = url, JourneyStage = stage };

    private static LeadActivity ActDays(string type, double days, string? url = null) => Act(type, (long)(days * TicksPerDay), url);

    private static ConformanceCase Case(string name, string description, string[] covers, string model, LeadFacts lead, DateTimeOffset? asOf = null) =>
        new(name, description, covers, model, lead, asOf ?? AsOf);

    private static IEnumerable<ConformanceCase> HandWritten()
    {
        var fit = "{\"points\":10,\"group\":\"fit\"}";
        var eng = "{\"points\":5,\"group\":\"engagement\"}";

        // Matching
        yield return Case("match-lead-once", "A lead rule is evaluated once and adds its points.", ["match.lead", "input.model", "input.asof", "group.sum"],
            Model("", Rule("Software", "lead.Industry == \"Software\"", fit)), Lead());
        yield return Case("match-lead-false", "A lead rule whose expression is false adds nothing.", ["match.lead", "group.sum"],
            Model("", Rule("Retail", "lead.Industry == \"Retail\"", fit)), Lead());
        yield return Case("match-disabled-rule", "A disabled rule takes no part.", ["input.model"],
            Model("", Rule("On", "true", fit), "{\"RuleName\":\"Off\",\"Enabled\":false,\"Expression\":\"true\",\"Properties\":{\"points\":7}}"), Lead());
        yield return Case("match-activity-each", "An activity rule is evaluated once per scored activity.", ["match.activity", "time.order"],
            Model("", Rule("Open", "activity.Type == \"EmailOpen\"", eng)), Lead(activities: [ActDays("EmailOpen", 1), ActDays("EmailOpen", 2), ActDays("PageView", 3)]));
        yield return Case("match-activity-reads-lead", "An activity rule may read the lead too.", ["match.activity"],
            Model("", Rule("DachOpen", "activity.Type == \"EmailOpen\" && lead.Country == \"DE\"", eng)), Lead(activities: [ActDays("EmailOpen", 1)]));
        yield return Case("match-error-null-read", "A rule that reads a null fails, does not match, and is reported; the others still run.", ["match.error"],
            Model("", Rule("LongTitle", "lead.JobTitle.Length > 3", fit), Rule("Always", "true", "{\"points\":1}")), Lead(title: null));
        yield return Case("match-error-divide-by-zero", "A division by zero fails the rule.", ["match.error"],
            Model("", Rule("Ratio", "100 / lead.Employees.Value > 1", fit)), Lead(employees: 0));
        yield return Case("match-error-activity", "An activity rule that fails is reported with the activity's index.", ["match.error", "match.activity"],
            Model("", Rule("Pricing", "activity.Url.Contains(\"/pricing\")", eng)), Lead(activities: [ActDays("PageView", 1, "/pricing"), ActDays("PageView", 2)]));
        yield return Case("match-error-outside-window", "Outside its window a rule is not evaluated, so it cannot fail there.", ["match.error-window", "window.inclusive"],
            Model("", Rule("Pricing", "activity.Url.Contains(\"/pricing\")", "{\"points\":5,\"group\":\"engagement\",\"windowDays\":10}")), Lead(activities: [ActDays("PageView", 20), ActDays("PageView", 1, "/pricing")]));
        yield return Case("match-error-future", "An activity after asOf is not evaluated, so it cannot fail.", ["match.error-window", "time.future"],
            Model("", Rule("Pricing", "activity.Url.Contains(\"/pricing\")", eng)), Lead(activities: [ActDays("PageView", -1)]));

        // Nested rules (class 2)
        yield return Case("nested-or-failing-child-matches", "Or with a failing first child and a matching second child matches, and reports the child's failure.", ["match.nested", "match.nested-or", "rewrite.nested"],
            Model("", Nested("VpOrDe", "Or", fit, ("VpOrDe.Vp", "lead.JobTitle.Contains(\"VP\")"), ("VpOrDe.De", "lead.Country == \"DE\""))), Lead(title: null, country: "DE"));
        yield return Case("nested-orelse-failing-child-matches", "OrElse behaves as Or: every child runs.", ["match.nested", "match.nested-or", "rewrite.nested"],
            Model("", Nested("VpOrDe", "OrElse", fit, ("VpOrDe.Vp", "lead.JobTitle.Contains(\"VP\")"), ("VpOrDe.De", "lead.Country == \"DE\""))), Lead(title: null, country: "DE"));
        yield return Case("nested-or-failing-child-no-match", "Or with a failing child and no matching child does not match and reports the failure.", ["match.nested", "match.nested-or"],
            Model("", Nested("VpOrDe", "Or", fit, ("VpOrDe.Vp", "lead.JobTitle.Contains(\"VP\")"), ("VpOrDe.De", "lead.Country == \"DE\""))), Lead(title: null, country: "US"));
        yield return Case("nested-and-failing-child", "And with a false first child still evaluates (and reports) a failing second child.", ["match.nested", "match.nested-and", "rewrite.nested"],
            Model("", Nested("Vp", "And", fit, ("Vp.Has", "lead.JobTitle != null"), ("Vp.Words", "lead.JobTitle.Contains(\"VP\")"))), Lead(title: null));
        yield return Case("nested-andalso-failing-child", "AndAlso does not short-circuit across children either.", ["match.nested", "match.nested-and"],
            Model("", Nested("Vp", "AndAlso", fit, ("Vp.Has", "lead.JobTitle != null"), ("Vp.Words", "lead.JobTitle.Contains(\"VP\")"))), Lead(title: null));
        yield return Case("nested-and-guarded-child", "A child that guards itself does not fail.", ["match.nested-and"],
            Model("", Nested("Vp", "And", fit, ("Vp.Has", "lead.JobTitle != null"), ("Vp.Words", "lead.JobTitle != null && lead.JobTitle.Contains(\"VP\")"))), Lead(title: null));
        yield return Case("nested-and-all-match", "And matches when every child matches; points belong to the top-level rule.", ["match.nested", "match.points-top"],
            Model("", Nested("VpDe", "And", fit, ("VpDe.Vp", "lead.JobTitle.Contains(\"VP\")"), ("VpDe.De", "lead.Country == \"DE\""))), Lead());
        yield return Case("nested-activity-or", "Nested activity rule: a failing child per activity is reported per activity.", ["match.nested", "match.activity"],
            Model("", Nested("Engaged", "Or", eng, ("Engaged.Pricing", "activity.Url.Contains(\"/pricing\")"), ("Engaged.Open", "activity.Type == \"EmailOpen\""))),
            Lead(activities: [ActDays("EmailOpen", 1), ActDays("PageView", 2, "/pricing"), ActDays("PageView", 3, "/blog")]));
        yield return Case("nested-two-levels", "Nested rules nest: an Or inside an And.", ["match.nested"],
            "{\"WorkflowName\":\"conformance\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"Deep\",\"Operator\":\"And\",\"Properties\":{\"points\":3},\"Rules\":["
            + "{\"RuleName\":\"Deep.Region\",\"Operator\":\"Or\",\"Rules\":[{\"RuleName\":\"Deep.Region.De\",\"Expression\":\"lead.Country == \\\"DE\\\"\"},{\"RuleName\":\"Deep.Region.Fails\",\"Expression\":\"lead.Email.Length > 0\"}]},"
            + "{\"RuleName\":\"Deep.Size\",\"Expression\":\"lead.Employees > 100\"}]}]}",
            Lead(email: null));

        // Rewrites (class 1)
        yield return Case("compareto-null-fails", "CompareTo on a null text fails the rule, as in plain RulesEngine; it never scores.", ["rewrite.compareto", "match.error"],
            Model("", Rule("EarlyCountry", "lead.Country.CompareTo(\"M\") < 0", fit)), Lead(country: null));
        yield return Case("compareto-orders", "CompareTo compares; a null argument orders first.", ["rewrite.compareto"],
            Model("", Rule("EarlyCountry", "lead.Country.CompareTo(\"M\") < 0", fit), Rule("AboveNull", "lead.Country.CompareTo(lead.JobTitle) > 0", "{\"points\":1}")), Lead(country: "DE", title: null));
        yield return Case("compareto-equals-minus-one", "CompareTo gives -1, 0 or 1, so == -1 keeps its meaning.", ["rewrite.compareto"],
            Model("", Rule("MinusOne", "lead.Country.CompareTo(\"ZZ\") == -1", fit)), Lead(country: "AT"));
        yield return Case("compare-static-null", "string.Compare orders null first and does not fail.", ["rewrite.compare"],
            Model("", Rule("NullFirst", "string.Compare(lead.Country, \"A\") < 0", fit)), Lead(country: null));
        yield return Case("compare-static-sign", "string.Compare gives -1, 0 or 1.", ["rewrite.compare"],
            Model("", Rule("One", "string.Compare(\"ZZ\", lead.Country) == 1", fit)), Lead(country: "AT"));
        yield return Case("startswith-null-instance-fails", "StartsWith on a null text still fails.", ["rewrite.ordinal", "match.error"],
            Model("", Rule("Chief", "lead.JobTitle.StartsWith(\"Chief\")", fit)), Lead(title: null));
        yield return Case("startswith-matches", "StartsWith compares ordinally.", ["rewrite.ordinal"],
            Model("", Rule("Chief", "lead.JobTitle.StartsWith(\"CHIEF\")", fit), Rule("ChiefExact", "lead.JobTitle.StartsWith(\"Chief\")", "{\"points\":1}")), Lead(title: "Chief Revenue Officer"));
        yield return Case("endswith-null-argument-fails", "EndsWith with a null argument fails, as before the rewrite.", ["rewrite.ordinal", "match.error"],
            Model("", Rule("Mail", "lead.Email.EndsWith(lead.JobTitle)", fit)), Lead(title: null));
        yield return Case("indexof-found", "IndexOf is ordinal.", ["rewrite.ordinal"],
            Model("", Rule("At", "lead.Email.IndexOf(\"@ACME\") >= 0", fit), Rule("AtLower", "lead.Email.IndexOf(\"@acme\") == 4", "{\"points\":1}")), Lead());
        yield return Case("tolower-null-fails", "ToLower on a null text fails.", ["rewrite.case", "match.error"],
            Model("", Rule("Lower", "lead.Industry.ToLower() == \"software\"", fit)), Lead(industry: null));
        yield return Case("toupper-invariant", "ToUpper is invariant.", ["rewrite.case"],
            Model("", Rule("Upper", "lead.Industry.ToUpper() == \"SOFTWARE\"", fit)), Lead());
        yield return Case("contains-constant-list-null", "A constant list never contains a null.", ["rewrite.contains", "rewrite.array"],
            Model("", Rule("Dach", "new[] { \"DE\", \"AT\", \"CH\" }.Contains(lead.Country)", fit)), Lead(country: null));
        yield return Case("contains-constant-list-hit", "A constant list contains its members, compared ordinally.", ["rewrite.contains", "rewrite.array"],
            Model("", Rule("Dach", "new[] { \"DE\", \"AT\", \"CH\" }.Contains(lead.Country)", fit), Rule("LowerDach", "new[] { \"de\" }.Contains(lead.Country)", "{\"points\":1}")), Lead(country: "CH"));
        yield return Case("contains-int-list", "A constant list of numbers.", ["rewrite.contains"],
            Model("", Rule("Sizes", "new[] { 10, 450, 1000 }.Contains(lead.Employees.Value)", fit)), Lead(employees: 450));
        yield return Case("fused-one-fails-others-count", "One failing rule among many: the others match exactly as alone.", ["rewrite.fused", "match.error"],
            Model("", Rule("A", "lead.Employees > 100", fit), Rule("B", "lead.JobTitle.Length > 2", fit), Rule("C", "lead.Country == \"DE\"", fit)), Lead(title: null));
        yield return Case("hoisted-property-read-twice", "A property read by several rules gives the same answers.", ["rewrite.hoist"],
            Model("", Rule("A", "lead.Employees >= 200", fit), Rule("B", "lead.Employees <= 2000", fit), Rule("C", "lead.Employees > 5000", fit)), Lead(employees: 450));

        // Time
        yield return Case("future-activity-skipped", "An activity after asOf earns nothing.", ["time.future"],
            Model("", Rule("Open", "activity.Type == \"EmailOpen\"", eng)), Lead(activities: [Act("EmailOpen", -1), Act("EmailOpen", 0)]));
        yield return Case("future-activity-seen-by-lead-rule", "A lead rule sees the lead's activities after asOf.", ["time.future-lead"],
            Model("", Rule("Busy", "lead.Activities.Count() >= 2", fit)), Lead(activities: [ActDays("EmailOpen", -5), ActDays("EmailOpen", 1)]));
        yield return Case("age-zero-full-points", "An activity exactly at asOf has age 0 and full points.", ["time.age", "decay.formula"],
            Model("", Rule("Web", "activity.Type == \"Webinar\"", "{\"points\":15,\"group\":\"engagement\",\"decay\":{\"percent\":50,\"everyDays\":30}}")), Lead(activities: [Act("Webinar", 0)]));
        yield return Case("asof-other-offset", "asOf with an offset means the same instant.", ["time.age", "input.asof"],
            Model("", Rule("Web", "activity.Type == \"Webinar\"", "{\"points\":15,\"group\":\"engagement\",\"decay\":{\"percent\":50,\"everyDays\":30}}")), Lead(activities: [ActDays("Webinar", 12)]),
            AsOf.ToOffset(TimeSpan.FromHours(9)));
        yield return Case("order-same-instant-list-order", "Activities at the same instant go in list order.", ["time.order", "daily.max"],
            Model("", Rule("Open", "activity.Type == \"EmailOpen\"", "{\"points\":2,\"group\":\"engagement\",\"maxPerDay\":1}")), Lead(activities: [Act("EmailOpen", 100), Act("EmailOpen", 100)]));

        // Windows (class 5)
        foreach (var days in new[] { 1m, 30m, 90m, 1000m, 0.5m, 3650m })
        {
            var ticks = (long)(days * TicksPerDay);
            var props = "{\"points\":4,\"group\":\"engagement\",\"windowDays\":" + days.ToString(CultureInfo.InvariantCulture) + "}";
            yield return Case($"window-{days.ToString(CultureInfo.InvariantCulture).Replace('.', '_')}-days-boundary",
                $"Exactly {days} days old is inside the window; one tick older is not.", ["window.inclusive"],
                Model("", Rule("Demo", "activity.Type == \"Demo\"", props)), Lead(activities: [Act("Demo", ticks), Act("Demo", ticks + 1), Act("Demo", ticks - 1)]));
        }

        yield return Case("window-none", "Without windowDays an activity of any age counts.", ["window.none"],
            Model("", Rule("Demo", "activity.Type == \"Demo\"", eng)), Lead(activities: [ActDays("Demo", 5000)]));
        yield return Case("window-fraction", "A window of 0.1 days is exact in ticks.", ["window.inclusive"],
            Model("", Rule("Demo", "activity.Type == \"Demo\"", "{\"points\":4,\"group\":\"engagement\",\"windowDays\":0.1}")), Lead(activities: [Act("Demo", TicksPerDay / 10), Act("Demo", (TicksPerDay / 10) + 1)]));

        // Daily maximum
        yield return Case("daily-max-newest-count", "With maxPerDay 3 the three newest matches of the day earn; the fourth earns 0.", ["daily.max", "time.order"],
            Model("", Rule("Open", "activity.Type == \"EmailOpen\"", "{\"points\":2,\"group\":\"engagement\",\"maxPerDay\":3}")),
            Lead(activities: [.. Enumerable.Range(1, 4).Select(h => Act("EmailOpen", h * TimeSpan.TicksPerHour))]));
        yield return Case("daily-max-utc-day", "Days are UTC dates: 11:59 and 12:01 before noon asOf fall on the same or different days.", ["daily.max"],
            Model("", Rule("Open", "activity.Type == \"EmailOpen\"", "{\"points\":2,\"group\":\"engagement\",\"maxPerDay\":1}")),
            Lead(activities: [Act("EmailOpen", 11 * TimeSpan.TicksPerHour), Act("EmailOpen", (12 * TimeSpan.TicksPerHour) + 1), Act("EmailOpen", (12 * TimeSpan.TicksPerHour) - 1)]));
        yield return Case("daily-max-offset-activity", "An activity stamped with an offset counts on its UTC date.", ["daily.max", "time.age"],
            Model("", Rule("Open", "activity.Type == \"EmailOpen\"", "{\"points\":2,\"group\":\"engagement\",\"maxPerDay\":1}")),
            Lead(activities: [new LeadActivity { Type = "EmailOpen", OccurredAt = new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.FromHours(5)) }, new LeadActivity { Type = "EmailOpen", OccurredAt = new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero) }]));
        yield return Case("daily-max-per-rule", "Two rules count their daily maximums separately.", ["daily.separate", "daily.max"],
            Model("", Rule("Open", "activity.Type == \"EmailOpen\"", "{\"points\":2,\"group\":\"engagement\",\"maxPerDay\":1}"), Rule("AnyTouch", "true", "{\"points\":1,\"group\":\"engagement\",\"maxPerDay\":1}")),
            Lead(activities: [Act("EmailOpen", 10), Act("EmailOpen", 20)]));
        yield return Case("daily-max-only-window-counts", "Only matches inside the window count towards the maximum.", ["daily.max", "window.inclusive"],
            Model("", Rule("Open", "activity.Type == \"EmailOpen\"", "{\"points\":2,\"group\":\"engagement\",\"maxPerDay\":1,\"windowDays\":0.25}")),
            Lead(activities: [Act("EmailOpen", 7 * TimeSpan.TicksPerHour), Act("EmailOpen", 5 * TimeSpan.TicksPerHour)]));
        yield return Case("daily-max-before-decay", "Over the maximum an activity earns 0 whatever its decay.", ["daily.before-decay", "daily.max", "decay.formula"],
            Model("", Rule("Open", "activity.Type == \"EmailOpen\"", "{\"points\":2,\"group\":\"engagement\",\"maxPerDay\":1,\"decay\":{\"percent\":50,\"everyDays\":30}}")),
            Lead(activities: [ActDays("EmailOpen", 10.1), ActDays("EmailOpen", 10.2)]));

        // Decay (class 3)
        yield return Case("decay-midpoint-2_755", "3 points, 0.5 % every 3 days, 49 days: exactly 2.755, rounded half away from zero to 2.76.", ["decay.rounding", "decay.formula"],
            Model("", Rule("Touch", "true", "{\"points\":3,\"group\":\"engagement\",\"decay\":{\"percent\":0.5,\"everyDays\":3}}")), Lead(activities: [ActDays("Any", 49)]));
        yield return Case("decay-midpoint-negative", "-3 points decay to exactly -2.755, rounded away from zero to -2.76.", ["decay.rounding", "decay.negative"],
            Model("", Rule("Touch", "true", "{\"points\":-3,\"group\":\"engagement\",\"decay\":{\"percent\":0.5,\"everyDays\":3}}")), Lead(activities: [ActDays("Any", 49)]));
        foreach (var (points, percent, every, days) in new[] { (1m, 50m, 30m, 1m), (5m, 25m, 30m, 3m), (15m, 50m, 30m, 12m), (7m, 10m, 7m, 5m), (2m, 50m, 30m, 0.3m), (9m, 33m, 10m, 15m), (1m, 1m, 1m, 25m), (0.05m, 10m, 1m, 1m), (0.15m, 50m, 1m, 1m) })
        {
            var name = FormattableString.Invariant($"decay-{points}-points-{percent}pct-every-{every}-at-{days}-days").Replace('.', '_');
            yield return Case(name, "Decay on an exact age, rounded once.", ["decay.formula", "decay.rounding"],
                Model("", Rule("Touch", "true", FormattableString.Invariant($"{{\"points\":{points},\"group\":\"engagement\",\"decay\":{{\"percent\":{percent},\"everyDays\":{every}}}}}"))),
                Lead(activities: [Act("Any", (long)(days * TicksPerDay)), Act("Any", (long)(days * TicksPerDay) + 1), Act("Any", (long)(days * TicksPerDay) - 1)]));
        }

        yield return Case("decay-to-zero", "From everyDays × 100/percent days on, decay gives 0.", ["decay.formula"],
            Model("", Rule("Touch", "true", "{\"points\":8,\"group\":\"engagement\",\"decay\":{\"percent\":50,\"everyDays\":30}}")), Lead(activities: [ActDays("Any", 60), Act("Any", (60 * TicksPerDay) - 1), ActDays("Any", 400)]));
        yield return Case("decay-negative-points", "Negative points decay towards 0.", ["decay.negative", "decay.formula"],
            Model("", Rule("Careers", "activity.Type == \"Careers\"", "{\"points\":-10,\"group\":\"engagement\",\"decay\":{\"percent\":50,\"everyDays\":30}}")), Lead(activities: [ActDays("Careers", 3), ActDays("Careers", 45)]));

        // Caps (class 4)
        var capRules = new[]
        {
            Rule("Size", "lead.Employees > 100", "{\"points\":30,\"group\":\"fit\"}"),
            Rule("Region", "lead.Country == \"DE\"", "{\"points\":30,\"group\":\"fit\"}"),
            Rule("Opens", "activity.Type == \"EmailOpen\"", "{\"points\":20,\"group\":\"engagement\"}"),
            Rule("Title", "lead.JobTitle != null", "{\"points\":30,\"group\":\"fit\"}"),
        };
        yield return Case("cap-group", "A group above its cap is cut to the cap, trimming later rules first.", ["cap.group", "cap.trim-order", "cap.notes", "group.sum"],
            Model("\"GroupCaps\":{\"fit\":50}", capRules), Lead());
        yield return Case("cap-group-not-reached", "A group at or below its cap is unchanged.", ["cap.group"],
            Model("\"GroupCaps\":{\"fit\":90}", capRules), Lead());
        yield return Case("cap-total-later-rules-first", "The total cap trims the latest rule of the document first, whatever its group.", ["cap.total", "cap.trim-order", "cap.group-scores", "cap.notes"],
            Model("\"TotalCap\":70", capRules), Lead(activities: [ActDays("EmailOpen", 1)]));
        yield return Case("cap-total-oldest-activity-first", "Within a rule, the total cap trims the oldest activities first.", ["cap.total", "cap.trim-order"],
            Model("\"TotalCap\":50", Rule("Opens", "activity.Type == \"EmailOpen\"", "{\"points\":20,\"group\":\"engagement\"}")), Lead(activities: [ActDays("EmailOpen", 3), ActDays("EmailOpen", 1), ActDays("EmailOpen", 2)]));
        yield return Case("cap-group-and-total", "Group caps first, then the total cap; group scores reflect both.", ["cap.group", "cap.total", "cap.group-scores"],
            Model("\"GroupCaps\":{\"fit\":60,\"engagement\":30},\"TotalCap\":75", capRules), Lead(activities: [ActDays("EmailOpen", 1), ActDays("EmailOpen", 2)]));
        yield return Case("cap-negatives-kept", "Negative contributions are never trimmed.", ["cap.group", "cap.trim-order"],
            Model("\"GroupCaps\":{\"fit\":20}", Rule("Size", "lead.Employees > 100", "{\"points\":30}"), Rule("Free", "lead.Email.EndsWith(\"@acme.de\")", "{\"points\":-5}"), Rule("Region", "lead.Country == \"DE\"", "{\"points\":10}")), Lead());
        yield return Case("cap-negative-raw-unchanged", "A negative raw score is below any cap and unchanged.", ["cap.group"],
            Model("\"GroupCaps\":{\"fit\":20}", Rule("Free", "lead.Email.EndsWith(\"@acme.de\")", "{\"points\":-5}")), Lead());
        yield return Case("cap-hundredths", "Caps with two decimals trim exactly.", ["cap.group", "input.hundredths"],
            Model("\"GroupCaps\":{\"engagement\":10.05}", Rule("Touch", "true", "{\"points\":3.35,\"group\":\"engagement\",\"decay\":{\"percent\":1,\"everyDays\":7}}")), Lead(activities: [ActDays("Any", 1), ActDays("Any", 2), ActDays("Any", 3), ActDays("Any", 4)]));
        yield return Case("group-order-first-rule", "Groups are listed in the order of their first rule, even without matches.", ["group.sum"],
            Model("", Rule("E", "lead.Unsubscribed", "{\"points\":-50,\"group\":\"engagement\",\"scope\":\"lead\"}"), Rule("F", "true", "{\"points\":1,\"group\":\"fit\"}"), Rule("X", "false", "{\"points\":1,\"group\":\"extra\"}")), Lead());

        // Grades and hand-raises
        var grades = "\"Grades\":{\"Fit\":{\"A\":50,\"B\":25},\"Engagement\":{\"1\":40,\"2\":15}}";
        foreach (var (size, opens) in new[] { (0, 0), (25, 15), (50, 40), (49.99m, 39.99m), (100, 100) })
        {
            yield return Case(FormattableString.Invariant($"grade-fit-{size}-engagement-{opens}").Replace('.', '_'), "Grade thresholds are inclusive.", ["grade.letter"],
                Model(grades, Rule("Size", "true", FormattableString.Invariant($"{{\"points\":{size},\"group\":\"fit\"}}")), Rule("Opens", "true", FormattableString.Invariant($"{{\"points\":{opens},\"group\":\"engagement\",\"scope\":\"lead\"}}"))), Lead());
        }

        yield return Case("grade-after-total-cap", "The grade reads group scores after the total cap.", ["grade.letter", "cap.group-scores"],
            Model(grades + ",\"TotalCap\":60", Rule("Size", "true", "{\"points\":50,\"group\":\"fit\"}"), Rule("Opens", "true", "{\"points\":40,\"group\":\"engagement\",\"scope\":\"lead\"}")), Lead());
        yield return Case("grade-missing-group", "A missing group scores 0 for the grade.", ["grade.letter"],
            Model(grades, Rule("Size", "true", "{\"points\":50,\"group\":\"fit\"}")), Lead());
        yield return Case("handraise-once", "A hand-raise is listed once, even when matched by several activities.", ["handraise"],
            Model("", Rule("Demo", "activity.Type == \"Demo\"", "{\"points\":40,\"group\":\"engagement\",\"handRaise\":true,\"windowDays\":90}")), Lead(activities: [ActDays("Demo", 1), ActDays("Demo", 2), ActDays("Demo", 100)]));
        yield return Case("handraise-over-daily-max", "A hand-raise over its daily maximum still raises the hand.", ["handraise", "daily.max"],
            Model("", Rule("Demo", "activity.Type == \"Demo\"", "{\"points\":40,\"group\":\"engagement\",\"handRaise\":true,\"maxPerDay\":1}"), Rule("Any", "true", "{\"points\":1,\"group\":\"engagement\",\"handRaise\":true}")), Lead(activities: [Act("Demo", 5)]));
        yield return Case("handraise-outside-window", "Outside its window a hand-raise rule raises nothing.", ["handraise", "window.inclusive"],
            Model("", Rule("Demo", "activity.Type == \"Demo\"", "{\"points\":40,\"group\":\"engagement\",\"handRaise\":true,\"windowDays\":90}")), Lead(activities: [ActDays("Demo", 91)]));
        yield return Case("handraise-lead-rule", "A lead rule can be a hand-raise.", ["handraise", "match.lead"],
            Model("", Rule("Vip", "lead.JobTitle == \"CEO\"", "{\"points\":1,\"handRaise\":true}")), Lead(title: "CEO"));

        // Load rejections (hand-written expectations)
        yield return new ConformanceCase("reject-points-three-decimals", "Points with more than two decimals are rejected at load.", ["input.hundredths"],
            Model("", Rule("Fine", "true", "{\"points\":2.555}")), Lead(), AsOf, ["$.Rules[0].Properties.points"]);
        yield return new ConformanceCase("reject-cap-three-decimals", "A cap with more than two decimals is rejected at load.", ["input.hundredths"],
            Model("\"GroupCaps\":{\"fit\":10.001}", Rule("Fine", "true", "{\"points\":2}")), Lead(), AsOf, ["$.ScoringModel.GroupCaps.fit"]);
        yield return new ConformanceCase("reject-grades-not-decreasing", "Grade thresholds must strictly decrease.", ["grade.thresholds"],
            Model("\"Grades\":{\"Fit\":{\"A\":25,\"B\":25},\"Engagement\":{\"1\":10,\"2\":20}}", Rule("Fine", "true", "{\"points\":2}")), Lead(), AsOf, ["$.ScoringModel.Grades.Fit", "$.ScoringModel.Grades.Engagement"]);
    }

    private static readonly string[] LeadExpressions =
    [
        "lead.Employees >= 200",
        "lead.Employees < 50",
        "lead.Country == \"DE\"",
        "new[] { \"DE\", \"AT\", \"CH\" }.Contains(lead.Country)",
        "lead.JobTitle.Contains(\"VP\")",
        "lead.JobTitle.StartsWith(\"CHIEF\")",
        "lead.Email.EndsWith(\"@gmail.com\")",
        "lead.Country.CompareTo(\"M\") < 0",
        "string.Compare(lead.Industry, \"N\") > 0",
        "lead.Industry.ToLower() == \"software\"",
        "lead.Industry.ToUpper().IndexOf(\"WARE\") >= 0",
        "lead.JobTitle != null && lead.JobTitle.Length > 8",
        "100 / lead.Employees.Value > 0",
        "lead.Unsubscribed",
        "lead.Activities.Count() > 2",
        "lead.Email.EndsWith(\"@gmail.com\") || lead.Email.IndexOf(\"@\") < 0",
        "new[] { 0, 450, 1000 }.Contains(lead.Employees.Value)",
        "lead.JobTitle.ToLower().StartsWith(\"vp\")",
        "lead.Activities.Any(a => a.Url.Contains(\"/PRICING\"))",
    ];

    private static readonly string[] ActivityExpressions =
    [
        "activity.Type == \"EMAILOPEN\"",
        "activity.Type == \"PAGEVIEW\" && activity.Url.Contains(\"/PRICING\")",
        "activity.Url.StartsWith(\"/P\")",
        "activity.JourneyStage.CompareTo(\"D\") >= 0",
        "activity.Type == \"DEMO\"",
        "new[] { \"WEBINAR\", \"DEMO\" }.Contains(activity.Type)",
        "activity.Type != \"EMAILOPEN\" && lead.Country == \"DE\"",
        "true",
        "activity.Url.ToLower().EndsWith(\"/pricing\")",
        "string.Compare(activity.Url, \"/C\") < 0",
    ];

    private static readonly string?[] Countries = ["DE", "AT", "US", "FR", "CH", null];
    private static readonly string?[] Titles = ["VP SALES", "CHIEF REVENUE OFFICER", "ENGINEER", "HEAD OF GROWTH", null];
    private static readonly string?[] Industries = ["Software", "SOFTWARE", "RETAIL", "HEALTH", null];
    private static readonly string?[] Emails = ["MARY@ACME.DE", "JOE@gmail.com", null];
    private static readonly string[] Types = ["EMAILOPEN", "PAGEVIEW", "DEMO", "WEBINAR", "DOWNLOAD"];
    private static readonly string?[] Urls = ["/PRICING", "/BLOG", "/PRODUCT", null];
    private static readonly string?[] Stages = ["AWARENESS", "CONSIDERATION", "DECISION", null];

    /// <summary>Generated cases: random models (nested rules, nulls, every rewritten method, decay, windows, caps) and leads with ages on and around boundaries.</summary>
    private static IEnumerable<ConformanceCase> Generated(int count)
    {
        var random = new Random(20260301);
        for (var n = 0; n < count; n++)
        {
            yield return RandomCase(random, "generated-" + n.ToString("000", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>One random case: rules (nested, nulls, every rewritten method), decay, windows, caps; ages on and around boundaries.</summary>
    public static ConformanceCase RandomCase(Random random, string name)
    {
        var covers = new SortedSet<string>(StringComparer.Ordinal) { "input.model", "match.lead", "group.sum" };
        var rules = new List<string>();
        var ruleCount = random.Next(2, 7);
        for (var r = 0; r < ruleCount; r++)
        {
            var activityRule = random.Next(2) == 0;
            var points = Math.Round((decimal)random.Next(-2000, 5000) / 100m, random.Next(3));
            var pool = activityRule ? ActivityExpressions : LeadExpressions;
            var props = new List<string> { FormattableString.Invariant($"\"points\":{points}"), activityRule ? "\"group\":\"engagement\"" : random.Next(3) == 0 ? "\"group\":\"extra\"" : "\"group\":\"fit\"" };
            if (activityRule)
            {
                covers.Add("match.activity");
                if (random.Next(2) == 0)
                {
                    var percent = new[] { 50m, 25m, 0.5m, 10m, 33.3m, 100m }[random.Next(6)];
                    var every = new[] { 30m, 3m, 7m, 1m, 0.5m }[random.Next(5)];
                    props.Add(FormattableString.Invariant($"\"decay\":{{\"percent\":{percent},\"everyDays\":{every}}}"));
                    covers.Add("decay.formula");
                    covers.Add("decay.rounding");
                }

                if (random.Next(2) == 0)
                {
                    props.Add(FormattableString.Invariant($"\"windowDays\":{new[] { 1m, 7m, 30m, 0.25m, 1000m }[random.Next(5)]}"));
                    covers.Add("window.inclusive");
                }

                if (random.Next(3) == 0)
                {
                    props.Add(FormattableString.Invariant($"\"maxPerDay\":{random.Next(1, 3)}"));
                    covers.Add("daily.max");
                }
            }

            if (random.Next(6) == 0)
            {
                props.Add("\"handRaise\":true");
                covers.Add("handraise");
            }

            var json = "{" + string.Join(",", props) + "}";
            if (random.Next(4) == 0)
            {
                var op = new[] { "And", "AndAlso", "Or", "OrElse" }[random.Next(4)];
                rules.Add(Nested("R" + r, op, json, ("R" + r + ".a", pool[random.Next(pool.Length)]), ("R" + r + ".b", pool[random.Next(pool.Length)])));
                covers.Add("match.nested");
            }
            else
            {
                rules.Add(Rule("R" + r, pool[random.Next(pool.Length)], json));
            }
        }

        var settings = new List<string>();
        if (random.Next(3) == 0 && rules.Any(r => r.Contains("\"group\":\"fit\"", StringComparison.Ordinal)))
        {
            settings.Add("\"GroupCaps\":{\"fit\":" + random.Next(5, 60) + "}");
            covers.Add("cap.group");
        }

        if (random.Next(3) == 0)
        {
            settings.Add("\"TotalCap\":" + random.Next(5, 80));
            covers.Add("cap.total");
            covers.Add("cap.trim-order");
        }

        if (random.Next(3) == 0)
        {
            settings.Add("\"Grades\":{\"Fit\":{\"A\":40,\"B\":20},\"Engagement\":{\"1\":30,\"2\":10}}");
            covers.Add("grade.letter");
        }

        var activities = new LeadActivity[random.Next(0, 7)];
        var sameInstant = random.Next(4) == 0 ? (long?)random.Next(1, 1000) * TimeSpan.TicksPerMinute : null;
        for (var a = 0; a < activities.Length; a++)
        {
            long age = random.Next(8) switch
            {
                0 => -random.Next(1, 100) * TimeSpan.TicksPerMinute,
                1 => (new[] { 1L, 7, 30, 1000 }[random.Next(4)] * TicksPerDay) + random.Next(-1, 2),
                2 => sameInstant ?? 0,
                3 => random.Next(0, 24) * TimeSpan.TicksPerHour,
                _ => (long)(random.NextDouble() * 120 * TicksPerDay),
            };
            activities[a] = Act(Types[random.Next(Types.Length)], age, Urls[random.Next(Urls.Length)], Stages[random.Next(Stages.Length)]);
        }

        if (activities.Any(a => a.OccurredAt > AsOf))
        {
            covers.Add("time.future");
        }

        var lead = new LeadFacts
        {
            Id = name,
            Email = Emails[random.Next(Emails.Length)],
            JobTitle = Titles[random.Next(Titles.Length)],
            Department = "Marketing",
            Industry = Industries[random.Next(Industries.Length)],
            Employees = random.Next(6) == 0 ? null : random.Next(6) == 0 ? 0 : random.Next(1, 3000),
            Country = Countries[random.Next(Countries.Length)],
            LeadSource = "Webinar",
            Unsubscribed = random.Next(5) == 0,
            Activities = activities,
        };
        return new ConformanceCase(
            name,
            "Generated: random rules (nested, nulls, rewritten methods), decay, windows, caps; ages on and around boundaries.",
            [.. covers],
            Model(string.Join(",", settings), [.. rules]),
            lead,
            AsOf);
    }
}
