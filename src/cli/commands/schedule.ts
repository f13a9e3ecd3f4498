import type { Command } from "commander";
import { findList } from "../../pipeline/find-list.js";
import { formatCycle } from "../format-report.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerSchedule(schedule: Command): void {
  schedule
    .option("--list <id>", "only this list")
    .action(async (options: { list?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const lists = options.list ? [findList(ctx, options.list)] : ctx.config.lists;
        const [{ pino }, { runCycle }, { describeNextRun, startSchedules }] = await Promise.all([
          import("pino"),
          import("../../pipeline/run-cycle.js"),
          import("../../schedule/index.js"),
        ]);
        // One JSON line per event (pino), for log collectors; the run report also goes to the store.
        const logger = pino({ base: { app: "gazette" } });
        const log = (line: string, fields: Record<string, unknown> = {}) =>
          logger.info(fields, line);
        // Signal handlers first: a SIGTERM that arrives while the jobs start must stop cleanly too.
        let requestStop: (signal: string) => void = () => {};
        const stopped = new Promise<string>((resolve) => {
          requestStop = resolve;
        });
        process.once("SIGINT", () => requestStop("SIGINT"));
        process.once("SIGTERM", () => requestStop("SIGTERM"));
        const schedules = startSchedules(lists, {
          store: ctx.store,
          clock: ctx.clock,
          log,
          runList: async (list) => {
            log(`${list.id}: run started`, { list: list.id });
            const report = await runCycle(ctx, { lists: [list] });
            log(`${list.id}: run finished: ${report.status}`, {
              list: list.id,
              status: report.status,
              report: formatCycle(report),
            });
          },
        });
        for (const list of lists) {
          const next = describeNextRun(list.schedule, ctx.clock.now());
          log(
            `${list.id}: scheduled ${list.schedule.cron} (${list.schedule.timezone}), next run ${next}`,
            {
              list: list.id,
              next,
            },
          );
        }
        // Stop cleanly: no new firing, let a run in progress finish (its ledger is its checkpoint).
        const signal = await stopped;
        log(`${signal}: stopping after the current run`, { signal });
        await schedules.stop();
        log("stopped");
        logger.flush();
      });
    });
}
