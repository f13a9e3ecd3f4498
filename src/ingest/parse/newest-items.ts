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
function newestOf<T>(
  list: T[],
  max: number,
  dateOf: (entry: T) => Date | undefined,
): { list: T[]; problem?: string } {
  return newestRead(list, max, dateOf, (entry) => entry);
}

/**
 * newestOf for entries whose costly part is read only once they are chosen: `read` gives what
 * is kept of an entry, or undefined when it cannot be kept, and the next newest takes its place.
 * The same answer as reading every entry first and keeping the newest, at the cost of reading
 * about `max` of them; entries never read count as left out.
 */
export function newestRead<T, U>(
  list: T[],
  max: number,
  dateOf: (entry: T) => Date | undefined,
  read: (entry: T) => U | undefined,
): { list: U[]; problem?: string } {
  const time = (at: number) => dateOf(list[at] as T)?.getTime() ?? -Infinity;
  const positions = list.map((_, at) => at);
  // Stable sort: feeds already newest-first keep their order; oldest-first feeds are reversed.
  const order = list.length <= max ? positions : positions.sort((a, b) => time(b) - time(a) || 0);
  const kept: { at: number; value: U }[] = [];
  let next = 0;
  for (; next < order.length && kept.length < max; next++) {
    const at = order[next] as number;
    const value = read(list[at] as T);
    if (value !== undefined) kept.push({ at, value });
  }
  const left = order.length - next;
  // All of them fit: in document order, as they came.
  if (left === 0) return { list: kept.sort((a, b) => a.at - b.at).map((entry) => entry.value) };
  return {
    list: kept.map((entry) => entry.value),
    problem: `${left} older items over the cap of ${max} per feed were left out`,
  };
}
