import path from "node:path";
import type { SendReport } from "../deliver/send-issue.js";
import type { EnrichReport } from "../enrich/enrich-articles.js";
import type { CollectReport } from "../ingest/collect-feeds.js";
import type { CycleReport, ListCycleReport } from "../pipeline/run-cycle.js";

/** Lines for the collect stage: totals, then one line per feed that failed or skipped items. */
export function formatCollect(report: CollectReport): string[] {
  const lines = [
    `Feeds: ${report.fetched} fetched, ${report.unchanged} unchanged, ${report.failed} failed · ${report.newArticles} new articles${report.updatedArticles ? `, ${report.updatedArticles} updated` : ""}`,
  ];
  for (const feed of report.feeds) {
    if (feed.status === "failed") lines.push(`  ✗ ${feed.name}: ${feed.error}`);
    for (const problem of feed.problems) lines.push(`  ! ${feed.name}: ${problem}`);
  }
  return lines;
}

export function formatEnrich(report: EnrichReport): string[] {
  const lines = [
    `Summaries: ${report.enriched} written${report.failed.length ? `, ${report.failed.length} failed` : ""}`,
  ];
  for (const failure of report.failed)
    lines.push(`  ✗ article ${failure.articleId} "${failure.title}": ${failure.error}`);
  return lines;
}

export function formatSend(report: SendReport): string {
  const parts = [`${report.sent} delivered`];
  if (report.failed) parts.push(`${report.failed} failed`);
  if (report.bounced) parts.push(`${report.bounced} bounced`);
  if (report.skipped) parts.push(`${report.skipped} skipped (unsubscribed)`);
  if (report.remaining) parts.push(`${report.remaining} still pending`);
  const line = parts.join(", ");
  return report.transportError ? `${line} — stopped: ${report.transportError}` : line;
}

function formatList(list: ListCycleReport): string[] {
  if (list.error) return [`List ${list.list}: ✗ ${list.error}`];
  if (list.skipped) return [`List ${list.list}: no issue — ${list.skipped}; nothing sent.`];
  const lines = [
    `List ${list.list}: issue #${list.issueNumber}${list.resumed ? " (resumed)" : ""} with ${list.articleCount} articles`,
  ];
  if (list.send) {
    lines.push(
      list.send.sent === 0 && list.send.isFinished
        ? "  Messages: nothing new to send (every subscriber already has this issue)"
        : `  Messages: ${formatSend(list.send)}`,
    );
  }
  if (list.htmlPath) lines.push(`  HTML: ${relative(list.htmlPath)}`);
  if (list.textPath) lines.push(`  Text: ${relative(list.textPath)}`);
  return lines;
}

/** The short report `gazette run` prints. */
export function formatCycle(report: CycleReport): string[] {
  const lines: string[] = [];
  if (report.subscribers) {
    const s = report.subscribers;
    lines.push(
      `Subscribers file: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged`,
    );
    for (const problem of s.problems) lines.push(`  ! ${problem}`);
  }
  lines.push(...formatCollect(report.collect), ...formatEnrich(report.enrich));
  for (const list of report.lists) lines.push(...formatList(list));
  return lines;
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
