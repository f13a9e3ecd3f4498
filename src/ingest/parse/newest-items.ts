import type { ParsedFeed } from "../types.js";

/**
 * The feed with at most `max` items, newest first (undated items after dated ones, in document
 * order); the items left out are counted in `problems`.
 */
export function newestItems(feed: ParsedFeed, max: number): ParsedFeed {
  const { list, problem } = newestOf(feed.items, max, (item) => item.publishedAt);
  return problem ? { ...feed, items: list, problems: [...feed.problems, problem] } : feed;
}

/** newestItems on any list of dated entries; `problem` says how many were left out. */
export function newestOf<T>(
  list: T[],
  max: number,
  dateOf: (entry: T) => Date | undefined,
): { list: T[]; problem?: string } {
  if (list.length <= max) return { list };
  // Stable sort: feeds already newest-first keep their order; oldest-first feeds are reversed.
  const sorted = list.toSorted(
    (a, b) => (dateOf(b)?.getTime() ?? -Infinity) - (dateOf(a)?.getTime() ?? -Infinity) || 0,
  );
  const left = sorted.length - max;
  return {
    list: sorted.slice(0, max),
    problem: `${left} older items over the cap of ${max} per feed were left out`,
  };
}
