import type { FeedItem, KnownItem, ParsedFeed, SeenItem } from "../types.js";
import { newestRead } from "./newest-items.js";
import { articleOf, type ParseOptions, skipProblem } from "./parse-feed.js";
import { readChangedFeed, type SeenEntry } from "./read-feed.js";

type Kept = { index: number } & ({ item: FeedItem } | { entry: SeenEntry });

/**
 * parseFeed for collect: the newest `maxItems` items, GUIDs that repeat among them dropped (see
 * dropRepeatedGuids), each with the fingerprint collect stores ("+" or "-": GUID kept or
 * dropped). An item listed in `known` with the same GUID treatment is unchanged since
 * the last fetch: it is returned in `seen` only, without sanitizing its content again. A new
 * item sure to make an article is sanitized only when it is among the newest. `known` in the
 * answer is what to pass next time.
 */
export async function parseChanged(
  document: string,
  options: ParseOptions,
  known: readonly KnownItem[],
  maxItems: number,
  whole = false,
): Promise<ParsedFeed> {
  const { title, siteUrl, entries } = await readChangedFeed(document, options, known, whole);
  // Skipped items are reported in document order, whenever they were read.
  const skipped: { index: number; problem: string }[] = [];
  const skip = (index: number, error: unknown) => {
    skipped.push({ index, problem: skipProblem(options.feedUrl, index, error) });
    return undefined;
  };
  const candidates: { date: Date | undefined; read: () => Kept | undefined }[] = [];
  entries.forEach((entry, index) => {
    if ("seen" in entry) {
      candidates.push({ date: entry.seen.publishedAt, read: () => ({ index, entry }) });
    } else if ("pending" in entry) {
      const read = () => {
        try {
          return { index, item: articleOf(entry.read()) };
        } catch (error) {
          return skip(index, error);
        }
      };
      candidates.push({ date: entry.pending.publishedAt, read });
    } else {
      try {
        const item = articleOf(entry);
        candidates.push({ date: item.publishedAt, read: () => ({ index, item }) });
      } catch (error) {
        skip(index, error);
      }
    }
  });
  const newest = newestRead(
    candidates,
    maxItems,
    (c) => c.date,
    (c) => c.read(),
  );
  const problems = skipped.sort((a, b) => a.index - b.index).map((s) => s.problem);
  if (newest.problem) problems.push(newest.problem);
  const counts = new Map<string, number>();
  for (const k of newest.list) {
    const guid = "item" in k ? k.item.guid : k.entry.seen.guid;
    if (guid) counts.set(guid, (counts.get(guid) ?? 0) + 1);
  }
  const isRepeated = (guid: string | undefined) => (guid ? (counts.get(guid) ?? 0) > 1 : false);
  const items: FeedItem[] = [];
  const seen: SeenItem[] = [];
  const remembered: KnownItem[] = [];
  const remember = (fingerprint: string, identity: Omit<KnownItem, "fingerprint">) => {
    const { canonicalUrl, guid, publishedAt } = identity;
    remembered.push({ fingerprint, canonicalUrl, guid, publishedAt });
  };
  for (const k of newest.list) {
    let item: FeedItem;
    if ("entry" in k) {
      const { entry } = k;
      if (isRepeated(entry.seen.guid) === entry.guidDropped) {
        const fingerprint = entry.fingerprint + (entry.guidDropped ? "-" : "+");
        seen.push({ canonicalUrl: entry.seen.canonicalUrl });
        remember(fingerprint, { ...entry.seen, publishedAt: entry.seen.publishedAt?.getTime() });
        continue;
      }
      // Its GUID is now repeated, or no longer: stored again with the GUID as it now is. An item
      // that was never parsed (split) is read again with the whole document.
      if (entry.normalize === undefined)
        return parseChanged(document, options, known, maxItems, true);
      try {
        item = articleOf(entry.normalize());
      } catch (error) {
        problems.push(skipProblem(options.feedUrl, k.index, error));
        continue;
      }
    } else item = k.item;
    const dropped = isRepeated(item.guid);
    const fingerprint = `${item.fingerprint ?? ""}${dropped ? "-" : "+"}`;
    items.push({ ...item, guid: dropped ? undefined : item.guid, fingerprint });
    remember(fingerprint, { ...item, publishedAt: item.publishedAt?.getTime() });
  }
  return { title, siteUrl, items, problems, seen, known: remembered };
}
