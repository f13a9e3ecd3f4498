import type { Command } from "commander";
import { countOption } from "../count-option.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerWebhooks(webhooks: Command): void {
  webhooks
    .option("--limit <n>", "rows of the log", "30")
    .action(async (options: { limit: string }, command: Command) => {
      const limit = countOption("--limit", options.limit);
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const counts = await ctx.store.webhookDeliveries.counts();
        const summary = Object.entries(counts).map(([status, n]) => `${n} ${status}`);
        console.log(`Webhook deliveries: ${summary.length ? summary.join(", ") : "none"}`);
        for (const row of await ctx.store.webhookDeliveries.log(limit)) {
          const state =
            row.status === "pending" ? `retry at ${row.nextAttemptAt}` : (row.sentAt ?? row.status);
          const detail = row.error ?? (row.responseStatus ? `HTTP ${row.responseStatus}` : "");
          console.log(
            `  evt_${row.eventId}\t${row.type}\t${row.url}\t${row.status}\t${row.attempts} attempt${row.attempts === 1 ? "" : "s"}\t${state}\t${detail}`,
          );
        }
        const refused = await ctx.store.serviceEventRejections.counts();
        if (refused.length > 0)
          console.log("Refused email-service events (service, reason, count, last):");
        for (const row of refused)
          console.log(`  ${row.service}\t${row.reason}\t${row.count}\t${row.last_at}`);
      });
    });
  webhooks
    .command("deliver")
    .description("post the webhook deliveries that are due now (serve, run and worker also do)")
    .action(async (_options: unknown, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { webhooksStage } = await import("../../pipeline/webhooks-stage.js");
        const report = await webhooksStage(ctx);
        console.log(
          report
            ? `Webhooks: ${report.sent} sent, ${report.retried} to retry, ${report.failed} failed`
            : "Webhooks: none configured",
        );
      });
    });
}
