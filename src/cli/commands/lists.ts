import type { Command } from "commander";
import type { ListConfig } from "../../config/index.js";
import { listNumber } from "../../pipeline/find-list.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerLists(program: Command): void {
  program
    .command("lists")
    .description("show each list with subscriber counts by status, its last issue and next run")
    .action(async (_options: object, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { nextRun } = await import("../../schedule/next-run.js");
        for (const list of ctx.config.lists) {
          const id = listNumber(ctx, list);
          const counts = await ctx.store.subscribers.countsByStatus(id);
          const last = await ctx.store.issues.latest(id);
          const countText =
            Object.entries(counts)
              .map(([status, n]) => `${n} ${status}`)
              .join(", ") || "no subscribers";
          console.log(`${list.id} — ${list.name}`);
          console.log(`  subscribers: ${countText}`);
          console.log(`  feeds: ${describeFeeds(list)}${describeFilters(list)}`);
          console.log(
            `  last issue: ${last ? `#${last.number} (${last.status}, ${last.created_at})` : "none yet"}`,
          );
          console.log(
            `  schedule: ${list.schedule.cron} (${list.schedule.timezone}), next ${nextRun(list.schedule, ctx.clock.now()).toISOString()}`,
          );
        }
      });
    });
}

function describeFeeds(list: ListConfig): string {
  if (list.feeds === "all") return "all";
  if (Array.isArray(list.feeds)) return list.feeds.join(", ");
  return `tagged ${list.feeds.tags.join(", ")}`;
}

function describeFilters(list: ListConfig): string {
  const { include, exclude, categories } = list.filters;
  const parts = [
    include.length > 0 ? `include ${include.join(", ")}` : "",
    exclude.length > 0 ? `exclude ${exclude.join(", ")}` : "",
    categories.length > 0 ? `categories ${categories.join(", ")}` : "",
    list.maxPerSource !== undefined ? `at most ${list.maxPerSource} per feed` : "",
  ].filter(Boolean);
  return parts.length > 0 ? ` · ${parts.join(" · ")}` : "";
}
