import type { Command } from "commander";
import { listNumber } from "../../pipeline/find-list.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerStatus(program: Command): void {
  program
    .command("status")
    .description("show the last runs, each list's last issue and next run, and feed health")
    .action(async (_options: object, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { nextRun } = await import("../../schedule/next-run.js");
        const runs = await ctx.store.runs.recent(5);
        console.log("Last runs:");
        if (runs.length === 0) console.log("  none yet");
        for (const run of runs) {
          console.log(
            `  #${run.id} ${run.command}${run.list_slug ? ` ${run.list_slug}` : ""} ${run.started_at} → ${run.status}`,
          );
        }
        console.log("Lists:");
        for (const list of ctx.config.lists) {
          const id = listNumber(ctx, list);
          const last = await ctx.store.issues.latest(id);
          const counts = last ? await ctx.store.deliveries.counts(last.id) : {};
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
            `    next run ${nextRun(list.schedule, ctx.clock.now()).toISOString()} (${list.schedule.cron}, ${list.schedule.timezone})`,
          );
          for (const slot of await ctx.store.slots.recent(list.id, 3)) {
            const note = slot.note ? ` — ${slot.note}` : "";
            console.log(`    slot ${slot.slot}: ${slot.status}${note}`);
          }
        }
        console.log("Feeds:");
        for (const feed of await ctx.store.feeds.all()) {
          const health =
            feed.last_status === "failed"
              ? `failing ×${feed.consecutive_errors}: ${feed.last_error}`
              : (feed.last_status ?? "never fetched");
          console.log(
            `  ${feed.name ?? feed.title ?? feed.url}: ${health} · ${feed.item_count} items · last fetch ${feed.last_fetched_at ?? "never"}`,
          );
        }
      });
    });
}
