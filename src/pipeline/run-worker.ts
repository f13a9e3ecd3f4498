import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import { parseDuration } from "../config/index.js";
import type { Transport } from "../deliver/index.js";
import { createSharedRateLimiter } from "../deliver/index.js";
import type { CompiledIssue } from "../render/index.js";
import { archiveStage } from "./archive-stage.js";
import { collectRound, type FeedClaim } from "./collect-round.js";
import type { Context } from "./context.js";
import { type ArticleClaim, enrichRound } from "./enrich-round.js";
import { openSummarizer } from "./enrich-stage.js";
import { findList } from "./find-list.js";
import { renderStage } from "./render-stage.js";
import { openTransport, sendStage } from "./send-stage.js";
import { webhooksStage } from "./webhooks-stage.js";

import { WORK_KINDS, type WorkKind } from "./work-kinds.js";

// In a module of their own, which the CLI reads without loading the worker; re-exported here.
export { WORK_KINDS, type WorkKind } from "./work-kinds.js";

/** What one worker has done since it started. */
export interface WorkerReport {
  sent: number;
  failed: number;
  bounced: number;
  /** Batches claimed from the ledger (empty claims included). */
  claims: number;
  rounds: number;
  /** Feeds fetched (or found unchanged, or failed) and articles summarized. */
  feeds: number;
  articles: number;
  /** Messages read from the bounce mailbox. */
  inboxMessages: number;
}

export interface WorkerOptions {
  /** Default: all of WORK_KINDS. */
  kinds?: readonly WorkKind[];
  /** A feed is fetched at most this often (default 1 h); its max-age or backoff can make it later. */
  collectEveryMs?: number;
  /** Stop once a round finds nothing to do, instead of waiting for more. */
  once?: boolean;
  /** Once aborted, the worker finishes its in-flight batch and returns (SIGTERM). */
  signal?: AbortSignal;
  /** Waits while idle or for a send slot; tests may pass their own. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called after every round that did something. */
  onRound?: (report: WorkerReport) => void;
  /** Where the inbox pass writes its report lines. */
  log?: (line: string) => void;
}

const IDLE_MIN_MS = 250;
const IDLE_MAX_MS = 5_000;
const COLLECT_EVERY_MS = 3_600_000;
// A claimed batch of feeds or articles is the worker's for this long: far above a batch's fetch
// timeouts or model calls. A dead worker's batch is taken up by another once it passes.
const WORK_LEASE_MS = 10 * 60_000;

/**
 * `gazette worker`: each round claims and collects a batch of due feeds, claims and summarizes
 * a batch of articles, then claims and sends the deliveries of every issue in `sending` — on any
 * number of processes and machines at once. Claims with a lease (SKIP LOCKED on PostgreSQL) keep
 * workers apart, and `send_pacing` holds the configured rate across all of them. Idle rounds back
 * off from 250 ms to 5 s.
 */
