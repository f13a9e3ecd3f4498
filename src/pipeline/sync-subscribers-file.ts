import path from "node:path";
import { readSubscribersCsv } from "../audience/read-subscribers-csv.js";
import { type SyncReport, syncSubscribers } from "../audience/sync-subscribers.js";
import type { Context } from "./context.js";

/** Applies `subscribersFile` (if configured) to the store; bad rows are reported, never fatal. */
export async function syncSubscribersFile(ctx: Context): Promise<SyncReport | undefined> {
  const configured = ctx.config.subscribersFile;
  if (!configured) return undefined;
  const file = path.resolve(ctx.loaded.baseDir, configured);
  const listIds = await ctx.store.subscribers.syncLists(ctx.config.lists, ctx.clock.now());
  const { records, problems } = await readSubscribersCsv(file);
  const report = await syncSubscribers(ctx.store, records, {
    listIds,
    defaultLists: ctx.config.lists.map((list) => list.id),
    source: "subscribers-file",
    now: ctx.clock.now(),
    file,
  });
  report.problems.unshift(...problems.map((p) => `${file}:${p.line}: ${p.message}`));
  return report;
}
