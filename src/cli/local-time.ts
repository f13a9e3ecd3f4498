/**
 * "2026-12-07 09:00 CET": the instant as a reader of the list's schedule would read it, in the
 * list's own time zone (the cron expression is written in it), minutes only.
 */
export function localTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

/** The next run for a status line: local time, the zone's name, and UTC for comparison. */
export function describeNextRun(at: Date | string, timeZone: string): string {
  if (typeof at === "string") return `none (${at})`;
  const utc = timeZone === "UTC" ? "" : `, ${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `${localTime(at, timeZone)} (${timeZone}${utc})`;
}
