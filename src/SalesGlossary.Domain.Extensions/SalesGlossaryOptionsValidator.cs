using Microsoft.Extensions.Options;

namespace SalesGlossary.Domain.Extensions;

/// <summary>Validates <see cref="SalesGlossaryOptions"/> all at once.</summary>
internal sealed class SalesGlossaryOptionsValidator : IValidateOptions<SalesGlossaryOptions>
{
    public ValidateOptionsResult Validate(string? name, SalesGlossaryOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
