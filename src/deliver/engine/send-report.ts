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
  /** Batches claimed from the ledger in this call (`gazette worker` and the bench count them). */
  claims?: number;
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
