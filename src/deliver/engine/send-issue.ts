import { setTimeout as delay } from "node:timers/promises";
import { isLockError } from "../../store/index.js";
import { MessageBuffers } from "../mime/message-buffers.js";
import { compileMessage, type MessageTemplate } from "../mime/message-template.js";
import type { ClaimedDelivery, SendLedger } from "../ports.js";
import { TransportError } from "../transports/types.js";
import { classifyFailure } from "./classify-failure.js";
import type { DeliveryOptions } from "./delivery-options.js";
import { dryRunIssue } from "./dry-run-issue.js";
import { forEachConcurrently } from "./for-each-concurrently.js";
import { createMarkSentQueue, type MarkSentQueue } from "./mark-sent-queue.js";
import { createRateLimiter, type RateLimiter, type RateTurn } from "./rate-limiter.js";
import { recipientParts } from "./recipient-parts.js";
import { retryDelay } from "./retry-delay.js";
import type { SendIssueInput } from "./send-input.js";
import { noSends, type SendReport } from "./send-report.js";
import { waitForLock } from "./wait-for-lock.js";

export type { SendIssueInput } from "./send-input.js";
export type { SendReport } from "./send-report.js";

const DEFAULTS: DeliveryOptions = {
  batchSize: 100,
  concurrency: 4,
  markBatch: 1,
  leaseMs: 10 * 60_000,
  retry: { maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 3_600_000 },
  maxBounces: 2,
  stopAfterRelayFailures: 3,
};

/** One call's state, shared by its workers. */
interface SendRun {
  input: SendIssueInput;
  options: DeliveryOptions;
  template: MessageTemplate;
  /** What messages are built into, reused once the transport accepted them. */
  buffers: MessageBuffers;
  limiter?: RateLimiter;
  marks: MarkSentQueue;
  report: SendReport;
  /**
   * Rows this call has claimed and not yet settled in the store, by id, with the lease it holds
   * them under (renewed as the batch proceeds, see renewLeasesIfDue). A row whose lease ran out
   * while its message was on the wire may come back in a later claim: it is still ours, never
   * sent twice.
   */
  held: Map<number, ClaimedDelivery>;
  /** When the leases held are renewed (epoch ms): once half of the earliest has passed. */
  renewAt: number;
  /** The renewal under way, which every worker of the call waits for. */
  renewing?: Promise<void>;
  /** Rows that failed for the relay's sake since the last message that got through. */
  relayFailures: number[];
  stopReason?: string;
  hasRetryDue: boolean;
  /** How this call waits: for the rate limiter, and for a store locked by another sender. */
  sleep: (ms: number) => Promise<void>;
  /** Rows of the issue already sent when this call started: the rest were sent by someone. */
  sentAtStart: number;
}

/**
 * Sends an issue from its ledger. Order: claim a batch (rows → sending, with a lease; the pause
 * flag is read first) → per row, with at most `concurrency` in flight: fill and build → wait for
 * the rate limiter → re-check the lease and the subscription → hand to the transport → mark the
 * row sent (or failed, bounced, pending for a retry) → claim the next batch when the queue runs
 * dry. Ends when nothing is claimable now; the issue becomes `sent` when no row is pending or
 * sending.
 */
