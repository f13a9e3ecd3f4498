import type { Recipient, RenderedMessage } from "../render/types.js";
import { describeError, isGazetteError } from "../shared/errors.js";
import type { ClaimedDelivery, Store } from "../store/index.js";
import { SmtpError } from "./smtp-error.js";
import type { Mailer, OutgoingMessage } from "./types.js";

export interface SendReport {
  /** Accepted by the transport in this call. */
  sent: number;
  failed: number;
  bounced: number;
  skipped: number;
  /** Still pending or in flight after this call (transient failures left for the next run). */
  remaining: number;
  isFinished: boolean;
  /** Set when the transport itself failed (connection, authentication): the send stopped early. */
  transportError?: string;
}

export interface SendIssueInput {
  store: Store;
  mailer: Mailer;
  issue: { id: number; listId: number };
  /** Fills one subscriber's fields into the issue compiled once. */
  fill: (recipient: Recipient) => RenderedMessage;
  /** The per-message envelope: everything but the body. */
  envelope: (
    delivery: ClaimedDelivery,
  ) => Omit<OutgoingMessage, "subject" | "html" | "text" | "to" | "messageId">;
  unsubscribeUrl: (subscriberId: number) => string;
  now: () => Date;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
}

type Outcome = "sent" | "failed" | "bounced" | "retry" | { stop: string };

// RFC 5321 reply codes that say the mailbox itself is bad: a bounce, not a failure of this send.
const RECIPIENT_ERRORS = new Set([550, 551, 553]);

/**
 * Sends an issue from its ledger. Order per batch: claim (rows → sending, with a lease) → send
 * each → mark each row sent right after the transport accepted it. The issue becomes `sent` only
 * when no row is pending or sending.
 */
export async function sendIssue(input: SendIssueInput): Promise<SendReport> {
  const { store, issue } = input;
  const report: SendReport = {
    sent: 0,
    failed: 0,
    bounced: 0,
    skipped: 0,
    remaining: 0,
    isFinished: false,
  };
  const maxAttempts = input.maxAttempts ?? 3;
  while (!report.transportError) {
    const batch = await store.deliveries.claim(
      issue.id,
      issue.listId,
      input.batchSize ?? 50,
      input.now(),
      input.leaseMs ?? 10 * 60_000,
    );
    if (batch.length === 0) break;
    for (const [index, delivery] of batch.entries()) {
      const outcome = await sendOne(input, delivery, maxAttempts);
      if (typeof outcome === "object") {
        report.transportError = outcome.stop;
        // Give the rest of the batch back untried: every other message would fail the same way.
        for (const rest of batch.slice(index + 1))
          await store.deliveries.release(rest.id, input.now());
        break;
      }
      if (outcome !== "retry") report[outcome]++;
    }
  }
  const counts = await store.deliveries.counts(issue.id);
  report.skipped = counts.skipped ?? 0;
  report.remaining = (counts.pending ?? 0) + (counts.sending ?? 0);
  report.isFinished = report.remaining === 0;
  if (report.isFinished) await store.issues.setStatus(issue.id, "sent", input.now());
  return report;
}

async function sendOne(
  input: SendIssueInput,
  delivery: ClaimedDelivery,
  maxAttempts: number,
): Promise<Outcome> {
  const { store } = input;
  try {
    const body = input.fill({
      email: delivery.email,
      name: delivery.name ?? undefined,
      unsubscribeUrl: input.unsubscribeUrl(delivery.subscriber_id),
    });
    const result = await input.mailer.send({
      ...input.envelope(delivery),
      ...body,
      to: delivery.email,
      messageId: delivery.message_id,
    });
    await store.deliveries.markSent(delivery.id, result.response, input.now());
    return "sent";
  } catch (error) {
    const reason = describeError(error);
    if (error instanceof SmtpError && error.isTransportFailure) {
      // Not this recipient's fault: the row goes back with this attempt un-counted.
      await store.deliveries.markUnsent(delivery.id, "pending", reason, input.now(), {
        refundAttempt: true,
      });
      return { stop: reason };
    }
    if (isGazetteError(error, "SMTP_TRANSIENT") && delivery.attempts < maxAttempts) {
      await store.deliveries.markUnsent(delivery.id, "pending", reason, input.now());
      return "retry";
    }
    const code = error instanceof SmtpError ? error.responseCode : undefined;
    const status = code !== undefined && RECIPIENT_ERRORS.has(code) ? "bounced" : "failed";
    await store.deliveries.markUnsent(delivery.id, status, reason, input.now());
    return status;
  }
}
