using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Checks that a stored contact history is an unbroken chain before a contact is rebuilt from it.</summary>
internal static class ContactHistoryValidator
{
    public static void Validate(ContactState state)
    {
        var problems = new ValidationCollector();
        if (string.IsNullOrWhiteSpace(state.Id))
        {
            problems.Add("$.id", "The contact id is missing.");
        }

        var history = state.History ?? [];
        if (history.Count == 0)
        {
            problems.Add("$.history", "The history is empty; it must start with the contact's creation.");
        }

        LifecycleTransition? previous = null;
        for (var i = 0; i < history.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.history[{i}]");
            var record = history[i];
            if (record is null || record.From is null || record.To is null || record.Trigger is null || record.By is null)
            {
                problems.Add(path, "The record is incomplete: from, to, trigger and actor are required.");
                previous = null;
                continue;
            }

            if (record.Sequence != i + 1)
            {
                problems.Add(path + ".sequence", $"The sequence number is {record.Sequence}; expected {i + 1}. Records are missing, duplicated or out of order.");
            }

            if (i == 0)
            {
                if (record.Trigger.Kind != LifecycleTriggerKind.Creation || record.From != record.To)
                {
                    problems.Add(path + ".trigger", $"The first record must be the creation (trigger Create or Import, from and to equal); it is {record.Trigger.Name} from {record.From.Name} to {record.To.Name}.");
                }

                if (record.Trigger == LifecycleTrigger.Import && string.IsNullOrWhiteSpace(record.Source))
                {
                    problems.Add(path + ".source", "An Import record needs the source the contact was imported from.");
                }
            }
            else if (record.Trigger.Kind == LifecycleTriggerKind.Creation)
            {
                problems.Add(path + ".trigger", "Only the first record can be the creation or import.");
            }

            if (previous is not null)
            {
                if (record.From != previous.To)
                {
                    problems.Add(path + ".from", $"The record starts in {record.From.Name} but the previous one ended in {previous.To.Name}; the chain is broken.");
                }

                if (record.FromStatus != previous.ToStatus)
                {
                    problems.Add(path + ".fromStatus", $"The record starts with lead status {record.FromStatus?.Name ?? "none"} but the previous one ended with {previous.ToStatus?.Name ?? "none"}; the chain is broken.");
                }

                if (record.At < previous.At)
                {
                    problems.Add(path + ".at", $"The time {record.At.ToString("O", CultureInfo.InvariantCulture)} is before the previous record's {previous.At.ToString("O", CultureInfo.InvariantCulture)}; times must not go backward.");
                }
            }

            if (record.Trigger.RequiresReason && string.IsNullOrWhiteSpace(record.Reason))
            {
                problems.Add(path + ".reason", $"A {record.Trigger.Name} record needs a reason.");
            }

            previous = record;
        }

        var attempts = state.ConnectAttempts ?? [];
        for (var i = 0; i < attempts.Count; i++)
        {
            if (attempts[i] is null || attempts[i].Channel is null || attempts[i].Outcome is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.connectAttempts[{i}]"), "The attempt is incomplete: channel and outcome are required.");
            }
        }

        var scores = state.Scores ?? [];
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] is not { } score || string.IsNullOrWhiteSpace(score.Model) || string.IsNullOrWhiteSpace(score.ModelVersion) || score.Groups is null || score.Rules is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.scores[{i}]"), "The score is incomplete: model, model version, groups and rules are required.");
            }
            else if (scores.Take(i).Any(s => s is not null && string.Equals(s.Model, score.Model, StringComparison.Ordinal)))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.scores[{i}].model"), "Model '" + score.Model + "' has two latest scores; a contact keeps one per model.");
            }
        }

        var changes = state.ScoreHistory ?? [];
        if (changes.Count > Contact.ScoreHistoryLimit)
        {
            problems.Add("$.scoreHistory", string.Create(CultureInfo.InvariantCulture, $"The score history holds {changes.Count} changes; a contact keeps at most {Contact.ScoreHistoryLimit}."));
        }

        for (var i = 0; i < changes.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.scoreHistory[{i}]");
            if (changes[i] is not { } change || change.Current is null || change.Actor is null)
            {
                problems.Add(path, "The score change is incomplete: sequence, actor and the new score are required.");
            }
            else if (i > 0 && changes[i - 1] is { } before && change.Sequence != before.Sequence + 1)
            {
                problems.Add(path + ".sequence", $"The sequence number is {change.Sequence}; expected {before.Sequence + 1}. Changes are missing, duplicated or out of order.");
            }
            else if (change.Sequence < 1)
            {
                problems.Add(path + ".sequence", $"The sequence number is {change.Sequence}; sequence numbers start at 1.");
            }
        }

        var breaches = state.SlaBreaches ?? [];
        for (var i = 0; i < breaches.Count; i++)
        {
            if (breaches[i] is null || string.IsNullOrWhiteSpace(breaches[i].Rule))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.slaBreaches[{i}]"), "The breach is incomplete: its rule is required.");
            }
        }

        problems.ThrowIfAny("stored history of contact '" + state.Id + "'");
    }
}
