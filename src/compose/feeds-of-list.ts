import type { ListConfig } from "../config/index.js";
import type { ListFeed } from "./ports.js";

/** The stored feeds a list draws from: all of them, those named by name or URL, or by tag. */
export function feedsOfList(list: ListConfig, feeds: ListFeed[]): ListFeed[] {
  if (list.feeds === "all") return feeds;
  if (!Array.isArray(list.feeds)) {
    const tags = new Set(list.feeds.tags);
    return feeds.filter((feed) => feed.tags.some((tag) => tags.has(tag)));
  }
  const wanted = new Set(list.feeds);
  return feeds.filter(
    (feed) => wanted.has(feed.url) || (feed.name !== null && wanted.has(feed.name)),
  );
}
