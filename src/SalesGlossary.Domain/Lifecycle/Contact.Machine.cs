namespace SalesGlossary.Domain;

/// <content>What the lifecycle machine reads of a contact: the contact is its <see cref="ILifecycleSubject"/>.</content>
public sealed partial class Contact : ILifecycleSubject
{
    /// <inheritdoc/>
    DateTimeOffset ILifecycleSubject.Now => Now;

    /// <inheritdoc/>
    LifecycleTransition? ILifecycleSubject.NurtureEntry() => NurtureEntry();

    /// <inheritdoc/>
    IReadOnlyList<ConnectAttempt> ILifecycleSubject.AttemptsSinceHandoff() => AttemptsSinceHandoff();
}