export async function sendIssue(input: SendIssueInput): Promise<SendReport> {
  const options = { ...DEFAULTS, ...input.options };
  const template = await compileMessage(input.message, input.fill);
  if (input.mode === "dry-run") return dryRunIssue(input, template);
  const sleep = input.sleep ?? ((ms: number) => delay(ms));
  const limiter =
    input.limiter ??
    (options.rateLimit
      ? createRateLimiter(options.rateLimit, { now: input.now }, sleep)
      : undefined);
  const held = new Map<number, ClaimedDelivery>();
  const sentAtStart =
    (await waitForLock(() => input.ledger.counts(input.issue.id), sleep)).sent ?? 0;
  const run: SendRun = {
    input,
    options: limiter ? { ...options, batchSize: batchWithinLease(options, limiter) } : options,
    template,
    buffers: new MessageBuffers(),
    ...(limiter && { limiter }),
    marks: createMarkSentQueue(input.ledger, input.now, {
      maxRows: options.markBatch,
      maxDelayMs: 100,
      sleep,
      onWritten: (ids) => {
        for (const id of ids) held.delete(id);
      },
    }),
    held,
    renewAt: Number.POSITIVE_INFINITY,
    report: noSends(false),
    relayFailures: [],
    hasRetryDue: false,
    sleep,
    sentAtStart,
  };
  do {
    run.hasRetryDue = false;
    await sendRound(run);
  } while (run.hasRetryDue && !run.stopReason && !run.report.isPaused);
  if (run.stopReason) {
    // The relay was down, not these recipients' mailboxes: give their attempts back.
    await input.ledger.refund(run.relayFailures, input.now());
    run.report.transportError = run.stopReason;
  }
  return finish(run);
}

/** Claims and sends until nothing is claimable, the issue is paused or the relay is down. */
async function sendRound(run: SendRun): Promise<void> {
  const { ledger, issue } = run.input;
  const queue: ClaimedDelivery[] = [];
  let isDrained = false;
  let claiming: Promise<void> | undefined;
  const refill = async () => {
    // The batch boundary: `gazette send --pause` takes effect here.
    if (run.input.signal?.aborted || (await ledger.isPaused(issue.id))) {
      run.report.isPaused = true;
      return;
    }
    const { batchSize, leaseMs } = run.options;
    let batch: ClaimedDelivery[];
    try {
      batch = await waitForLock(
        () => ledger.claim(issue.id, issue.listId, batchSize, run.input.now(), leaseMs),
        run.sleep,
      );
    } catch (error) {
      if (!isLockError(error)) throw error;
      // Another sender keeps the store busy: step aside and leave the rows to it.
      run.report.steppedAside = describeLock(error);
      isDrained = true;
      return;
    }
    run.report.claims = (run.report.claims ?? 0) + 1;
    const fresh: ClaimedDelivery[] = [];
    for (const delivery of batch) {
      const ours = run.held.get(delivery.id);
      // A row of ours came back (its lease ran out on the wire): held now under the new lease.
      if (ours) ours.leaseUntil = delivery.leaseUntil;
      else fresh.push(delivery);
    }
    // Only rows of ours came back: nothing new to claim now.
    if (fresh.length === 0) isDrained = true;
    for (const delivery of fresh) {
      run.held.set(delivery.id, delivery);
      queue.push(delivery);
    }
    if (batch.length > 0)
      run.renewAt = Math.min(
        run.renewAt,
        (batch[0]?.leaseUntil.getTime() ?? Number.NaN) - leaseMs / 2,
      );
  };
  const next = async (): Promise<ClaimedDelivery | undefined> => {
    while (!run.stopReason && !run.report.isPaused) {
      const delivery = queue.shift();
      if (delivery) return delivery;
      if (isDrained) return undefined;
      claiming ??= refill().finally(() => {
        claiming = undefined;
      });
      await claiming;
    }
    return undefined;
  };
  try {
    await forEachConcurrently(next, run.options.concurrency, (delivery) => sendOne(run, delivery));
  } finally {
    await run.marks.flush();
    // Claimed but never tried (the send stopped or failed): back to pending, attempt un-counted.
    for (const delivery of queue) {
      await ledger.release(delivery.id, run.input.now());
      run.held.delete(delivery.id);
    }
  }
}

