import { CronExpressionParser } from "cron-parser";
import type { ScheduleConfig } from "../config/index.js";

/** The first time after `after` that the schedule fires, in its own time zone. */
export function nextRun(schedule: ScheduleConfig, after: Date): Date {
  return CronExpressionParser.parse(schedule.cron, { currentDate: after, tz: schedule.timezone })
    .next()
    .toDate();
}
