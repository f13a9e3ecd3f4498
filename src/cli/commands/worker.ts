import type { Command } from "commander";
import type { WorkerReport } from "../../pipeline/run-worker.js";
import { WORK_KINDS, type WorkKind } from "../../pipeline/work-kinds.js";
import { GazetteError } from "../../shared/errors.js";
import { plural } from "../../shared/plural.js";
import { type GlobalOptions, withContext } from "../with-context.js";

interface WorkerCliOptions {
  concurrency?: string;
  once?: boolean;
  kinds: string;
  collectEvery: string;
}

export function registerWorker(worker: Command): void {
  worker
    .option(
      "--concurrency <n>",
      "messages in flight in this worker (default: delivery.concurrency)",
    )
    .option("--once", "exit once there is nothing to claim instead of waiting for more")
    .option(
      "--kinds <list>",
      `the work to claim, comma-separated (${WORK_KINDS.join(", ")})`,
      WORK_KINDS.join(","),
    )
    .option(
      "--collect-every <duration>",
      "fetch a feed at most this often; its max-age or error backoff can make it later",
      "1h",
    )
    .action(async (options: WorkerCliOptions, command: Command) => {
      const kinds = options.kinds.split(",").map((kind) => kind.trim());
      const unknown = kinds.filter((kind) => !(WORK_KINDS as readonly string[]).includes(kind));
      if (unknown.length > 0)
        throw new GazetteError(
          "USAGE",
          `--kinds: ${unknown.join(", ") || "none given"} (known: ${WORK_KINDS.join(", ")})`,
        );
      if (!/^\d+(ms|s|m|h|d)$/.test(options.collectEvery))
        throw new GazetteError(
          "USAGE",
          `--collect-every: "${options.collectEvery}" is not a duration such as 15m or 1h`,
        );
      const { parseDuration } = await import("../../config/index.js");
      const collectEveryMs = parseDuration(options.collectEvery);
      const concurrency =
        options.concurrency === undefined ? undefined : Number(options.concurrency);
      if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0))
        throw new GazetteError(
          "USAGE",
          `--concurrency: "${options.concurrency}" is not a positive integer`,
        );
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { runWorker } = await import("../../pipeline/run-worker.js");
        if (concurrency) ctx.config.delivery = { ...ctx.config.delivery, concurrency };
        // SIGTERM (systemd stop, docker stop): finish the batch in flight, release the rest, exit 0.
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once("SIGTERM", onSignal);
        process.once("SIGINT", onSignal);
        console.log(`${stamp(ctx.clock.now())} worker started: ${kinds.join(", ")}`);
        // Each round that did something is one line, so the operator (journald, docker logs)
        // sees the work as it happens rather than only at the end.
        let before: WorkerReport | undefined;
        const onRound = (now: WorkerReport) => {
          console.log(
            `${stamp(ctx.clock.now())} round ${now.rounds}: ${describeRound(now, before)}`,
          );
          before = { ...now };
        };
        try {
          const report = await runWorker(ctx, {
            once: options.once,
            signal: stop.signal,
            kinds: kinds as WorkKind[],
            collectEveryMs,
            onRound,
            log: (line) => console.log(line),
          });
          console.log(
            `Worker: ${report.sent} sent, ${report.failed} failed, ${report.bounced} bounced; ${plural(report.feeds, "feed")} collected, ${plural(report.articles, "article")} enriched${report.inboxMessages ? `, ${plural(report.inboxMessages, "inbox message")} read` : ""}; ${plural(report.claims, "claim")} in ${plural(report.rounds, "round")}.`,
          );
        } finally {
          process.off("SIGTERM", onSignal);
          process.off("SIGINT", onSignal);
        }
      });
    });
}

/** What a round added to the worker's totals: "4 feeds collected, 12 articles enriched, 3 sent". */
function describeRound(now: WorkerReport, before: WorkerReport | undefined): string {
  const delta = (key: keyof WorkerReport) => now[key] - (before?.[key] ?? 0);
  const parts = [
    delta("feeds") ? `${plural(delta("feeds"), "feed")} collected` : "",
    delta("articles") ? `${plural(delta("articles"), "article")} enriched` : "",
    delta("sent") ? `${delta("sent")} sent` : "",
    delta("failed") ? `${delta("failed")} failed` : "",
    delta("bounced") ? `${delta("bounced")} bounced` : "",
  ].filter(Boolean);
  return parts.join(", ") || "retries scheduled";
}

function stamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}
