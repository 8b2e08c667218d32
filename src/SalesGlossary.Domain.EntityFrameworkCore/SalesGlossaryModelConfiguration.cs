using Microsoft.EntityFrameworkCore;
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Deals;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Profiles;

namespace SalesGlossary.Domain.EntityFrameworkCore;

/// <summary>Applies the library's storage conventions to an application's own <see cref="DbContext"/>.</summary>
public static class SalesGlossaryModelConfiguration
{
    /// <summary>Stores every vocabulary type of the library by its number, wherever an entity of the model uses one.</summary>
    /// <param name="configurationBuilder">The builder passed to <see cref="DbContext.ConfigureConventions"/>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// Call it from <c>ConfigureConventions</c>: <c>configurationBuilder.AddSalesGlossaryConverters();</c>. It covers
    /// <see cref="LifecycleStage"/>, <see cref="LeadStatus"/>, <see cref="LifecycleTrigger"/>, <see cref="Actor"/>,
    /// <see cref="Team"/>, <see cref="FlywheelPhase"/>, <see cref="DisqualificationReason"/>, <see cref="DealTrigger"/>,
    /// <see cref="DealStageKind"/>, <see cref="ForecastCategory"/>, <see cref="ConnectChannel"/>,
    /// <see cref="ConnectOutcome"/>, <see cref="IcpTier"/>, <see cref="IcpCriterion"/>, <see cref="Seniority"/> and
    /// <see cref="BuyerJourneyStage"/>, nullable properties included.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="configurationBuilder"/> is <see langword="null"/>.</exception>
    public static ModelConfigurationBuilder AddSalesGlossaryConverters(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<LifecycleStage>().HaveConversion<SmartEnumValueConverter<LifecycleStage>>();
        configurationBuilder.Properties<LeadStatus>().HaveConversion<SmartEnumValueConverter<LeadStatus>>();
        configurationBuilder.Properties<LifecycleTrigger>().HaveConversion<SmartEnumValueConverter<LifecycleTrigger>>();
        configurationBuilder.Properties<Actor>().HaveConversion<SmartEnumValueConverter<Actor>>();
        configurationBuilder.Properties<Team>().HaveConversion<SmartEnumValueConverter<Team>>();
        configurationBuilder.Properties<FlywheelPhase>().HaveConversion<SmartEnumValueConverter<FlywheelPhase>>();
        configurationBuilder.Properties<DisqualificationReason>().HaveConversion<SmartEnumValueConverter<DisqualificationReason>>();
        configurationBuilder.Properties<DealTrigger>().HaveConversion<SmartEnumValueConverter<DealTrigger>>();
        configurationBuilder.Properties<DealStageKind>().HaveConversion<SmartEnumValueConverter<DealStageKind>>();
        configurationBuilder.Properties<ForecastCategory>().HaveConversion<SmartEnumValueConverter<ForecastCategory>>();
        configurationBuilder.Properties<ConnectChannel>().HaveConversion<SmartEnumValueConverter<ConnectChannel>>();
        configurationBuilder.Properties<ConnectOutcome>().HaveConversion<SmartEnumValueConverter<ConnectOutcome>>();
        configurationBuilder.Properties<IcpTier>().HaveConversion<SmartEnumValueConverter<IcpTier>>();
        configurationBuilder.Properties<IcpCriterion>().HaveConversion<SmartEnumValueConverter<IcpCriterion>>();
        configurationBuilder.Properties<Seniority>().HaveConversion<SmartEnumValueConverter<Seniority>>();
        configurationBuilder.Properties<BuyerJourneyStage>().HaveConversion<SmartEnumValueConverter<BuyerJourneyStage>>();
        return configurationBuilder;
    }
}
