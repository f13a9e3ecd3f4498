import type { WriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { checkEmail, printableEmail } from "./email-address.js";
import { escapeFormula, unescapeFormula } from "./escape-formula.js";
import type { AudienceStore } from "./ports.js";
import { readCsvRows } from "./read-csv-rows.js";

export interface SuppressionImport {
  added: number;
  /** Already suppressed: kept with their first reason and source. */
  kept: number;
  problems: { line: number; message: string }[];
}

/**
 * Reads a CSV of addresses to suppress — a header with `email` (optional `reason`), or none
 * (email, reason) — checking every row first: with a bad row nothing is imported unless
 * `skipInvalid`. Each address is suppressed on every list with source `import`.
 */
export async function importSuppressions(
  store: { audience: AudienceStore },
  file: string,
  options: { now: Date; skipInvalid?: boolean },
): Promise<SuppressionImport> {
  const rows: { email: string; reason: string }[] = [];
  const report: SuppressionImport = { added: 0, kept: 0, problems: [] };
  let columns: { email: number; reason: number } | undefined;
  for await (const { record, line } of readCsvRows(file)) {
    if (!columns) {
      const names = record.map((cell) => cell.trim().toLowerCase());
      const email = names.findIndex((name) => /^e-?mail$/.test(name));
      columns = email >= 0 ? { email, reason: names.indexOf("reason") } : { email: 0, reason: 1 };
      if (email >= 0) continue;
    }
    const cell = unescapeFormula(record[columns.email] ?? "");
    const check = checkEmail(cell);
    if (!check.ok) {
      report.problems.push({ line, message: `"${printableEmail(cell)}" ${check.reason}` });
      continue;
    }
    const reason = columns.reason >= 0 ? unescapeFormula(record[columns.reason] ?? "").trim() : "";
    rows.push({ email: check.address, reason: reason || "imported" });
  }
  if (report.problems.length > 0 && !options.skipInvalid) return report;
  for (const row of rows) {
    if (await store.audience.suppress(row.email, row.reason, options.now, "import")) report.added++;
    else report.kept++;
  }
  return report;
}

/** Writes every suppression as CSV (email, reason, source, created_at); no cell starts a formula. */
export async function exportSuppressions(
  store: { audience: AudienceStore },
  out: Writable | WriteStream,
  options: { keepOpen?: boolean } = {},
): Promise<void> {
  // Loaded here, not with the audience face, which the CLI start path imports (issue 17 §6).
  const { stringify } = await import("csv-stringify");
  const csv = stringify({ header: true, columns: ["email", "reason", "source", "created_at"] });
  const rows = (await store.audience.suppressions()).map((row) =>
    [row.email, row.reason, row.source ?? "", row.createdAt].map(escapeFormula),
  );
  await pipeline(Readable.from(rows), csv, out, { end: !options.keepOpen });
}
