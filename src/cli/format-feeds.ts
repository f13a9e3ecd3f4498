import type { FeedRow } from "../store/index.js";

/** A feed's health in one word or two: ok, unchanged, failing ×N, retired or never fetched. */
export function feedStatus(feed: FeedRow): string {
  if (feed.retired_at !== null) return "retired";
  if (feed.last_status === null) return "never fetched";
  if (feed.last_status === "failed") return `failing ×${feed.consecutive_errors}`;
  return feed.last_status === "fetched" ? "ok" : feed.last_status;
}

/** When the next collect will fetch the feed: "due", a time, or "never" for a retired feed. */
export function nextFetch(feed: FeedRow, now: Date): string {
  if (feed.retired_at !== null) return "never";
  if (feed.next_fetch_at === null || feed.next_fetch_at <= now.toISOString()) return "due";
  return shortTime(feed.next_fetch_at);
}

const HEADINGS = ["NAME", "STATUS", "LAST FETCH", "ITEMS", "ERRORS", "NEXT FETCH", "URL"];

/** The `gazette feeds` table: one row per feed, columns aligned; the last error under a failing feed. */
export function formatFeeds(feeds: FeedRow[], now: Date): string[] {
  const rows = feeds.map((feed) => [
    feed.name ?? feed.title ?? feed.url,
    feedStatus(feed),
    feed.last_fetched_at ? shortTime(feed.last_fetched_at) : "never",
    String(feed.item_count),
    String(feed.consecutive_errors),
    nextFetch(feed, now),
    feed.current_url ? `${feed.current_url} (moved from ${feed.url})` : feed.url,
  ]);
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join("  ");
  const lines = [line(HEADINGS)];
  rows.forEach((row, index) => {
    lines.push(line(row));
    const feed = feeds[index];
    if (feed?.last_error && (feed.last_status === "failed" || feed.retired_at !== null)) {
      lines.push(`  └ ${feed.last_error}`);
    }
  });
  return lines;
}

// Minutes are enough to read a schedule; seconds and the zone letter are noise in a table.
function shortTime(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")}Z`;
}
