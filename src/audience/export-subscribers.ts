import type { Writable } from "node:stream";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { escapeFormula } from "./escape-formula.js";
import type { AudienceStore } from "./ports.js";

const PAGE = 1000;

/**
 * Writes the memberships (of one list, or all) as CSV — email, name, lists, status — to `out`,
 * page by page through the store with backpressure, so an export never holds every row. No
 * cell starts a spreadsheet formula (escapeFormula). `out` is ended unless `keepOpen` (stdout).
 */
export async function exportSubscribers(
  store: { audience: AudienceStore },
  out: Writable,
  options: { listId?: number; keepOpen?: boolean } = {},
): Promise<void> {
  // Loaded here, not with the audience face, which the CLI start path imports (issue 17 §6).
  const { stringify } = await import("csv-stringify");
  const csv = stringify({ header: true, columns: ["email", "name", "lists", "status"] });
  const rows = Readable.from(exportRows(store.audience, options.listId));
  await pipeline(rows, csv, out, { end: !options.keepOpen });
}

async function* exportRows(
  audience: AudienceStore,
  listId: number | undefined,
): AsyncGenerator<string[]> {
  let cursor: { listId: number; subscriberId: number } | undefined;
  for (;;) {
    const page = await audience.membersAfter(cursor, PAGE, listId);
    for (const m of page) yield [m.email, m.name ?? "", m.listSlug, m.status].map(escapeFormula);
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    cursor = { listId: last.listId, subscriberId: last.subscriberId };
  }
}
