import path from "node:path";
import type { SendReport } from "../deliver/index.js";
import type { EnrichReport } from "../enrich/index.js";
import type { CollectReport } from "../ingest/index.js";
import type { CycleReport, ListCycleReport } from "../pipeline/run-cycle.js";
import { plural } from "../shared/plural.js";

/** A feed's problems shown in full; past that, a count. */
const PROBLEMS_SHOWN = 5;

/**
 * Lines for the collect stage: totals, then one line per feed that failed, and each feed's
 * problems (skipped items, pages whose full text could not be read), the first few of them.
 */
export function formatCollect(report: CollectReport): string[] {
  const lines = [
    `Feeds: ${report.fetched} fetched, ${report.unchanged} unchanged, ${notDue(report)}${report.failed} failed · ${plural(report.newArticles, "new article")}${report.updatedArticles ? `, ${report.updatedArticles} updated` : ""}`,
  ];
  for (const feed of report.feeds) {
    if (feed.status === "failed" || feed.status === "retired")
      lines.push(`  ✗ ${feed.name}: ${feed.error}`);
    for (const problem of feed.problems.slice(0, PROBLEMS_SHOWN))
      lines.push(`  ! ${feed.name}: ${problem}`);
    const more = feed.problems.length - PROBLEMS_SHOWN;
    if (more > 0) lines.push(`  ! ${feed.name}: … and ${more} more`);
  }
  return lines;
}

// Shown only when there are some, so the everyday line stays short.
function notDue(report: CollectReport): string {
  const deferred = report.deferred ? `${report.deferred} deferred, ` : "";
  return `${deferred}${report.retired ? `${report.retired} retired, ` : ""}`;
}

/** Lines for the enrich stage: totals, model usage, then each fallback, ungrounded field, failure. */

export function formatEnrich(report: EnrichReport): string[] {
  const parts = [`${report.enriched} written`];
  if (report.withoutText) parts.push(`${report.withoutText} without text (title only, no summary)`);
  if (report.fallbacks.length) parts.push(`${report.fallbacks.length} by the built-in summarizer`);
  const replaced = report.ungrounded.length + report.rejected.length;
  if (replaced) parts.push(`${replaced} fields replaced`);
  if (report.failed.length) parts.push(`${report.failed.length} failed`);
  const lines = [`Summaries: ${parts.join(", ")}`];
  // Worth a line once an article is not in English (or its language could not be told).
  const languages = Object.entries(report.languages).sort(([a], [b]) => a.localeCompare(b));
  if (languages.some(([language]) => language !== "en"))
    lines.push(`  Languages: ${languages.map(([code, count]) => `${code} ${count}`).join(", ")}`);
  if (report.usage) {
    const { requests, inputTokens, outputTokens, cost } = report.usage;
    const price = cost === undefined ? "" : `, estimated cost ${cost.toFixed(4)}`;
    lines.push(
      `  Model: ${plural(requests, "request")}, ${inputTokens} tokens in, ${outputTokens} tokens out${price}`,
    );
  }
  for (const { articleId, title, reason } of report.fallbacks)
    lines.push(`  ↩ article ${articleId} "${title}": built-in summary used — ${reason}`);
  for (const { articleId, title, field, claims } of report.ungrounded)
    lines.push(
      `  ! article ${articleId} "${title}": the model's ${field} names ${claims.join(", ")}, not in the article; built-in ${field} used`,
    );
  for (const { articleId, title, field, reason } of report.rejected)
    lines.push(
      `  ! article ${articleId} "${title}": the model's ${field} was not used (${reason}); built-in ${field} used`,
    );
  for (const failure of report.failed)
    lines.push(`  ✗ article ${failure.articleId} "${failure.title}": ${failure.error}`);
  return lines;
}

