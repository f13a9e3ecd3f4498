import type { MailEventCount } from "../store/index.js";

/** "2 hard-bounce (inbox 1, ses 1) · 1 unsubscribe (mailto 1)", or "none". */
export function formatMailEvents(counts: readonly MailEventCount[]): string {
  const byKind = new Map<string, MailEventCount[]>();
  for (const row of counts) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row]);
  const parts = [...byKind].map(([kind, rows]) => {
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    return `${total} ${kind} (${rows.map((row) => `${row.source} ${row.count}`).join(", ")})`;
  });
  return parts.length > 0 ? parts.join(" · ") : "none";
}

/** "3 (inbox 2, operator 1)", or "none". */
export function formatSuppressions(
  counts: readonly { source: string | null; count: number }[],
): string {
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  if (total === 0) return "none";
  return `${total} (${counts.map((row) => `${row.source ?? "earlier"} ${row.count}`).join(", ")})`;
}
