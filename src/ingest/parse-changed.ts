import { newestOf } from "./newest-items.js";
import { articleOf, type ParseOptions, skipProblem } from "./parse-feed.js";
import { readChangedFeed, type SeenEntry } from "./read-feed.js";
import type { FeedItem, ParsedFeed, SeenItem } from "./types.js";

type Kept = { index: number } & ({ item: FeedItem } | { entry: SeenEntry });

/**
 * parseFeed for collect: the newest `maxItems` items, GUIDs that repeat among them dropped (see
 * dropRepeatedGuids), each with the fingerprint collect stores ("+" or "-": GUID kept or
 * dropped). An item listed in `known` with the same GUID treatment is unchanged since
 * the last fetch: it is returned in `seen` only, without sanitizing its content again.
 */
export async function parseChanged(
  document: string,
  options: ParseOptions,
  known: readonly string[],
  maxItems: number,
): Promise<ParsedFeed> {
  const { title, siteUrl, entries } = await readChangedFeed(document, options, known);
  const problems: string[] = [];
  const kept: Kept[] = [];
  entries.forEach((entry, index) => {
    try {
      kept.push("seen" in entry ? { index, entry } : { index, item: articleOf(entry) });
    } catch (error) {
      problems.push(skipProblem(options.feedUrl, index, error));
    }
  });
  const newest = newestOf(kept, maxItems, (k) => ("item" in k ? k.item : k.entry.seen).publishedAt);
  if (newest.problem) problems.push(newest.problem);
  const counts = new Map<string, number>();
  for (const k of newest.list) {
    const guid = "item" in k ? k.item.guid : k.entry.seen.guid;
    if (guid) counts.set(guid, (counts.get(guid) ?? 0) + 1);
  }
  const isRepeated = (guid: string | undefined) => (guid ? (counts.get(guid) ?? 0) > 1 : false);
  const items: FeedItem[] = [];
  const seen: SeenItem[] = [];
  for (const k of newest.list) {
    let item: FeedItem;
    if ("entry" in k) {
      const { entry } = k;
      if (isRepeated(entry.seen.guid) === entry.guidDropped) {
        const mark = entry.guidDropped ? "-" : "+";
        seen.push({ canonicalUrl: entry.seen.canonicalUrl, fingerprint: entry.fingerprint + mark });
        continue;
      }
      // Its GUID is now repeated, or no longer: stored again with the GUID as it now is.
      try {
        item = articleOf(entry.normalize());
      } catch (error) {
        problems.push(skipProblem(options.feedUrl, k.index, error));
        continue;
      }
    } else item = k.item;
    const dropped = isRepeated(item.guid);
    items.push({
      ...item,
      guid: dropped ? undefined : item.guid,
      fingerprint: `${item.fingerprint ?? ""}${dropped ? "-" : "+"}`,
    });
  }
  return { title, siteUrl, items, problems, seen };
}
