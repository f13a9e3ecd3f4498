import { CronExpressionParser } from "cron-parser";
import type { ScheduleConfig } from "../config/index.js";

/**
 * The latest cron instant at or before `now`, in the schedule's time zone. It names the slot a
 * firing belongs to, whatever fired it: a late timer, a duplicate firing or a restart all map to
 * the same instant.
 *
 * Slots are enumerated forwards with next(), whose DST rules the scheduler lives by: a local time
 * that does not exist moves forward, one that exists twice counts once. prev() disagrees with
 * next() around DST changes (it finds the repeated hour, and misses the moved one), so it is used
 * only to step safely back before enumerating forwards.
 */
export function currentSlot(schedule: ScheduleConfig, now: Date): Date {
  const tz = schedule.timezone;
  const back = CronExpressionParser.parse(schedule.cron, {
    tz,
    currentDate: new Date(now.getTime() + 1),
  });
  let start = now;
  for (let i = 0; i < 3; i++) start = back.prev().toDate();
  const forward = CronExpressionParser.parse(schedule.cron, {
    tz,
    currentDate: new Date(start.getTime() - 1),
  });
  let slot = forward.next().toDate();
  for (;;) {
    const next = forward.next().toDate();
    if (next.getTime() > now.getTime()) return slot;
    slot = next;
  }
}
