using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesGlossary.Domain.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SalesGlossary.Domain in an application's services.</summary>
public static class SalesGlossaryServiceCollectionExtensions
{
    /// <summary>Registers the agreement provider with safe hot reload, the lead scoring service and the start-up checks, with the default options: the agreement and sample model that ship with the package.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <remarks>See <see cref="AddSalesGlossary(IServiceCollection, Action{SalesGlossaryOptions})"/> for what is registered.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSalesGlossary(this IServiceCollection services) => services.AddSalesGlossary(_ => { });

    /// <summary>Registers the agreement provider with safe hot reload, the lead scoring service and the start-up checks, configured in code.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <remarks>
    /// Registers <see cref="IAgreementProvider"/>, <see cref="LeadScoringService"/>, <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is registered, and a hosted service that validates the options and loads the first
    /// agreement when the host starts: a problem stops the start, with every problem logged. Calling it twice adds the
    /// configuration but registers the services once.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSalesGlossary(this IServiceCollection services, Action<SalesGlossaryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SalesGlossaryOptions>().Configure(configure);
        return AddServices(services);
    }

    /// <summary>Registers the agreement provider with safe hot reload, the lead scoring service and the start-up checks, bound to configuration.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The section holding the options, for example <c>configuration.GetSection("SalesGlossary")</c>.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <remarks>See <see cref="AddSalesGlossary(IServiceCollection, Action{SalesGlossaryOptions})"/> for what is registered.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSalesGlossary(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SalesGlossaryOptions>().Bind(configuration);
        return AddServices(services);
    }

    private static IServiceCollection AddServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesGlossaryOptions>, SalesGlossaryOptionsValidator>());
        services.TryAddSingleton<ExtensionsTelemetry>();
        services.TryAddSingleton<FileAgreementProvider>();
        services.TryAddSingleton<IAgreementProvider>(provider => provider.GetRequiredService<FileAgreementProvider>());
        services.TryAddSingleton(provider => new LeadScoringService(
            provider.GetRequiredService<IAgreementProvider>(),
            Loggers.For<LeadScoringService>(provider.GetService<ILoggerFactory>()),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<SalesGlossaryOptions>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AgreementStartup>());
        return services;
    }
}
