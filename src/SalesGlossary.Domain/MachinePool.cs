namespace SalesGlossary.Domain;

/// <summary>
/// Keeps configured state machines of one owner (a lifecycle policy, a pipeline) for reuse, so that moving millions of
/// aggregates never builds a machine per aggregate, whatever the order in which owners are used on a thread.
/// </summary>
/// <remarks>
/// Each owner has its own pool: alternating owners on one thread finds each owner's machine waiting in its own pool
/// (a single slot per thread would rebuild on every switch). Renting and returning take no lock and allocate nothing;
/// a rented machine is out of the pool, so a re-entrant or concurrent caller gets another one (built on demand when the
/// pool is empty, and dropped on return when the pool is full).
/// </remarks>
/// <typeparam name="TMachine">The machine type.</typeparam>
internal sealed class MachinePool<TMachine>
    where TMachine : class
{
    private readonly TMachine?[] slots;
    private readonly Func<TMachine> create;

    public MachinePool(Func<TMachine> create)
    {
        this.create = create;
        slots = new TMachine?[Math.Clamp(Environment.ProcessorCount * 2, 4, 64)];
    }

    public TMachine Rent()
    {
        var start = Start();
        for (var i = 0; i < slots.Length; i++)
        {
            var index = (start + i) % slots.Length;
            if (Volatile.Read(ref slots[index]) is not null && Interlocked.Exchange(ref slots[index], null) is { } machine)
            {
                return machine;
            }
        }

        return create();
    }

    public void Return(TMachine machine)
    {
        var start = Start();
        for (var i = 0; i < slots.Length; i++)
        {
            var index = (start + i) % slots.Length;
            if (Interlocked.CompareExchange(ref slots[index], machine, null) is null)
            {
                return;
            }
        }
    }

    private int Start() => Environment.CurrentManagedThreadId % slots.Length;
}
