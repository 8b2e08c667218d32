using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesGlossary.Domain.Orleans.Models;
using SalesGlossary.Domain.Orleans.Serialization;

namespace SalesGlossary.Domain.Orleans;

/// <summary>Adds the library's grains to a silo, and names what the application configures for them.</summary>
/// <remarks>
/// The application brings the grain storage (any Orleans provider registered under <see cref="StorageName"/>), an optional
/// stream provider (<see cref="SalesGlossaryClusterOptions.StreamProvider"/>), and for rescoring an
/// <see cref="Rescoring.IContactPartitionSource"/> in the silo's services.
/// </remarks>
public static class SalesGlossaryCluster
{
    /// <summary>The name of the grain storage provider the library's grains persist through: register one under this name.</summary>
    public const string StorageName = "SalesGlossary";

    /// <summary>The stream namespace of contact changes; the stream id's key is <see cref="SalesGlossaryClusterOptions.ContactStreamKey"/>.</summary>
    public const string ContactStreamNamespace = "SalesGlossary.Contacts";

    /// <summary>The stream namespace of deal changes; the stream id's key is the deal's id.</summary>
    public const string DealStreamNamespace = "SalesGlossary.Deals";

    /// <summary>Adds the contact, deal, model registry and rescoring grains' services to a silo.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">An option is out of range (reported when the silo starts).</exception>
    public static ISiloBuilder AddSalesGlossary(this ISiloBuilder builder, Action<SalesGlossaryClusterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SalesGlossaryClusterOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddSingleton<IValidateOptions<SalesGlossaryClusterOptions>, SalesGlossaryClusterOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<AgreementTerms>();
        builder.Services.TryAddSingleton<ClusterModels>();
        builder.Services.AddHostedService<VocabularyRefresh>();
        return builder;
    }

    /// <summary>Lets a cluster client read the terms an agreement defines (its own lead statuses, reasons, teams, actors and added stages) in what grains return.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="vocabulary">The agreement's vocabulary (<c>agreement.Vocabulary</c>); call again for each agreement the client meets.</param>
    /// <returns>The same builder.</returns>
    /// <remarks>
    /// A silo learns each published agreement's vocabulary by itself. A client without it reads the shipped terms only, and a
    /// contact or deal that uses an agreement's own term fails to arrive with an <see cref="UnknownTermException"/> naming it.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IClientBuilder AddSalesGlossaryVocabulary(this IClientBuilder builder, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var terms = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(AgreementTerms))?.ImplementationInstance as AgreementTerms;
        if (terms is null)
        {
            terms = new AgreementTerms();
            builder.Services.AddSingleton(terms);
        }

        terms.Remember(vocabulary);
        return builder;
    }

    private sealed class SalesGlossaryClusterOptionsValidator : IValidateOptions<SalesGlossaryClusterOptions>
    {
        public ValidateOptionsResult Validate(string? name, SalesGlossaryClusterOptions options) =>
            options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
