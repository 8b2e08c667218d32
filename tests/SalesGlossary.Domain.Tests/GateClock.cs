namespace SalesGlossary.Domain.Tests;

/// <summary>A clock that, once armed, holds the first caller that reads it until released: it stops a verb in the middle.</summary>
internal sealed class GateClock(DateTimeOffset now) : TimeProvider
{
    private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int armed;

    /// <summary>Makes the next read of the clock wait for <see cref="Release"/>.</summary>
    public void Arm() => Volatile.Write(ref armed, 1);

    /// <summary>Waits until a caller is held at the clock.</summary>
    public bool WaitUntilHeld(TimeSpan timeout) => held.Task.Wait(timeout);

    /// <summary>Lets the held caller go on.</summary>
    public void Release() => release.TrySetResult();

    public override DateTimeOffset GetUtcNow()
    {
        if (Interlocked.Exchange(ref armed, 0) == 1)
        {
            held.TrySetResult();
            release.Task.Wait(TimeSpan.FromSeconds(30));
        }

        return now;
    }
}
