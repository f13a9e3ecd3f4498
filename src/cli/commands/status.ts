import type { Command } from "commander";
import { listNumber } from "../../pipeline/find-list.js";
import { plural } from "../../shared/plural.js";
import {
  deliveryCountsJson,
  feedJson,
  issueJson,
  printJson,
  runJson,
  scheduleJson,
} from "../json-forms.js";
import { describeNextRun } from "../local-time.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerStatus(status: Command): void {
  status
    .option("--json", "print it as JSON (README: JSON output)")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { nextRunOrProblem } = await import("../../schedule/index.js");
        const now = ctx.clock.now();
        const runs = await ctx.store.runs.recent(5);
        const lists = [];
        for (const list of ctx.config.lists) {
          const id = listNumber(ctx, list);
          const last = await ctx.store.issues.latest(id);
          lists.push({
            list,
            last,
            counts: last ? await ctx.store.deliveries.counts(last.id) : {},
            next: nextRunOrProblem(list.schedule, now),
            slots: await ctx.store.slots.recent(list.id, 3),
          });
        }
        const feeds = await ctx.store.feeds.all();
        if (options.json) {
          printJson({
            runs: runs.map(runJson),
            lists: lists.map(({ list, last, counts, next, slots }) => ({
              id: list.id,
              name: list.name,
              lastIssue: last
                ? { ...issueJson(last), deliveries: deliveryCountsJson(counts) }
                : null,
              schedule: scheduleJson(list, next),
              slots: slots.map((slot) => ({
                slot: slot.slot,
                status: slot.status,
                note: slot.note,
              })),
            })),
            feeds: feeds.map((feed) => feedJson(feed, now)),
          });
          return;
        }
        console.log("Last runs:");
        if (runs.length === 0) console.log("  none yet");
        for (const run of runs) {
          console.log(
            `  #${run.id} ${run.command}${run.list_slug ? ` ${run.list_slug}` : ""} ${run.started_at} → ${run.status}`,
          );
        }
        console.log("Lists:");
        for (const { list, last, counts, next, slots } of lists) {
          const sent = last
            ? ` · deliveries: ${
                Object.entries(counts)
                  .map(([s, n]) => `${n} ${s}`)
                  .join(", ") || "none"
              }`
            : "";
          console.log(
            `  ${list.id}: last issue ${last ? `#${last.number} (${last.status})${sent}` : "none"}`,
          );
          console.log(
            `    next run ${describeNextRun(next, list.schedule.timezone)} · ${list.schedule.cron}`,
          );
          for (const slot of slots) {
            const note = slot.note ? ` — ${slot.note}` : "";
            console.log(`    slot ${slot.slot}: ${slot.status}${note}`);
          }
        }
        const { formatMailEvents, formatSuppressions } = await import("../format-mail-events.js");
        console.log(
          `Mail back (by source): ${formatMailEvents(await ctx.store.mailEvents.counts())}`,
        );
        console.log(
          `Suppressed addresses: ${formatSuppressions(await ctx.store.suppressions.countsBySource())}`,
        );
        console.log("Feeds:");
        for (const feed of feeds) {
          const health =
            feed.last_status === "failed"
              ? `failing ×${feed.consecutive_errors}: ${feed.last_error}`
              : (feed.last_status ?? "never fetched");
          console.log(
            `  ${feed.name ?? feed.title ?? feed.url}: ${health} · ${plural(feed.item_count, "item")} · last fetch ${feed.last_fetched_at ?? "never"}`,
          );
        }
      });
    });
}
