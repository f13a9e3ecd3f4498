import type { Command } from "commander";
import { isSendSettled } from "../../deliver/index.js";
import { findList } from "../../pipeline/find-list.js";
import { EXIT_FAILURE, EXIT_OK } from "../exit-codes.js";
import { formatCycle } from "../format-report.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerRun(run: Command, setExit: (code: number) => void): void {
  run
    .option("--list <id>", "only this list")
    .option("--dry-run", "build every message but send none and record nothing as sent")
    .option("--prune-subscribers", "remove memberships the subscribers file no longer lists")
    .action(
      async (
        options: { list?: string; dryRun?: boolean; pruneSubscribers?: boolean },
        command: Command,
      ) => {
        await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
          const { runCycle } = await import("../../pipeline/run-cycle.js");
          const lists = options.list ? [findList(ctx, options.list)] : undefined;
          const report = await runCycle(ctx, {
            lists,
            dryRun: options.dryRun,
            pruneSubscribers: options.pruneSubscribers,
          });
          for (const line of formatCycle(report)) console.log(line);
          const isIncomplete = report.lists.some(
            (list) => list.error || (list.send && !isSendSettled(list.send)),
          );
          setExit(isIncomplete ? EXIT_FAILURE : EXIT_OK);
        });
      },
    );
}
