using System.Globalization;
using System.Text;

namespace SalesGlossary.Domain.Extensions;

/// <summary>Loads agreements and scoring models from streams, reading asynchronously and compiling off the caller's thread.</summary>
/// <remarks>
/// A stream is read as UTF-8 and never past its limit, so a hostile or endless stream cannot exhaust memory: an
/// agreement may be <see cref="MaxAgreementLength"/> characters long, a scoring model
/// <see cref="ScoringLimits.MaxDocumentLength"/>. The streams are read to their end and not closed.
/// </remarks>
public static class SalesGlossaryDocuments
{
    /// <summary>The longest agreement document read, in characters.</summary>
    public const int MaxAgreementLength = 4_000_000;

    /// <summary>Loads an agreement and the scoring models kept in documents of their own.</summary>
    /// <param name="agreement">The agreement document.</param>
    /// <param name="scoringModels">The scoring model documents by the name the agreement gives them, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops reading and loading.</param>
    /// <returns>The agreement, with its scoring models compiled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agreement"/> or one of the model streams is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">A document is too long or invalid; every problem is listed with its JSON path.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ServiceLevelAgreement> LoadAgreementAsync(
        Stream agreement,
        IReadOnlyDictionary<string, Stream>? scoringModels = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var json = await ReadAsync(agreement, MaxAgreementLength, "service level agreement", cancellationToken).ConfigureAwait(false);
        var models = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, stream) in scoringModels ?? new Dictionary<string, Stream>())
        {
            ArgumentNullException.ThrowIfNull(stream, "scoringModels[" + name + "]");
            models[name] = await ReadAsync(stream, ScoringLimits.Default.MaxDocumentLength, "scoring model '" + name + "'", cancellationToken).ConfigureAwait(false);
        }

        return await Task.Run(() => ServiceLevelAgreement.Load(json, models), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads a scoring model for the library's own <see cref="LeadFacts"/>.</summary>
    /// <param name="model">The model document.</param>
    /// <param name="limits">The resource limits, or <see langword="null"/> for <see cref="ScoringLimits.Default"/>.</param>
    /// <param name="cancellationToken">Stops reading and loading.</param>
    /// <returns>The compiled model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The document is too long, invalid or unsafe; every problem is listed with its JSON path.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<LeadScoringModel<LeadFacts, LeadActivity>> LoadScoringModelAsync(
        Stream model,
        ScoringLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        limits ??= ScoringLimits.Default;
        var json = await ReadAsync(model, limits.MaxDocumentLength, "scoring model", cancellationToken).ConfigureAwait(false);
        return await Task.Run(() => LeadScoringModel.Load(json, limits), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a whole stream as UTF-8 text, refusing more than <paramref name="maxCharacters"/>.</summary>
    internal static async Task<string> ReadAsync(Stream stream, int maxCharacters, string definition, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            catch (DecoderFallbackException e)
            {
                throw new DefinitionValidationException(definition, [new ValidationProblem
                {
                    Path = "$",
                    Message = "The document is not valid UTF-8 text: " + e.Message,
                }]);
            }

            if (read == 0)
            {
                return text.ToString();
            }

            if (text.Length + read > maxCharacters)
            {
                throw new DefinitionValidationException(definition, [new ValidationProblem
                {
                    Path = "$",
                    Message = string.Create(CultureInfo.InvariantCulture, $"The document is longer than {maxCharacters} characters, the limit; shorten it or split it."),
                }]);
            }

            text.Append(buffer, 0, read);
        }
    }
}
