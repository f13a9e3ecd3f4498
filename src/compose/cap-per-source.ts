/** Keeps at most `max` items per feed, in order: no single blog fills an issue. */
export function capPerSource<T extends { feedId: number }>(
  items: T[],
  max: number | undefined,
): T[] {
  if (max === undefined) return items;
  const counts = new Map<number, number>();
  return items.filter((item) => {
    const count = counts.get(item.feedId) ?? 0;
    counts.set(item.feedId, count + 1);
    return count < max;
  });
}
