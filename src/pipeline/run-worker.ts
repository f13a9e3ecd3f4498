import { setTimeout as delay } from "node:timers/promises";
import { createSharedRateLimiter } from "../deliver/shared-rate-limiter.js";
import type { Mailer } from "../deliver/types.js";
import type { CompiledIssue } from "../render/index.js";
import { archiveStage } from "./archive-stage.js";
import type { Context } from "./context.js";
import { findList, openMailer, renderStage, sendStage } from "./stages.js";

/** What one worker has done since it started. */
export interface WorkerReport {
  sent: number;
  failed: number;
  bounced: number;
  /** Batches claimed from the ledger (empty claims included). */
  claims: number;
  rounds: number;
}

export interface WorkerOptions {
  /** Stop once a round finds nothing to do, instead of waiting for more. */
  once?: boolean;
  /** Once aborted, the worker finishes its in-flight batch and returns (SIGTERM). */
  signal?: AbortSignal;
  /** Waits while idle or for a send slot; tests may pass their own. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called after every round that did something. */
  onRound?: (report: WorkerReport) => void;
}

const IDLE_MIN_MS = 250;
const IDLE_MAX_MS = 5_000;

/**
 * `gazette worker`: claims and sends the deliveries of every issue in `sending`, on any number
 * of processes and machines at once — the ledger's claims with a lease (SKIP LOCKED on
 * PostgreSQL) keep them apart, and `send_pacing` holds the configured rate across all of them.
 * Idle rounds back off from 250 ms to 5 s.
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
  const mailer = openMailer(ctx);
  const compiled = new Map<number, CompiledIssue>();
  const report: WorkerReport = { sent: 0, failed: 0, bounced: 0, claims: 0, rounds: 0 };
  let idleMs = IDLE_MIN_MS;
  try {
    while (!options.signal?.aborted) {
      report.rounds++;
      const done = await deliverRound(ctx, mailer, compiled, report, {
        ...(limiter && { limiter }),
        ...(options.signal && { signal: options.signal }),
      });
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
    await mailer.close();
  }
  return report;
}

/** One pass over the issues being sent; returns how many rows it settled. */
async function deliverRound(
  ctx: Context,
  mailer: Mailer,
  compiled: Map<number, CompiledIssue>,
  report: WorkerReport,
  extra: Parameters<typeof sendStage>[5],
): Promise<number> {
  let done = 0;
  for (const issue of await ctx.store.issues.sendable()) {
    if (extra?.signal?.aborted) break;
    // An issue of a list no longer in this worker's config is left to a worker that has it.
    const list = ctx.config.lists.find((candidate) => candidate.id === issue.list_slug);
    if (!list) continue;
    let issueCompiled = compiled.get(issue.id);
    if (!issueCompiled) {
      issueCompiled = (await renderStage(ctx, findList(ctx, list.id), issue)).compiled;
      compiled.set(issue.id, issueCompiled);
    }
    const sent = await sendStage(ctx, list, issue, issueCompiled, mailer, {
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
