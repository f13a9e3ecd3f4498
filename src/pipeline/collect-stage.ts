import { type CollectOptions, type CollectReport, collectFeeds } from "../ingest/index.js";
import type { Context } from "./context.js";

/** collect: fetch every feed that is due and store its new and changed articles. */
export function collectStage(ctx: Context, options: CollectOptions = {}): Promise<CollectReport> {
  return collectFeeds(ctx.store.articleSink, ctx.config, () => ctx.clock.now(), {
    pool: ctx.parsePool(),
    baseDir: ctx.loaded.baseDir,
    ...options,
  });
}
