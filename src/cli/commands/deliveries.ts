import type { Command } from "commander";
import { findList } from "../../pipeline/find-list.js";
import type { DeliveryFailure, DeliveryStatus } from "../../store/index.js";
import { deliveryCountsJson, failureJson, issueJson, printJson } from "../json-forms.js";
import { pickIssue } from "../pick-issue.js";
import { type GlobalOptions, withContext } from "../with-context.js";

const ORDER: DeliveryStatus[] = ["sent", "pending", "sending", "failed", "bounced", "skipped"];

export function registerDeliveries(deliveries: Command): void {
  deliveries
    .option("--list <id>", "the list (needed when several are configured)")
    .option("--issue <n>", "issue number (default: the unsent issue, else the latest)")
    .option("--json", "print it as JSON (README: JSON output)")
    .action(
      async (options: { list?: string; issue?: string; json?: boolean }, command: Command) => {
        await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
          const list = findList(ctx, options.list);
          const issue = await pickIssue(ctx, list, options.issue);
          const counts = await ctx.store.deliveries.counts(issue.id);
          if (options.json) {
            const failures = await ctx.store.deliveries.failures(issue.id);
            printJson({
              list: list.id,
              issue: issueJson(issue),
              counts: deliveryCountsJson(counts),
              failures: failures.map(failureJson),
            });
            return;
          }
          const paused = issue.pausedAt ? `, paused since ${issue.pausedAt.toISOString()}` : "";
          console.log(`Issue #${issue.number} of ${list.id} (${issue.status}${paused})`);
          const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
          console.log(
            total === 0
              ? "  no deliveries yet"
              : `  ${ORDER.filter((s) => counts[s])
                  .map((s) => `${counts[s]} ${s}`)
                  .join(", ")}`,
          );
          const { formatMailEvents } = await import("../format-mail-events.js");
          console.log(
            `  mail back (by source): ${formatMailEvents(await ctx.store.mailEvents.counts(issue.id))}`,
          );
          for (const { reason, count } of await ctx.store.deliveries.skipReasons(issue.id))
            console.log(`  skipped ${count}: ${reason || "(no reason recorded)"}`);
          const failures = await ctx.store.deliveries.failures(issue.id);
          if (failures.length > 0) console.log("Failures (email, status, attempts, reason):");
          for (const failure of failures) console.log(`  ${formatFailure(failure)}`);
        });
      },
    );
}

function formatFailure(failure: DeliveryFailure): string {
  const status =
    failure.status === "pending" && failure.next_attempt_at
      ? `retry at ${failure.next_attempt_at}`
      : failure.status;
  const attempts = `${failure.attempts} attempt${failure.attempts === 1 ? "" : "s"}`;
  return [failure.email, status, attempts, failure.error ?? ""].join("\t");
}
