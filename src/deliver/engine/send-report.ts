/** What one call of sendIssue did, and what is left of the send. */
export interface SendReport {
  /** Accepted by the transport in this call. */
  sent: number;
  failed: number;
  bounced: number;
  /** Rows of the issue settled as skipped (the subscriber left or was suppressed), in all. */
  skipped: number;
  /** Put back to pending after a transient failure in this call. */
  retried: number;
  /** Still pending or in flight after this call. */
  remaining: number;
  /** Of the remaining, those that cannot be claimed yet (a retry time or a lease ahead). */
  waiting: number;
  /** When the first waiting row can be claimed: a later send or run picks it up. */
  nextAttemptAt?: Date;
  isFinished: boolean;
  /** The issue is paused (`gazette send --pause`): this call stopped at a batch boundary. */
  isPaused?: boolean;
  /** Set when the relay itself failed repeatedly (connection, authentication): stopped early. */
  transportError?: string;
  /** Dry run only: messages built (and not sent, nothing recorded). */
  built?: number;
  /** Rows sent by another sender (a concurrent run or worker) while this call ran. */
  sentElsewhere?: number;
  /** Of the remaining, rows another sender holds under a live lease: in its hands, not failed. */
  inFlightElsewhere?: number;
  /** Why this call stopped early leaving the rest to another sender: the store stayed locked. */
  steppedAside?: string;
  /** Batches claimed from the ledger in this call (`gazette worker` and the bench count them). */
  claims?: number;
}

/**
 * Whether nothing is wrong with the send: finished, or everything left is in another sender's
 * hands (issue 14: the loser of two concurrent runs reported failure although the other sent all).
 */
export function isSendSettled(report: SendReport): boolean {
  if (report.isFinished) return true;
  return report.remaining > 0 && report.remaining === (report.inFlightElsewhere ?? 0);
}

/** A report of a call that has sent nothing (yet): every count 0. */
export function noSends(isFinished: boolean): SendReport {
  return {
    sent: 0,
    failed: 0,
    bounced: 0,
    skipped: 0,
    retried: 0,
    remaining: 0,
    waiting: 0,
    isFinished,
  };
}
