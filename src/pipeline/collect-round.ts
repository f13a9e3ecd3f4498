import type { CollectReport } from "../ingest/index.js";
import { collectStage } from "./collect-stage.js";
import type { Context } from "./context.js";

/** Who claims, and which feeds a worker may claim. */
export interface FeedClaim {
  /** This worker's lease owner: a release never frees another worker's claim. */
  owner: string;
  /** The stored ids of the worker's configured feeds. */
  feedIds: readonly number[];
  /** A feed is fetched at most this often, whatever its max-age says. */
  everyMs: number;
  leaseMs: number;
}

/**
 * A worker's collect: claims a batch of due feeds (SKIP LOCKED on PostgreSQL, with a lease),
 * collects them as `gazette collect` would, and releases them; undefined when none was due.
 */
export async function collectRound(
  ctx: Context,
  claim: FeedClaim,
): Promise<CollectReport | undefined> {
  const now = ctx.clock.now();
  // Twice the fetcher's limit, as collectFeeds keeps in flight: one batch fills the fetch slots.
  const feeds = await ctx.store.articleSink.claimDue(
    claim.owner,
    ctx.config.collect.concurrency * 2,
    now,
    claim.leaseMs,
    // A success without max-age makes a feed due at once: without this floor a worker would
    // fetch it again every round.
    { among: claim.feedIds, fetchedBefore: new Date(now.getTime() - claim.everyMs) },
  );
  if (feeds.length === 0) return undefined;
  try {
    return await collectStage(ctx, { feeds });
  } finally {
    await ctx.store.articleSink.releaseLease(
      feeds.map((feed) => feed.id),
      claim.owner,
    );
  }
}
