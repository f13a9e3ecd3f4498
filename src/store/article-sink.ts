import type { ArticleSink, FeedClaims, FeedToCollect } from "../ingest/ports.js";
import type { ArticleRepo } from "./articles.js";
import type { FeedRepo, FeedRow } from "./feeds.js";

/** Collect's port: feeds to fetch (and a worker's claims on them), stored articles, saves. */
export function createArticleSink(
  feeds: FeedRepo,
  articles: ArticleRepo,
  saveFetches: ArticleSink["saveFetches"],
): ArticleSink & FeedClaims {
  return {
    syncFeeds: async (configured, now) => (await feeds.sync(configured, now)).map(toFeedToCollect),
    knownItemsJson: async (feedId) => (await feeds.knownItems(feedId)) ?? undefined,
    storedArticles: async (canonicalUrls) => {
      const found = await articles.byCanonicalUrls(canonicalUrls);
      return new Map(
        [...found].map(([url, row]) => [url, { feedId: row.feed_id, feedHash: row.feed_hash }]),
      );
    },
    saveFetches,
    claimDue: async (...args) => (await feeds.claimDue(...args)).map(toFeedToCollect),
    releaseLease: (feedIds, owner) => feeds.releaseLease(feedIds, owner),
  };
}

function toFeedToCollect(row: FeedRow): FeedToCollect {
  return {
    id: row.id,
    url: row.url,
    currentUrl: row.current_url,
    name: row.name,
    title: row.title,
    etag: row.etag,
    lastModified: row.last_modified,
    lastStatus: row.last_status,
    lastError: row.last_error,
    consecutiveErrors: row.consecutive_errors,
    itemCount: row.item_count,
    nextFetchAt: row.next_fetch_at === null ? null : new Date(row.next_fetch_at),
    retiredAt: row.retired_at === null ? null : new Date(row.retired_at),
  };
}
