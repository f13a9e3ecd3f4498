import type { Command } from "commander";
import type { ListConfig } from "../../config/index.js";
import { listNumber } from "../../pipeline/find-list.js";
import { issueJson, printJson, scheduleJson, subscriberCountsJson } from "../json-forms.js";
import { describeNextRun } from "../local-time.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerLists(lists: Command): void {
  lists
    .option("--json", "print it as JSON (README: JSON output)")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { nextRunOrProblem } = await import("../../schedule/index.js");
        const forJson = [];
        for (const list of ctx.config.lists) {
          const id = listNumber(ctx, list);
          const counts = await ctx.store.subscribers.countsByStatus(id);
          const last = await ctx.store.issues.latest(id);
          const next = nextRunOrProblem(list.schedule, ctx.clock.now());
          if (options.json) {
            forJson.push({
              id: list.id,
              name: list.name,
              mode: list.mode,
              subscribers: subscriberCountsJson(counts),
              feeds: list.feeds,
              lastIssue: last ? issueJson(last) : null,
              schedule: scheduleJson(list, next),
            });
            continue;
          }
          const countText =
            Object.entries(counts)
              .map(([status, n]) => `${n} ${status}`)
              .join(", ") || "no subscribers";
          console.log(`${list.id} — ${list.name}`);
          console.log(`  subscribers: ${countText}`);
          console.log(`  feeds: ${describeFeeds(list)}${describeFilters(list)}`);
          console.log(
            `  last issue: ${last ? `#${last.number} (${last.status}, ${last.createdAt.toISOString()})` : "none yet"}`,
          );
          console.log(
            `  schedule: ${list.schedule.cron}, next ${describeNextRun(next, list.schedule.timezone)}`,
          );
        }
        if (options.json) printJson({ lists: forJson });
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
    (list.maxPerFeed ?? list.maxPerSource) !== undefined
      ? `at most ${list.maxPerFeed ?? list.maxPerSource} per feed`
      : "",
  ].filter(Boolean);
  return parts.length > 0 ? ` · ${parts.join(" · ")}` : "";
}
