using Apache.Arrow;
using Apache.Arrow.Types;

namespace SalesGlossary.Domain.Arrow;

/// <summary>Leads as the two Arrow record batches <see cref="ColumnarLeads.FromArrow"/> reads: one of lead columns, one of activity columns.</summary>
/// <remarks>
/// Built with named members from batches read elsewhere (<c>new LeadRecordBatches { Leads = leads, Activities = activities }</c>),
/// or from leads held as objects with <see cref="From"/>. The schemas are checked where the batches are read.
/// </remarks>
public sealed record LeadRecordBatches
{
    /// <summary>Gets the lead batch: one row per lead, one column per <see cref="LeadFacts"/> property (see <see cref="LeadSchema"/>).</summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public required RecordBatch Leads { get; init => field = Guard.NotNull(value, nameof(Leads)); }

    /// <summary>Gets the activity batch: one row per activity, keyed by <c>LeadId</c>, each lead's activities in the order of its list (see <see cref="ActivitySchema"/>).</summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public required RecordBatch Activities { get; init => field = Guard.NotNull(value, nameof(Activities)); }

    /// <summary>Gets the schema of the lead batch: every column <see cref="ColumnarLeads"/> knows.</summary>
    public static Schema LeadSchema { get; } = new(
        [
            new Field("Id", StringType.Default, nullable: false),
            new Field("Email", StringType.Default, nullable: true),
            new Field("JobTitle", StringType.Default, nullable: true),
            new Field("Department", StringType.Default, nullable: true),
            new Field("Industry", StringType.Default, nullable: true),
            new Field("Employees", Int32Type.Default, nullable: true),
            new Field("AnnualRevenue", new Decimal128Type(38, 6), nullable: true),
            new Field("Country", StringType.Default, nullable: true),
            new Field("LeadSource", StringType.Default, nullable: true),
            new Field("Unsubscribed", BooleanType.Default, nullable: false),
            new Field("HardBounced", BooleanType.Default, nullable: false),
        ],
        null);

    /// <summary>Gets the schema of the activity batch.</summary>
    public static Schema ActivitySchema { get; } = new(
        [
            new Field("LeadId", StringType.Default, nullable: false),
            new Field("Type", StringType.Default, nullable: false),
            new Field("OccurredAt", new TimestampType(TimeUnit.Nanosecond, "UTC"), nullable: false),
            new Field("Url", StringType.Default, nullable: true),
            new Field("JourneyStage", StringType.Default, nullable: true),
        ],
        null);

    /// <summary>Turns leads held as objects into columns (the row-to-column cost a data team pays once).</summary>
    /// <param name="leads">The leads; ids must be unique when they have activities.</param>
    /// <returns>The two batches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> or one of them is <see langword="null"/>.</exception>
    public static LeadRecordBatches From(IReadOnlyList<LeadFacts> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var id = new StringArray.Builder();
        var email = new StringArray.Builder();
        var title = new StringArray.Builder();
        var department = new StringArray.Builder();
        var industry = new StringArray.Builder();
        var employees = new Int32Array.Builder();
        var revenue = new Decimal128Array.Builder(new Decimal128Type(38, 6));
        var country = new StringArray.Builder();
        var source = new StringArray.Builder();
        var unsubscribed = new BooleanArray.Builder();
        var bounced = new BooleanArray.Builder();
        var leadId = new StringArray.Builder();
        var type = new StringArray.Builder();
        var at = new TimestampArray.Builder(new TimestampType(TimeUnit.Nanosecond, "UTC"));
        var url = new StringArray.Builder();
        var stage = new StringArray.Builder();
        var activityCount = 0;
        foreach (var lead in leads)
        {
            ArgumentNullException.ThrowIfNull(lead, nameof(leads));
            id.Append(lead.Id);
            email.Append(lead.Email);
            title.Append(lead.JobTitle);
            department.Append(lead.Department);
            industry.Append(lead.Industry);
            employees.Append(lead.Employees);
            if (lead.AnnualRevenue is { } r)
            {
                revenue.Append(r);
            }
            else
            {
                revenue.AppendNull();
            }

            country.Append(lead.Country);
            source.Append(lead.LeadSource);
            unsubscribed.Append(lead.Unsubscribed);
            bounced.Append(lead.HardBounced);
            foreach (var activity in lead.Activities ?? [])
            {
                leadId.Append(lead.Id);
                type.Append(activity.Type);
                at.Append(activity.OccurredAt);
                url.Append(activity.Url);
                stage.Append(activity.JourneyStage);
                activityCount++;
            }
        }

        var leadBatch = new RecordBatch(
            LeadSchema,
            [id.Build(), email.Build(), title.Build(), department.Build(), industry.Build(), employees.Build(), revenue.Build(), country.Build(), source.Build(), unsubscribed.Build(), bounced.Build()],
            leads.Count);
        var activityBatch = new RecordBatch(ActivitySchema, [leadId.Build(), type.Build(), at.Build(), url.Build(), stage.Build()], activityCount);
        return new LeadRecordBatches { Leads = leadBatch, Activities = activityBatch };
    }
}
