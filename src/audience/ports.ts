// What the audience import asks of the store, in its own terms: the store implements this port
// (store.subscribers) and keeps the import's transaction inside it.

/** A membership's status on one list. */
export type MembershipStatus = "pending" | "active" | "unsubscribed" | "bounced" | "complained";

/** One address to import: its lists by number, the status a new membership gets. */
export interface ImportRow {
  email: string;
  name?: string;
  /** List numbers (ctx.listNumbers), not slugs. */
  listIds: number[];
  status: MembershipStatus;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** The store as an import uses it. */
export interface SubscriberImport {
  /**
   * Applies every batch in one transaction — all or nothing; with `dryRun` it counts and then
   * rolls back. New subscribers are inserted, names updated, missing memberships added with the
   * row's status; existing memberships keep theirs (nobody is re-subscribed). Rows are matched by
   * address key; a batch holds each key once.
   */
  importBatches(
    batches: AsyncIterable<ImportRow[]>,
    options: { source: string; now: Date; dryRun?: boolean },
  ): Promise<ImportCounts>;
}

/** A membership as an export writes it. */
export interface ExportedMember {
  /** The list number. */
  listId: number;
  subscriberId: number;
  email: string;
  name: string | null;
  /** The list slug. */
  listSlug: string;
  status: MembershipStatus;
}

/** A membership that one source (the subscribers file) added. */
export interface SourcedMembership {
  /** The list number. */
  listId: number;
  subscriberId: number;
  email: string;
}

/** An address no list sends to. */
export interface Suppression {
  /** The address's key (emailKey). */
  email: string;
  reason: string;
  /** What caused it: bounce, complaint, operator, import…; null for rows older than the column. */
  source: string | null;
  /** When, as stored (ISO-8601 UTC). */
  createdAt: string;
}

/** The store as the audience's exports, the subscribers file sync and the suppression list use it. */
export interface AudienceStore {
  /**
   * A page of memberships (of one list, or all) after `cursor`, ordered by list number then
   * subscriber id: an export reads every row without holding them all.
   */
  membersAfter(
    cursor: { listId: number; subscriberId: number } | undefined,
    limit: number,
    listId?: number,
  ): Promise<ExportedMember[]>;
  /** The memberships the source added. */
  membershipsFrom(source: string): Promise<SourcedMembership[]>;
  /** Ends one membership; true when there was one. */
  removeMembership(listId: number, subscriberId: number): Promise<boolean>;
  /** Suppresses the address on every list; false when it already was (its first reason stays). */
  suppress(email: string, reason: string, now: Date, source: string): Promise<boolean>;
  /** Every suppression, by address. */
  suppressions(): Promise<Suppression[]>;
}

/** delivered: an email service says the receiving server took the message (recorded only). */
export type MailEventKind =
  | "hard-bounce"
  | "soft-bounce"
  | "complaint"
  | "unsubscribe"
  | "delivered";

/** One event to record and apply, already tied (or not) to a delivery and a subscriber. */
export interface MailEventWrite {
  /** source + the event's own id; a second event with the same key changes nothing. */
  eventKey?: string;
  source: string;
  kind: MailEventKind;
  email?: string;
  /** The Message-ID Gazette sent, with or without angle brackets. */
  messageId?: string;
  deliveryId?: number;
  /** For an unsubscribe by token: the one membership it ends. */
  listId?: number;
  subscriberId?: number;
  status?: string;
  detail?: string;
  at: Date;
  /** Hard bounces (over every issue and route) after which the address is suppressed. */
  maxBounces: number;
}

/**
 * What an event changed. duplicate: already recorded · unknown: it names no delivery and no
 * address Gazette knows · suppressed · counted: a hard bounce below maxBounces · recorded: a soft
 * bounce · unsubscribed · not-a-member: an unsubscribe from someone on no list.
 */
export type MailEventOutcome =
  | "duplicate"
  | "unknown"
  | "suppressed"
  | "counted"
  | "recorded"
  | "unsubscribed"
  | "not-a-member";

export interface MailEventResult {
  outcome: MailEventOutcome;
  email?: string;
  deliveryId?: number;
  /** Memberships whose status changed (unsubscribed, complained). */
  memberships: number;
  /** Hard bounces counted for the address, this one included. */
  bounces?: number;
}

/** The store as applyMailEvent uses it: the event and its effect are written in one transaction. */
export interface MailEventLedger {
  /** The delivery of the issue to the subscriber, by its id; undefined when there is none. */
  deliveryIdOf(issueId: number, subscriberId: number): Promise<number | undefined>;
  /** Records the event and applies its effect, in one transaction (see MailEvent). */
  applyMailEvent(write: MailEventWrite): Promise<MailEventResult>;
}

/** A consent to record: proof of a form's request, confirmed once by its emailed link. */
export interface ConsentToRecord {
  subscriberId: number;
  /** mailboxKey of the subscriber's address: the signup limits count a mailbox's consents. */
  mailboxKey: string;
  /** The list number. */
  listId: number;
  form: string;
  ip: string;
  userAgent: string;
  nonce: string;
  now: Date;
  expiresAt: Date;
}

/** The store as the membership rules (signup, confirm, unsubscribe, preferences) use it. */
export interface MembershipLedger extends MailEventLedger {
  /**
   * Runs `work` in one store transaction, with this ledger on it: every change it makes commits
   * together or not at all (a confirmation never uses up its link without activating). `work`
   * must use only the ledger it is given; a nested call joins the outer transaction.
   */
  atomically<T>(work: (ledger: MembershipLedger) => Promise<T>): Promise<T>;
  isSuppressed(email: string): Promise<boolean>;
  /** The subscriber with this address, added when new. */
  subscriberIdOf(email: string, now: Date): Promise<number>;
  /** The subscriber's memberships: list number and status. */
  membershipsOf(subscriberId: number): Promise<{ listId: number; status: MembershipStatus }[]>;
  /** Adds the membership; an existing one keeps its status unless `force`. */
  join(
    listId: number,
    subscriberId: number,
    options: { status: MembershipStatus; source: string; now: Date; force?: boolean },
  ): Promise<void>;
  /** Records a consent; returns its id. */
  recordConsent(consent: ConsentToRecord): Promise<number>;
  removeConsent(id: number): Promise<void>;
  /**
   * Consents given through `form` after `since` for any address of the mailbox (mailboxKey: all
   * its `+tag` and Gmail dot spellings, on any list), by whichever process recorded them.
   */
  countMailboxConsentsSince(mailboxKey: string, form: string, since: Date): Promise<number>;
  /** Marks the consent with this nonce confirmed; false when it already was (or is unknown). */
  confirmConsent(nonce: string, now: Date): Promise<boolean>;
  /** The topics the subscriber wants from the list (null: every topic). */
  setTopics(
    listId: number,
    subscriberId: number,
    topics: string[] | null,
    now: Date,
  ): Promise<void>;
}