async function sendOne(run: SendRun, delivery: ClaimedDelivery): Promise<void> {
  const { input, report } = run;
  const { ledger } = input;
  let turn: RateTurn | undefined;
  let response: string | undefined;
  let serviceMessageId: string | undefined;
  try {
    const message = prepareFor(run, delivery);
    // Built before the rate limiter's turn: a turn is never spent building.
    const raw = await message.raw();
    turn = await run.limiter?.acquire();
    await renewLeasesIfDue(run);
    // Past its lease the row may be another sender's now: leave it to whoever holds it.
    if (input.now().getTime() >= delivery.leaseUntil.getTime()) return;
    // An unsubscribe committed during the send is honoured for every message not yet handed over.
    const skip = await waitForLock(
      () => ledger.skipReasonNow(input.issue.listId, delivery),
      run.sleep,
    );
    if (skip) {
      await waitForLock(() => ledger.markSkipped(delivery.id, skip, input.now()), run.sleep);
      return;
    }
    // Nothing awaited between the turn's end and the hand-over: the rate holds at the transport.
    turn?.release(true);
    const result = await input.transport.send(message);
    response = result.response;
    serviceMessageId = result.serviceMessageId;
    // Accepted: every byte was written, so the buffer can take the next message.
    run.buffers.give(raw);
  } catch (error) {
    // The store stayed locked: nothing went out, so the row goes back with its attempt refunded.
    if (isLockError(error)) {
      await waitForLock(() => ledger.release(delivery.id, input.now()), run.sleep);
      run.report.steppedAside ??= describeLock(error);
      return;
    }
    await settleFailure(run, delivery, error);
    return;
  } finally {
    turn?.release(false);
    // Settled (or left to a later claim) unless it went out: then it is ours until marked.
    if (response === undefined) run.held.delete(delivery.id);
  }
  report.sent++;
  run.relayFailures = [];
  // Outside the try: the message went out, so a failed write must stop the send, never turn
  // the row back to pending. Marked at once (markBatch 1) or with its group.
  await run.marks.add(delivery.id, response, serviceMessageId);
}

/**
 * Renews the leases of every row this call holds once half of the earliest has passed, right
 * before a hand-over: a batch that takes longer than its lease (a slow relay) stays ours, and
 * no other sender claims a row whose message is queued, on the wire or not yet marked. One
 * UPDATE per lease the rows were claimed under; a row another sender took meanwhile is not
 * renewed, and the lease check before its hand-over leaves it to that sender.
 */
async function renewLeasesIfDue(run: SendRun): Promise<void> {
  if (run.input.now().getTime() < run.renewAt) return;
  run.renewing ??= renewLeases(run).finally(() => {
    run.renewing = undefined;
  });
  await run.renewing;
}

async function renewLeases(run: SendRun): Promise<void> {
  const now = run.input.now();
  const until = new Date(now.getTime() + run.options.leaseMs);
  const byLease = new Map<number, number[]>();
  for (const delivery of run.held.values()) {
    const ids = byLease.get(delivery.leaseUntil.getTime()) ?? [];
    ids.push(delivery.id);
    byLease.set(delivery.leaseUntil.getTime(), ids);
  }
  for (const [heldUntil, ids] of byLease) {
    const renewed = await waitForLock(
      () => run.input.ledger.renewLeases(ids, new Date(heldUntil), until, now),
      run.sleep,
    );
    for (const id of renewed) {
      const delivery = run.held.get(id);
      if (delivery) delivery.leaseUntil = until;
    }
  }
  run.renewAt = now.getTime() + run.options.leaseMs / 2;
}

/** One recipient's message: the issue's, with their fields filled in. */
function prepareFor(run: SendRun, delivery: ClaimedDelivery) {
  return run.template.prepare(recipientParts(run.input, delivery, delivery.messageId), run.buffers);
}

