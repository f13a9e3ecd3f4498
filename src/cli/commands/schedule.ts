import type { Command } from "commander";
import { runCycle } from "../../pipeline/run-cycle.js";
import { findList } from "../../pipeline/stages.js";
import { nextRun } from "../../schedule/next-run.js";
import { startSchedules } from "../../schedule/start-schedules.js";
import { formatCycle } from "../format-report.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerSchedule(program: Command): void {
  program
    .command("schedule")
    .description(
      "keep running: one cron job per list (its schedule and time zone) that runs the whole cycle",
    )
    .option("--list <id>", "only this list")
    .action(async (options: { list?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const lists = options.list ? [findList(ctx, options.list)] : ctx.config.lists;
        const log = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);
        const schedules = startSchedules(
          lists,
          async (list) => {
            log(`${list.id}: run started`);
            const report = await runCycle(ctx, { lists: [list] });
            for (const line of formatCycle(report)) log(`${list.id}: ${line}`);
          },
          log,
        );
        for (const list of lists) {
          log(
            `${list.id}: scheduled "${list.schedule.cron}" (${list.schedule.timezone}), next run ${nextRun(list.schedule, ctx.clock.now()).toISOString()}`,
          );
        }
        // Stop cleanly: no new firing, let a run in progress finish, then close the store.
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            log(`${signal}: stopping after the current run`);
            schedules.stop().then(resolve, resolve);
          };
          process.once("SIGINT", () => stop("SIGINT"));
          process.once("SIGTERM", () => stop("SIGTERM"));
        });
        log("stopped");
      });
    });
}
