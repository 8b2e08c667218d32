using Microsoft.Extensions.Logging;

namespace SalesGlossary.Domain.Extensions;

/// <summary>The package's log messages, source-generated: one event id per message, stable across releases.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "AgreementPublished", Level = LogLevel.Information,
        Message = "Published agreement '{Agreement}' version {Version} as generation {Generation} from {Source}; scoring models: {Models}.")]
    public static partial void AgreementPublished(ILogger logger, string agreement, string version, long generation, string source, string models);

    [LoggerMessage(EventId = 2, EventName = "DocumentsRejected", Level = LogLevel.Error,
        Message = "The {Definition} from {Source} was rejected with {ProblemCount} problems; {Consequence}")]
    public static partial void DocumentsRejected(ILogger logger, string definition, string source, int problemCount, string consequence);

    [LoggerMessage(EventId = 3, EventName = "DocumentProblem", Level = LogLevel.Error,
        Message = "Problem in the {Definition} at {JsonPath}: {Problem}")]
    public static partial void DocumentProblem(ILogger logger, string definition, string jsonPath, string problem);

    [LoggerMessage(EventId = 4, EventName = "LeadRulesFailed", Level = LogLevel.Warning,
        Message = "Scoring lead '{LeadId}' with model '{Model}' version {ModelVersion}: {ErrorCount} rules failed, its total lacks their points; first: {FirstError}. {Suppressed} more leads with failed rules since the last entry.")]
    public static partial void LeadRulesFailed(ILogger logger, string leadId, string model, string modelVersion, int errorCount, string firstError, long suppressed);

    [LoggerMessage(EventId = 5, EventName = "BulkRunIncomplete", Level = LogLevel.Warning,
        Message = "Bulk scoring with model '{Model}' version {ModelVersion}: {Incomplete} of {Scored} leads had rules that failed; score them one by one to see the errors. {Suppressed} more leads with failed rules since the last entry.")]
    public static partial void BulkRunIncomplete(ILogger logger, string model, string modelVersion, long incomplete, long scored, long suppressed);

    [LoggerMessage(EventId = 6, EventName = "OptionsInvalid", Level = LogLevel.Critical,
        Message = "The SalesGlossary options are invalid: {Problem}")]
    public static partial void OptionsInvalid(ILogger logger, string problem);
}
