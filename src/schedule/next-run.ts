import { CronExpressionParser } from "cron-parser";
import type { ScheduleConfig } from "../config/index.js";

/** The first time after `after` that the schedule fires, in its own time zone. */
export function nextRun(schedule: ScheduleConfig, after: Date): Date {
  return CronExpressionParser.parse(schedule.cron, { currentDate: after, tz: schedule.timezone })
    .next()
    .toDate();
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
