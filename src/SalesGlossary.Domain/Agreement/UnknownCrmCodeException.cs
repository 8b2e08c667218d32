using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>The exception thrown when a CRM code, or a term, has no mapping in the agreement's CRM codes.</summary>
/// <remarks>The message names the CRM, what was looked up, the unknown value and every known one, so the fix (a code in the agreement's <c>crmCodes</c>) is in the error.</remarks>
public sealed class UnknownCrmCodeException : Exception
{
    internal UnknownCrmCodeException(Crm crm, string kind, string code, IReadOnlyList<string> knownCodes)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"{crm} has no {kind} with the code '{code}'. Known: {string.Join(", ", knownCodes.Select(k => "'" + k + "'"))}. Map it in the agreement's crmCodes.{crm}."))
    {
        Crm = crm;
        Kind = kind;
        Code = code;
        KnownCodes = knownCodes;
    }

    /// <summary>Gets the CRM whose code was looked up.</summary>
    public Crm Crm { get; }

    /// <summary>Gets what was looked up, for example <c>lead status</c> or <c>deal stage of pipeline 'Equipment sale'</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets the unknown code (or term name).</summary>
    public string Code { get; }

    /// <summary>Gets the known codes (or term names), in the agreement's order.</summary>
    public IReadOnlyList<string> KnownCodes { get; }
}
