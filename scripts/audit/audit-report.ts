import type { AuditEntry } from "./collect-entries.js";
import { DEFECT_KINDS, type DefectKind, type Field, findDefects } from "./find-defects.js";

/** One offending field, as the report lists it. */
export interface Finding {
  feed: string;
  title: string;
  field: Field;
  text: string;
  detail: string;
  /** How the summarizer chose the field, and how sure it was, when it says. */
  method?: string;
  confidence?: number;
}

export interface KindReport {
  kind: DefectKind;
  label: string;
  /** Offending fields (a summary and a why of one entry count twice). */
  count: number;
  findings: Finding[];
}

export interface AuditReport {
  /** Articles stored, and those with text (the others have nothing to summarize). */
  articles: number;
  withText: number;
  /** Articles with text that have at least one defect, and their share of withText. */
  defective: number;
  share: number;
  /** The summarizers that wrote the entries, with how many each. */
  summarizers: Record<string, number>;
  kinds: KindReport[];
}

/** Runs every detector over every entry and counts per kind and overall. */
export function buildAuditReport(entries: readonly AuditEntry[]): AuditReport {
  const byKind = new Map<DefectKind, Finding[]>(
    Object.keys(DEFECT_KINDS).map((kind) => [kind as DefectKind, []]),
  );
  const summarizers: Record<string, number> = {};
  let withText = 0;
  let defective = 0;
  for (const entry of entries) {
    summarizers[entry.summarizer] = (summarizers[entry.summarizer] ?? 0) + 1;
    if (entry.articleText.trim() === "") continue;
    withText++;
    const defects = findDefects({ ...entry, source: entry.feed });
    if (defects.length > 0) defective++;
    for (const { kind, field, detail } of defects) {
      const { feed, title, method, confidence } = entry;
      const finding = { feed, title, field, text: entry[field], detail, method, confidence };
      byKind.get(kind)?.push(finding);
    }
  }
  const kinds = [...byKind].map(([kind, findings]) => ({
    kind,
    label: DEFECT_KINDS[kind],
    count: findings.length,
    findings,
  }));
  const share = withText === 0 ? 0 : defective / withText;
  return { articles: entries.length, withText, defective, share, summarizers, kinds };
}

/** The report for a person: per kind the count and each offending entry, then the share. */
export function formatAuditReport(report: AuditReport): string {
  const lines: string[] = [];
  const by = Object.entries(report.summarizers)
    .map(([id, count]) => `${id} ×${count}`)
    .join(", ");
  lines.push(
    `${report.articles} articles, ${report.withText} with text · written by ${by || "nobody"}`,
  );
  for (const kind of report.kinds) {
    lines.push("", `${kind.label}: ${kind.count}`);
    for (const found of kind.findings) {
      const how = found.method ? ` · ${found.method} ${found.confidence?.toFixed(2) ?? ""}` : "";
      lines.push(
        `  ${printable(found.feed)} · ${printable(found.title)} · ${found.field} · ${found.detail}${how.trimEnd()}`,
      );
      lines.push(`      ${printable(found.text)}`);
    }
  }
  lines.push("", "per kind (offending fields):");
  for (const kind of report.kinds) lines.push(`  ${String(kind.count).padStart(4)}  ${kind.label}`);
  lines.push(
    "",
    `Entries with at least one defect: ${report.defective} of ${report.withText} with text (${percent(report.share)})`,
  );
  return lines.join("\n");
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Feed text never drives the terminal: control characters become spaces. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
}
