import type { SyncReport } from "../audience/index.js";
import type { Issue } from "../compose/ports.js";
import { type ListConfig, parseDuration } from "../config/index.js";
import type { SendReport, Transport } from "../deliver/index.js";
import { isSendSettled } from "../deliver/index.js";
import type { EnrichReport } from "../enrich/index.js";
import type { DispatchReport } from "../inbox/index.js";
import type { CollectReport } from "../ingest/index.js";
import type { SizeReport } from "../render/index.js";
import { describeError } from "../shared/errors.js";
import { archiveStage } from "./archive-stage.js";
import { collectStage } from "./collect-stage.js";
import { composeForDryRun, composeStage, type DryRunCompose } from "./compose-stage.js";
import type { Context } from "./context.js";
import { enrichStage } from "./enrich-stage.js";
import { compileStage, type IssueFolds, type RenderOutput, renderStage } from "./render-stage.js";
import { openTransport, sendStage } from "./send-stage.js";
import { syncSubscribersFile } from "./sync-subscribers-file.js";
import { webhooksStage } from "./webhooks-stage.js";

export interface ListCycleReport {
  list: string;
  issueNumber?: number;
  articleCount?: number;
  /** Articles that are not cards: "Also published", merged stories, stories sent before. */
  folded?: IssueFolds;
  /** Candidates compose left out for their language (when this run composed the issue). */
  otherLanguages?: number;
  /** Why no issue went out, when none did. */
  skipped?: string;
  /** Set when the issue waits: for an editor's approval, or for its hold window to pass. */
  waiting?: string;
  resumed?: boolean;
  /** A dry run's issue: built, never stored. */
  isDryRun?: boolean;
  htmlPath?: string;
  textPath?: string;
  /** The email's HTML size; `trimmed` articles went into the "and N more" section. */
  size?: SizeReport;
  send?: SendReport;
  /** Deliveries of the issue in all (0: the list had no one to send it to). */
  recipients?: number;
  /** The issue's page in the archive, written once it is sent. */
  archivePath?: string;
  error?: string;
}

export interface CycleReport {
  subscribers?: SyncReport;
  collect: CollectReport;
  enrich: EnrichReport;
  lists: ListCycleReport[];
  /** The webhook posts made at the end of the run (when `webhooks:` are configured). */
  webhooks?: DispatchReport;
  status: "ok" | "partial" | "failed";
}

/**
 * One full cycle, the body of `gazette run` and of each scheduled job. Order: sync the
 * subscribers file → collect → enrich → per list: compose → render → send. A list that fails
 * is reported and never stops the others.
 */
export async function runCycle(
  ctx: Context,
  options: { lists?: ListConfig[]; dryRun?: boolean; pruneSubscribers?: boolean } = {},
): Promise<CycleReport> {
  const runId = await ctx.store.runs.start(
    "run",
    options.lists?.length === 1 ? (options.lists[0]?.id ?? null) : null,
    ctx.clock.now(),
  );
  const subscribers = await syncSubscribersFile(ctx, { prune: options.pruneSubscribers });
  const collect = await collectStage(ctx);
  const enrich = await enrichStage(ctx);
  const transport = await openTransport(ctx);
  const lists: ListCycleReport[] = [];
  try {
    for (const list of options.lists ?? ctx.config.lists)
      lists.push(await runList(ctx, list, transport, options.dryRun === true));
  } finally {
    await transport.close();
  }
  const hasProblems =
    collect.failed > 0 ||
    enrich.failed.length > 0 ||
    lists.some((l) => l.error || (l.send && !isSendSettled(l.send)));
  const status = lists.every((l) => l.error) ? "failed" : hasProblems ? "partial" : "ok";
  // The events of this run (issue composed, sent, bounces) go out now; failures wait for a retry.
  const webhooks = options.dryRun ? undefined : await webhooksStage(ctx);
  const report: CycleReport = {
    subscribers,
    collect,
    enrich,
    lists,
    ...(webhooks && { webhooks }),
    status,
  };
  await ctx.store.runs.finish(runId, status, report, ctx.clock.now());
  return report;
}

export async function runList(
  ctx: Context,
  list: ListConfig,
  transport: Transport,
  isDryRun: boolean,
): Promise<ListCycleReport> {
  const report: ListCycleReport = { list: list.id };
  try {
    // A dry run writes nothing (issue 14): the issue it builds is not stored, so the next real
    // run composes afresh, with what was published in between.
    const composed: DryRunCompose = isDryRun
      ? await composeForDryRun(ctx, list)
      : await composeStage(ctx, list);
    if (composed.kind === "skipped") {
      report.skipped = composed.reason;
      return report;
    }
    const issue = composed.issue;
    const articles = composed.kind === "composed" ? composed.articles : undefined;
    report.issueNumber = issue.number;
    report.resumed = composed.kind === "resumed";
    if (isDryRun) report.isDryRun = true;
    const rendered: Partial<RenderOutput> & Awaited<ReturnType<typeof compileStage>> = isDryRun
      ? await compileStage(ctx, list, issue, articles)
      : await renderStage(ctx, list, issue);
    report.articleCount = rendered.articleCount;
    report.folded = rendered.folded;
    if (composed.kind === "composed" && composed.otherLanguages > 0)
      report.otherLanguages = composed.otherLanguages;
    report.htmlPath = rendered.htmlPath;
    report.textPath = rendered.textPath;
    report.size = rendered.size;
    const waiting = waitingReason(list, issue, ctx.clock.now());
    if (waiting) {
      report.waiting = waiting;
      return report;
    }
    report.send = await sendStage(ctx, list, issue, rendered.compiled, transport, {
      mode: isDryRun ? "dry-run" : "send",
      articles,
    });
    const counts = Object.values(await ctx.store.deliveries.counts(issue.id));
    report.recipients = counts.reduce((sum, count) => sum + (count ?? 0), 0);
    if (report.send.isFinished && !isDryRun) {
      report.archivePath = (await archiveStage(ctx, list, issue, rendered.compiled)).issuePath;
    }
  } catch (error) {
    report.error = describeError(error);
  }
  return report;
}

/**
 * Why a composed issue may not be sent yet: review mode without approval, or (auto mode) a hold
 * window that has not passed since it was composed. An approved issue never waits.
 */
export function waitingReason(list: ListConfig, issue: Issue, now: Date): string | undefined {
  if (issue.approvedAt || issue.status !== "draft") return undefined;
  if (list.mode === "review") {
    return `draft awaiting review: "gazette issue show ${issue.number} --list ${list.id}", then "gazette issue approve ${issue.number} --list ${list.id}"`;
  }
  const until = new Date(issue.createdAt.getTime() + parseDuration(list.hold));
  if (until > now)
    return `held until ${until.toISOString()} (hold ${list.hold}); drop articles before then with "gazette article drop ID"`;
  return undefined;
}