export function formatSend(report: SendReport): string {
  if (report.built !== undefined)
    return `${plural(report.built, "message")} built, none sent (dry run)`;
  const parts = [`${report.sent} sent`];
  if (report.sentElsewhere) parts.push(`${report.sentElsewhere} sent by another sender`);
  if (report.failed) parts.push(`${report.failed} failed`);
  if (report.bounced) parts.push(`${report.bounced} bounced`);
  if (report.skipped) parts.push(`${report.skipped} skipped (unsubscribed)`);
  const elsewhere = report.inFlightElsewhere ?? 0;
  if (report.remaining > elsewhere) parts.push(`${report.remaining - elsewhere} still pending`);
  if (elsewhere) parts.push(`${elsewhere} being sent by another sender`);
  if (report.waiting && report.nextAttemptAt)
    parts.push(`${report.waiting} waiting for a retry from ${report.nextAttemptAt.toISOString()}`);
  const line = parts.join(", ");
  if (report.isPaused) return `${line} — paused; resume with "gazette send --resume"`;
  if (report.steppedAside) return `${line} — stepped aside: ${report.steppedAside}`;
  return report.transportError ? `${line} — stopped: ${report.transportError}` : line;
}

export function formatList(list: ListCycleReport): string[] {
  if (list.error) return [`List ${list.list}: ✗ ${list.error}`];
  if (list.skipped) return [`List ${list.list}: no issue — ${list.skipped}; nothing sent.`];
  if (list.waiting) {
    return [
      `List ${list.list}: issue #${list.issueNumber} with ${plural(list.articleCount ?? 0, "article")} — ${list.waiting}; nothing sent.`,
    ];
  }
  const lines = [
    `List ${list.list}: issue #${list.issueNumber}${list.resumed ? " (resumed)" : ""} with ${plural(list.articleCount ?? 0, "article")}${list.isDryRun && !list.resumed ? " (dry run: not saved)" : ""}`,
  ];
  const chosen = chosenLine(list);
  if (chosen) lines.push(`  ${chosen}`);
  if (list.send) lines.push(`  Messages: ${messagesLine(list.send, list.recipients)}`);
  if (list.size?.trimmed) {
    const { shown, trimmed, htmlBytes, maxHtmlBytes } = list.size;
    lines.push(
      `  Trimmed to fit the email size budget: ${plural(shown, "article")} in full, ${trimmed} listed under "and ${trimmed} more" (${kib(htmlBytes)} of ${kib(maxHtmlBytes)} KiB of HTML)`,
    );
  }
  if (list.htmlPath) lines.push(`  HTML: ${relative(list.htmlPath)}`);
  if (list.textPath) lines.push(`  Text: ${relative(list.textPath)}`);
  if (list.archivePath) lines.push(`  Archive: ${relative(list.archivePath)}`);
  return lines;
}

/** What compose folded away: "Also published 4 (no summary) · 2 merged into one story…". */
export function chosenLine(list: Pick<ListCycleReport, "folded" | "otherLanguages">): string {
  const parts = [
    list.folded?.alsoPublished
      ? `${list.folded.alsoPublished} under "Also published" (no summary)`
      : "",
    list.folded?.merged ? `${list.folded.merged} merged into another card's story` : "",
    list.folded?.repeats ? `${list.folded.repeats} left out as sent in an earlier issue` : "",
    list.otherLanguages ? `${list.otherLanguages} left out for their language` : "",
  ].filter(Boolean);
  return parts.length > 0 ? `Also: ${parts.join(" · ")}` : "";
}

function messagesLine(send: SendReport, recipients: number | undefined): string {
  const none = send.built === undefined ? send.sent === 0 && send.isFinished : send.built === 0;
  if (!none) return formatSend(send);
  if (recipients === 0)
    return "none — the list has no active subscribers (gazette subscribers add, or subscribersFile)";
  return send.built === undefined
    ? "nothing new to send (every subscriber already has this issue)"
    : formatSend(send);
}

/** The short report `gazette run` prints. */
export function formatCycle(report: CycleReport): string[] {
  const lines: string[] = [];
  if (report.subscribers) {
    const s = report.subscribers;
    lines.push(
      `Subscribers file: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged${s.removed ? `, ${s.removed} removed` : ""}`,
    );
    for (const problem of s.problems) lines.push(`  ! ${problem}`);
  }
  lines.push(...formatCollect(report.collect), ...formatEnrich(report.enrich));
  for (const list of report.lists) lines.push(...formatList(list));
  return lines;
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
