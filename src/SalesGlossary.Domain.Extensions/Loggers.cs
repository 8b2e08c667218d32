using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SalesGlossary.Domain.Extensions;

/// <summary>Creates loggers from the application's factory, or silent ones when the application registered no logging.</summary>
internal static class Loggers
{
    public static ILogger For<T>(ILoggerFactory? factory) => (ILogger?)factory?.CreateLogger<T>() ?? NullLogger<T>.Instance;
}
