import { CronExpressionParser } from "cron-parser";
import type { ScheduleConfig } from "../config/index.js";

/** The first time after `after` that the schedule fires, in its own time zone. */
export function nextRun(schedule: ScheduleConfig, after: Date): Date {
  return firstFiring(schedule.cron, schedule.timezone, after);
}

// The last firing found for each expression and zone, and the instant it was found after. It is
// still the first firing after any later instant before it (nothing fires in between), so the
// config's check (cronProblem) and `gazette status`'s next run, a few milliseconds apart, are one
// search: cron-parser steps through the calendar in the list's zone, some 3 ms for a weekly cron.
const lastFound = new Map<string, { after: number; firing: Date }>();

/** The first time after `after` that `cron` fires in `timezone` (cron-parser's errors thrown). */
export function firstFiring(cron: string, timezone: string, after: Date): Date {
  const key = `${timezone} ${cron}`;
  const known = lastFound.get(key);
  const at = after.getTime();
  if (known !== undefined && known.after <= at && at < known.firing.getTime()) {
    return new Date(known.firing);
  }
  const firing = CronExpressionParser.parse(cron, { currentDate: after, tz: timezone })
    .next()
    .toDate();
  lastFound.set(key, { after: at, firing });
  return new Date(firing);
}

/** The next run as ISO text, or why there is none: one list's schedule never stops a listing. */
export function describeNextRun(schedule: ScheduleConfig, after: Date): string {
  try {
    return nextRun(schedule, after).toISOString();
  } catch (error) {
    return `none (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** The next run, or why there is none (an expression that never fires, a zone it cannot use). */
export function nextRunOrProblem(schedule: ScheduleConfig, after: Date): Date | string {
  try {
    return nextRun(schedule, after);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
