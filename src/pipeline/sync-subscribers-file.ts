import path from "node:path";
import { type SyncReport, syncSubscribers } from "../audience/index.js";
import type { Context } from "./context.js";

/** Applies `subscribersFile` (if configured) to the store; bad rows are reported, never fatal. */
export async function syncSubscribersFile(
  ctx: Context,
  options: { prune?: boolean } = {},
): Promise<SyncReport | undefined> {
  const configured = ctx.config.subscribersFile;
  if (!configured) return undefined;
  const file = path.resolve(ctx.loaded.baseDir, configured);
  return syncSubscribers(ctx.store, file, {
    listIds: new Map(ctx.listNumbers),
    defaultLists: ctx.config.lists.map((list) => list.id),
    now: ctx.clock.now(),
    prune: options.prune,
  });
}
