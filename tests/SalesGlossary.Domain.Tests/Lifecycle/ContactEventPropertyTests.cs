using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>Events are the contact's changes, exactly: replaying them rebuilds it, and a refused verb causes none.</summary>
public class ContactEventPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] Models = ["lead-model", "product-interest"];

    /// <summary>One verb on a contact, chosen by number, with a number for its arguments.</summary>
    private static void Act(Contact contact, LeadTypePolicy type, FakeTimeProvider time, int verb, int n)
    {
        var now = time.GetUtcNow();
        switch (verb)
        {
            case 0: contact.Convert(By.Marketing); break;
            case 1: contact.ApplyScore(n * 7 % 200, By.System); break;
            case 2:
                contact.ApplyScore(
                    new ContactScore
                    {
                        Model = Models[n % 2],
                        ModelVersion = "1." + (n % 3),
                        AsOf = now,
                        Total = n,
                        Groups = [new ScorePart("fit", n / 2m), new ScorePart("engagement", n - (n / 2m))],
                        Rules = [new ScorePart("R" + (n % 4), n / 2m), new ScorePart("Webinar", n - (n / 2m))],
                    },
                    By.System,
                    n % 5 == 0 ? "Demo request" : null);
                break;
            case 3: contact.AcceptBySales(By.Sales.Named("sam")); break;
            case 4: contact.RecordConnectAttempt(new ConnectAttempt(now, ConnectChannel.FromValue(1 + (n % 3)), n % 4 == 0 ? ConnectOutcome.Connected : ConnectOutcome.NoAnswer, "sam"), Actor.Sales); break;
            case 5: contact.StartWorking(By.Sales); break;
            case 6: contact.MarkBadTiming("Budget frozen", By.Sales); break;
            case 7: contact.ReturnToMarketing("Not ready", By.Sales); break;
            case 8: contact.Disqualify(n % 2 == 0 ? DisqualificationReason.NoFit : DisqualificationReason.UnableToReach, By.Sales, "Checked"); break;
            case 9: contact.Reopen("Grew", By.Marketing); break;
            case 10: contact.FireSlaTimers(); break;
            case 11:
                var deal = type.OpenDeal("D-" + n, contact, n, null, time, By.Sales);
                if (n % 2 == 0 && (contact.CanTake(LifecycleTrigger.WinDeal) || contact.Stage == LifecycleStage.Customer || contact.Stage == LifecycleStage.Evangelist))
                {
                    deal.Win(By.Sales);
                }

                break;
            case 12: contact.Recycle("Churned", By.Sales); break;
            default: contact.Override(LifecycleStage.FromValue(1 + (n % 6)), null, "Data fix", By.Marketing.Named("admin")); break;
        }
    }

    private static Gen<(int Verb, int N, int Minutes)[]> Steps() =>
        Gen.ArrayOf(
            from verb in Gen.Choose(0, 13)
            from n in Gen.Choose(0, 250)
            from minutes in Gen.Choose(0, 3000)
            select (verb, n, minutes));

    private static string Json(Contact contact) => JsonSerializer.Serialize(contact.ToState(), SalesGlossaryJson.Options);

    [Property(MaxTest = 200)]
    public Property ReplayingTheEventsOfAContact_RebuildsItsState() =>
        Prop.ForAll(Steps().ToArbitrary(), steps =>
        {
            var time = new FakeTimeProvider(Start);
            var type = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
            var contact = type.CreateContact("C-1", LifecycleStage.Subscriber, time, By.Integration);
            var outbox = new List<DomainEvent>();
            foreach (var (verb, n, minutes) in steps)
            {
                time.Advance(TimeSpan.FromMinutes(minutes));
                try
                {
                    Act(contact, type, time, verb, n);
                }
                catch (Exception e) when (e is LifecycleTransitionException or ArgumentException or DealTransitionException)
                {
                    // Refused: nothing to replay.
                }

                // A store takes the events now and then, as it saves the contact.
                if (n % 3 == 0)
                {
                    outbox.AddRange(contact.TakeEvents());
                }
            }

            outbox.AddRange(contact.TakeEvents());
            var stored = JsonSerializer.Serialize<IReadOnlyList<DomainEvent>>(outbox, SalesGlossaryJson.Options);
            var replayed = Contact.Replay(SalesGlossaryJson.Read<List<DomainEvent>>(stored).OfType<ContactEvent>(), type.Lifecycle, time);

            Assert.Equal(Json(contact), Json(replayed));
            Assert.Equal(contact.Version, replayed.Version);
            Assert.Empty(replayed.PendingEvents);
        });

    [Property(MaxTest = 200)]
    public Property NoVerbThatRefusesAMove_EmitsAnEvent() =>
        Prop.ForAll(Steps().ToArbitrary(), steps =>
        {
            var time = new FakeTimeProvider(Start);
            var type = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
            var contact = type.CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
            var refused = 0;
            foreach (var (verb, n, minutes) in steps)
            {
                time.Advance(TimeSpan.FromMinutes(minutes));
                var (pending, version, state) = (contact.PendingEvents.Count, contact.Version, Json(contact));
                try
                {
                    Act(contact, type, time, verb, n);
                    // Every recorded change is one event (a record that changes stage and status is one StageChanged with its
                    // LeadStatusChanged; a handoff is told besides the record that made it).
                    Assert.Equal(contact.Version - version, contact.PendingEvents.Skip(pending).Count(e => e is not HandedOver && e is not LeadStatusChanged { Transition.ChangesStage: true }));
                }
                catch (Exception e) when (e is LifecycleTransitionException or ArgumentException or DealTransitionException)
                {
                    refused++;
                    Assert.Equal(pending, contact.PendingEvents.Count);
                    Assert.Equal(version, contact.Version);
                    Assert.Equal(state, Json(contact));
                }
            }

            return true.Label(refused + " refused");
        });
}
