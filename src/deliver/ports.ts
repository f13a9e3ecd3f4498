// What the send engine asks of the store, in its own terms: the store implements this port
// (store.sendLedger) and maps its rows at its boundary; its transactions stay inside it.

/**
 * pending · sending (claimed, with a lease) · sent · failed · bounced · skipped (left the list
 * after the ledger was created and before the send, or suppressed meanwhile).
 */
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed" | "bounced" | "skipped";

/** A ledger row a sender claimed: theirs to send until `leaseUntil`. */
export interface ClaimedDelivery {
  id: number;
  subscriberId: number;
  email: string;
  name: string | null;
  messageId: string;
  /** Counting this claim. */
  attempts: number;
  /** The claim is ours until then; past it another sender may take the row. */
  leaseUntil: Date;
}

/** A subscriber who would get the issue now, for a dry run (which writes no row). */
export interface PendingRecipient {
  subscriberId: number;
  email: string;
  name: string | null;
}

/** A row accepted by the transport, with its reply and an email service's message id. */
export interface SentMark {
  id: number;
  response: string;
  serviceMessageId?: string;
}

/**
 * The send ledger: one row per issue × subscriber, claimed with a lease, marked `sent` only after
 * the transport accepted it. Every method is safe against concurrent senders.
 */
export interface SendLedger {
  /**
   * Claims up to `limit` rows (expired leases first, then pending rows whose retry time came)
   * until now + leaseMs; rows of subscribers who left or were suppressed are settled as skipped.
   */
  claim(
    issueId: number,
    listId: number,
    limit: number,
    now: Date,
    leaseMs: number,
  ): Promise<ClaimedDelivery[]>;
  /** Why this subscriber must not get the message now (left the list, suppressed), or undefined. */
  skipReasonNow(
    listId: number,
    delivery: Pick<ClaimedDelivery, "subscriberId" | "email">,
  ): Promise<string | undefined>;
  markSkipped(id: number, reason: string, now: Date): Promise<void>;
  /** Marks many rows sent in one write: the group commit of a bulk send. */
  markSentMany(rows: SentMark[], now: Date): Promise<void>;
  /** Failed or bounced for good, or pending again (not claimed before `nextAttemptAt`). */
  markUnsent(
    id: number,
    status: "failed" | "bounced" | "pending",
    error: string,
    now: Date,
    options?: { refundAttempt?: boolean; nextAttemptAt?: Date },
  ): Promise<void>;
  /**
   * Extends to `until` the leases of these rows that are still held under `heldUntil` (not
   * claimed meanwhile by another sender); returns the ids it extended.
   */
  renewLeases(ids: number[], heldUntil: Date, until: Date, now: Date): Promise<number[]>;
  /** Puts a claimed row that was never tried back to pending, its attempt un-counted. */
  release(id: number, now: Date): Promise<void>;
  /** Makes rows that failed for the relay's sake claimable again, their attempt un-counted. */
  refund(ids: number[], now: Date): Promise<void>;
  /** Hard bounces of this address across every issue. */
  bounceCount(email: string): Promise<number>;
  /** Puts the address on the suppression list (every list, any case), from `source`. */
  suppress(email: string, reason: string, now: Date, source: string): Promise<void>;
  counts(issueId: number): Promise<Partial<Record<DeliveryStatus, number>>>;
  /** Rows pending now or later, and when the next one is due. */
  waiting(issueId: number, now: Date): Promise<{ count: number; nextAt?: Date }>;
  /** Rows another sender holds with a live lease. */
  inFlight(issueId: number, now: Date): Promise<number>;
  /** `gazette send --pause`: no sender claims the issue's rows while it is set. */
  isPaused(issueId: number): Promise<boolean>;
  /** The issue is sent: no row is left pending or sending. */
  markIssueSent(issueId: number, now: Date): Promise<void>;
  /** For a dry run: who would get the issue now, in subscriber order after `afterSubscriberId`. */
  unsentRecipients(
    issueId: number,
    listId: number,
    afterSubscriberId: number,
    limit: number,
  ): Promise<PendingRecipient[]>;
}
