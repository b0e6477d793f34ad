// {{APP}} - breach notification clock.
// Owner: {{PARTNER}} Security Operations. Implements section 6 of the Incident
// Response Plan: marketplace within 24 hours, regulator and affected customers
// within 72 hours of awareness (GDPR Art. 33 and 34).
using System;
using System.Collections.Generic;
using System.Linq;

namespace {{CLASS}}.Security.Incidents;

public enum DataClass { None, Internal, Pii, Payment, Health, Credentials }

public sealed record Incident(string Id, string Event, DataClass Data, DateTimeOffset DetectedAt, DateTimeOffset? ConfirmedAt);

public sealed record Deadline(string Audience, DateTimeOffset Due);

public static class BreachClock
{
    private static readonly HashSet<string> RegulatedClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "pii", "payment", "health", "credentials",
    };

    /// <summary>"event:data_class" -> whether the incident starts the notification clock.</summary>
    public static bool RequiresNotification(string eventAndClass)
    {
        var parts = eventAndClass.Split(':', 2);
        return parts.Length == 2 && RegulatedClasses.Contains(parts[1]);
    }

    public static IReadOnlyList<Deadline> DeadlinesFor(Incident incident)
    {
        if (!RequiresNotification($"{incident.Event}:{incident.Data}"))
            return Array.Empty<Deadline>();
        // The clock starts at awareness (confirmation), but never later than
        // 24 hours after detection: a slow triage must not stall it.
        var aware = incident.ConfirmedAt ?? incident.DetectedAt;
        if (aware > incident.DetectedAt.AddHours(24))
            aware = incident.DetectedAt.AddHours(24);
        return new List<Deadline>
        {
            new("Marketplace security team", aware.AddHours(24)),
            new("Lead supervisory authority", aware.AddHours(72)),
            new("Affected customers", aware.AddHours(72)),
        }.OrderBy(d => d.Due).ToList();
    }

    public static string Summary(Incident incident) =>
        string.Join(Environment.NewLine, DeadlinesFor(incident).Select(d => $"{d.Audience}: {d.Due:yyyy-MM-dd HH:mm} UTC"));

    {{VECTORS}}
}
