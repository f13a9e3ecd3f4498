import { schedule as cronSchedule, type ScheduledTask } from "node-cron";
import type { ListConfig } from "../config/index.js";

export interface Schedules {
  /** Stops every job and waits for a run in progress to finish. */
  stop(): Promise<void>;
  /** Runs in progress, by list id. */
  readonly running: ReadonlyMap<string, Promise<void>>;
}

/**
 * One node-cron job per list, in the list's time zone. A list never runs twice at once: a
 * firing that finds the previous run still going is skipped and reported.
 */
export function startSchedules(
  lists: ListConfig[],
  runList: (list: ListConfig) => Promise<void>,
  log: (line: string) => void,
): Schedules {
  const running = new Map<string, Promise<void>>();
  const tasks: ScheduledTask[] = lists.map((list) =>
    cronSchedule(
      list.schedule.cron,
      () => {
        if (running.has(list.id)) {
          log(`${list.id}: the previous run is still going; this firing is skipped`);
          return;
        }
        const run = runList(list)
          .catch((error: unknown) => log(`${list.id}: run failed: ${String(error)}`))
          .finally(() => running.delete(list.id));
        running.set(list.id, run);
        return run;
      },
      { timezone: list.schedule.timezone, name: `gazette:${list.id}` },
    ),
  );
  return {
    running,
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      await Promise.all(running.values());
      await Promise.all(tasks.map((task) => task.destroy()));
    },
  };
}