/** Marks a row after a failed hand-over: retried later, failed, or bounced (maybe suppressed). */
async function settleFailure(run: SendRun, delivery: ClaimedDelivery, error: unknown) {
  const { input, options, report } = run;
  const ledger = lockPatient(input.ledger, run.sleep);
  const now = input.now();
  const failure = classifyFailure(error);
  if (failure.kind === "bounced") {
    await ledger.markUnsent(delivery.id, "bounced", failure.reason, now);
    report.bounced++;
    const bounces = await ledger.bounceCount(delivery.email);
    if (bounces >= options.maxBounces)
      await ledger.suppress(delivery.email, `${bounces} hard bounces`, now, "smtp");
    return;
  }
  if (failure.kind !== "retry") {
    await ledger.markUnsent(delivery.id, "failed", failure.reason, now);
    report.failed++;
    return;
  }
  if (failure.isRelayFailure) {
    run.relayFailures.push(delivery.id);
    if (run.relayFailures.length >= options.stopAfterRelayFailures)
      run.stopReason ??= failure.reason;
  } else {
    run.relayFailures = [];
  }
  if (delivery.attempts >= options.retry.maxAttempts) {
    const reason = `gave up after ${delivery.attempts} attempts: ${failure.reason}`;
    await ledger.markUnsent(delivery.id, "failed", reason, now);
    report.failed++;
    return;
  }
  // An API that said how long to wait (Retry-After) is waited for, up to maxDelay.
  const asked = error instanceof TransportError ? (error.retryAfterMs ?? 0) : 0;
  const backoff = retryDelay(delivery.attempts, options.retry, input.random ?? Math.random);
  const wait = Math.min(Math.max(backoff, asked), Math.max(backoff, options.retry.maxDelayMs));
  await ledger.markUnsent(delivery.id, "pending", failure.reason, now, {
    nextAttemptAt: new Date(now.getTime() + wait),
  });
  report.retried++;
  if (wait === 0) run.hasRetryDue = true;
}

async function finish(run: SendRun): Promise<SendReport> {
  const { issue } = run.input;
  const ledger = lockPatient(run.input.ledger, run.sleep);
  const report = run.report;
  const now = run.input.now();
  const counts = await ledger.counts(issue.id);
  const waiting = await ledger.waiting(issue.id, now);
  // Every row this call claimed is settled by now: a live lease is another sender's.
  const elsewhere = await ledger.inFlight(issue.id, now);
  report.skipped = counts.skipped ?? 0;
  report.remaining = (counts.pending ?? 0) + (counts.sending ?? 0);
  report.waiting = waiting.count - elsewhere;
  if (waiting.nextAt) report.nextAttemptAt = waiting.nextAt;
  const sentElsewhere = (counts.sent ?? 0) - run.sentAtStart - report.sent;
  if (sentElsewhere > 0) report.sentElsewhere = sentElsewhere;
  if (elsewhere > 0) report.inFlightElsewhere = elsewhere;
  report.isFinished = report.remaining === 0;
  if (report.isFinished) await ledger.markIssueSent(issue.id, now);
  return report;
}

/** The ledger calls a settling step makes, each waiting out another sender's lock. */
function lockPatient(ledger: SendLedger, sleep: (ms: number) => Promise<void>) {
  const patient =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) =>
      waitForLock(() => call(...args), sleep);
  return {
    markUnsent: patient(ledger.markUnsent.bind(ledger)),
    bounceCount: patient(ledger.bounceCount.bind(ledger)),
    suppress: patient(ledger.suppress.bind(ledger)),
    counts: patient(ledger.counts.bind(ledger)),
    waiting: patient(ledger.waiting.bind(ledger)),
    inFlight: patient(ledger.inFlight.bind(ledger)),
    markIssueSent: patient(ledger.markIssueSent.bind(ledger)),
  };
}

function describeLock(error: unknown): string {
  return `the store stayed locked by another sender (${error instanceof Error ? error.message : String(error)})`;
}

/** With a rate limit, a batch must go out well within its lease, or another sender takes it. */
function batchWithinLease(options: DeliveryOptions, limiter: RateLimiter): number {
  return Math.max(
    1,
    Math.min(options.batchSize, Math.floor(options.leaseMs / 2 / limiter.intervalMs)),
  );
}
