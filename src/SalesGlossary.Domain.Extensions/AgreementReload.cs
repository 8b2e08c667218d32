namespace SalesGlossary.Domain.Extensions;

/// <summary>The result of one reload.</summary>
/// <param name="Outcome">What the reload did.</param>
/// <param name="Generation">The generation current after the reload.</param>
/// <param name="Problems">Why the documents were rejected, each with its JSON path; empty unless <paramref name="Outcome"/> is <see cref="AgreementReloadOutcome.Rejected"/>.</param>
public sealed record AgreementReload(AgreementReloadOutcome Outcome, long Generation, IReadOnlyList<ValidationProblem> Problems);
