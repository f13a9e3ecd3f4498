/**
 * `items` in consecutive slices of at most `size`: one statement's `in (…)` list or multi-row
 * insert stays under the parameters a statement may bind (SQLite: 32,766).
 */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
