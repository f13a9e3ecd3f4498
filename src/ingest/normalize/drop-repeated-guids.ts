import type { FeedItem } from "../types.js";

/**
 * The items with every GUID that appears more than once in the same fetch removed: such a GUID
 * names no single article (some feeds give every item the feed's URL), so identity falls back
 * to the canonical URL.
 */
export function dropRepeatedGuids<T extends FeedItem>(items: T[]): T[] {
  const counts = new Map<string, number>();
  for (const item of items) if (item.guid) counts.set(item.guid, (counts.get(item.guid) ?? 0) + 1);
  return items.map((item) =>
    item.guid && (counts.get(item.guid) ?? 0) > 1 ? { ...item, guid: undefined } : item,
  );
}
