import type { ListConfig } from "../config/index.js";
import type { FeedRow } from "../store/index.js";

/** The stored feeds a list draws from: all of them, or those named by name or URL. */
export function feedsOfList(list: ListConfig, feeds: FeedRow[]): FeedRow[] {
  if (list.feeds === "all") return feeds;
  const wanted = new Set(list.feeds);
  return feeds.filter(
    (feed) => wanted.has(feed.url) || (feed.name !== null && wanted.has(feed.name)),
  );
}
