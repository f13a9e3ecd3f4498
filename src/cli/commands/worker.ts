import type { Command } from "commander";
import { runWorker } from "../../pipeline/run-worker.js";
import { GazetteError } from "../../shared/errors.js";
import { type GlobalOptions, withContext } from "../with-context.js";

interface WorkerCliOptions {
  concurrency?: string;
  once?: boolean;
  kinds: string;
}

const KINDS = ["deliveries"];

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("claim and send deliveries until SIGTERM; run any number, on any machine")
    .option(
      "--concurrency <n>",
      "messages in flight in this worker (default: delivery.concurrency)",
    )
    .option("--once", "exit once there is nothing to claim instead of waiting for more")
    .option("--kinds <list>", "the work to claim, comma-separated (deliveries)", "deliveries")
    .action(async (options: WorkerCliOptions, command: Command) => {
      const kinds = options.kinds.split(",").map((kind) => kind.trim());
      const unknown = kinds.filter((kind) => !KINDS.includes(kind));
      if (unknown.length > 0)
        throw new GazetteError(
          "USAGE",
          `--kinds: ${unknown.join(", ")} (known: ${KINDS.join(", ")})`,
        );
      const concurrency =
        options.concurrency === undefined ? undefined : Number(options.concurrency);
      if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0))
        throw new GazetteError(
          "USAGE",
          `--concurrency: "${options.concurrency}" is not a positive integer`,
        );
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        if (concurrency) ctx.config.delivery = { ...ctx.config.delivery, concurrency };
        // SIGTERM (systemd stop, docker stop): finish the batch in flight, release the rest, exit 0.
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once("SIGTERM", onSignal);
        process.once("SIGINT", onSignal);
        try {
          const report = await runWorker(ctx, { once: options.once, signal: stop.signal });
          console.log(
            `Worker: ${report.sent} sent, ${report.failed} failed, ${report.bounced} bounced; ${report.claims} claims in ${report.rounds} rounds.`,
          );
        } finally {
          process.off("SIGTERM", onSignal);
          process.off("SIGINT", onSignal);
        }
      });
    });
}