export async function runWorker(ctx: Context, options: WorkerOptions = {}): Promise<WorkerReport> {
  const sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
  const rate = ctx.config.delivery.rateLimit;
  const limiter = rate
    ? createSharedRateLimiter(
        rate,
        (intervalMs, nowMs) => ctx.store.pacing.reserve("delivery", intervalMs, nowMs),
        ctx.clock,
        (ms) => sleep(ms),
      )
    : undefined;
  const compiled = new Map<number, CompiledIssue>();
  const kinds = new Set(options.kinds ?? WORK_KINDS);
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  // Only the configured feeds: one dropped from the config is no longer any worker's to fetch.
  const feedClaim: FeedClaim | undefined = kinds.has("feeds")
    ? {
        owner,
        feedIds: (await ctx.store.feeds.sync(ctx.config.feeds, ctx.clock.now())).map((f) => f.id),
        everyMs: options.collectEveryMs ?? COLLECT_EVERY_MS,
        leaseMs: WORK_LEASE_MS,
      }
    : undefined;
  const summarizer = kinds.has("articles") ? openSummarizer(ctx) : undefined;
  const articleClaim: ArticleClaim | undefined = summarizer && {
    summarizerId: summarizer.id,
    // Two per request in flight: one wave being summarized, one waiting.
    batchSize: Math.max(10, 2 * (summarizer.concurrency ?? 1)),
    leaseMs: WORK_LEASE_MS,
  };
  const report: WorkerReport = {
    sent: 0,
    failed: 0,
    bounced: 0,
    claims: 0,
    rounds: 0,
    feeds: 0,
    articles: 0,
    inboxMessages: 0,
  };
  // The mailbox is read every inbox.interval; several workers may read it (an event read twice
  // is applied once), one is enough.
  const inboxEveryMs =
    kinds.has("inbox") && ctx.config.inbox ? parseDuration(ctx.config.inbox.interval) : undefined;
  let inboxDueAt = 0;
  // A worker that only collects or enriches needs no transport (nor its DKIM key).
  const transport = kinds.has("deliveries") ? await openTransport(ctx) : undefined;
  let idleMs = IDLE_MIN_MS;
  try {
    while (!options.signal?.aborted) {
      report.rounds++;
      let done = 0;
      if (feedClaim) {
        const collected = await collectRound(ctx, feedClaim);
        report.feeds += collected?.feeds.length ?? 0;
        done += collected?.feeds.length ?? 0;
      }
      if (articleClaim && !options.signal?.aborted) {
        const enriched = await enrichRound(ctx, articleClaim);
        const count = enriched ? enriched.enriched + enriched.failed.length : 0;
        report.articles += count;
        done += count;
      }
      if (inboxEveryMs !== undefined && ctx.clock.now().getTime() >= inboxDueAt) {
        inboxDueAt = ctx.clock.now().getTime() + inboxEveryMs;
        const { readInbox } = await import("./read-inbox.js");
        const read = await readInbox(ctx, { print: options.log ?? (() => {}) });
        report.inboxMessages += read.found;
        done += read.found;
      }
      if (transport && !options.signal?.aborted)
        done += await deliverRound(ctx, transport, compiled, report, {
          ...(limiter && { limiter }),
          ...(options.signal && { signal: options.signal }),
        });
      if (transport && !options.signal?.aborted) {
        const posted = await webhooksStage(ctx);
        done += posted ? posted.sent + posted.retried + posted.failed : 0;
      }
      if (done > 0) {
        idleMs = IDLE_MIN_MS;
        options.onRound?.(report);
        continue;
      }
      if (options.once) break;
      await sleep(idleMs, options.signal).catch(() => {});
      idleMs = Math.min(IDLE_MAX_MS, idleMs * 2);
    }
  } finally {
    await transport?.close();
  }
  return report;
}

/** One pass over the issues being sent; returns how many rows it settled. */
async function deliverRound(
  ctx: Context,
  transport: Transport,
  compiled: Map<number, CompiledIssue>,
  report: WorkerReport,
  extra: Parameters<typeof sendStage>[5],
): Promise<number> {
  let done = 0;
  for (const issue of await ctx.store.issues.sendable()) {
    if (extra?.signal?.aborted) break;
    // An issue of a list no longer in this worker's config is left to a worker that has it.
    const list = ctx.config.lists.find((candidate) => candidate.id === issue.listSlug);
    if (!list) continue;
    let issueCompiled = compiled.get(issue.id);
    if (!issueCompiled) {
      issueCompiled = (await renderStage(ctx, findList(ctx, list.id), issue)).compiled;
      compiled.set(issue.id, issueCompiled);
    }
    const sent = await sendStage(ctx, list, issue, issueCompiled, transport, {
      ...extra,
      hasLedger: true,
    });
    report.sent += sent.sent;
    report.failed += sent.failed;
    report.bounced += sent.bounced;
    report.claims += sent.claims ?? 0;
    done += sent.sent + sent.failed + sent.bounced + sent.retried;
    if (sent.isFinished) {
      await archiveStage(ctx, list, issue, issueCompiled);
      compiled.delete(issue.id);
    }
  }
  return done;
}
