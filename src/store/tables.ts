import type { Generated } from "kysely";
import type { MailEventKind, MembershipStatus } from "../audience/ports.js";
import type { IssueArticleKind, IssueStatus } from "../compose/ports.js";
import type { DeliveryStatus } from "../deliver/ports.js";

// Timestamps are ISO-8601 UTC strings (`Date#toISOString`): they sort as text in both SQLite and
// PostgreSQL. JSON columns hold arrays of strings, serialized by the store.

export interface FeedsTable {
  id: Generated<number>;
  url: string;
  name: string | null;
  title: string | null;
  site_url: string | null;
  tags: string;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_status: string | null;
  last_error: string | null;
  consecutive_errors: Generated<number>;
  item_count: Generated<number>;
  created_at: string;
  /** Where a 301/308 moved the feed; fetched instead of `url`, which stays the feed's identity. */
  current_url: string | null;
  /** Not fetched before this time (max-age, Retry-After, error backoff) unless forced. */
  next_fetch_at: string | null;
  /** Set when the feed answered 410 Gone: never fetched again. */
  retired_at: string | null;
  max_age_seconds: number | null;
  /** JSON array: what collect remembers of the items of the last successful fetch (KnownItem). */
  item_fingerprints: string | null;
  /** A worker's claim on the feed while it fetches it; claimable again once this passes. */
  lease_until: string | null;
  lease_owner: string | null;
}

export interface ArticlesTable {
  id: Generated<number>;
  feed_id: number;
  canonical_url: string;
  url: string;
  guid: string | null;
  title: string;
  author: string | null;
  published_at: string | null;
  first_seen_at: string;
  updated_at: string;
  content_html: string;
  content_text: string;
  categories: string;
  content_hash: string;
  image_url: string | null;
  /** Hash of the item as the feed carried it; differs from content_hash after full-text extraction. */
  feed_hash: string | null;
  /** A worker's claim on the article while it summarizes it; claimable again once this passes. */
  enrich_lease_until: string | null;
  /** ISO 639-1 code detected at enrich time; null until then or when undecided. */
  language: string | null;
}

export interface EnrichmentsTable {
  id: Generated<number>;
  article_id: number;
  content_hash: string;
  summarizer: string;
  summary: string;
  why: string;
  tags: string;
  category: string;
  read_minutes: number;
  created_at: string;
  /** How the summary and why were chosen (e.g. "thesis+outcome", "fallback"); null for old rows. */
  method: string | null;
  /** 0–1: how sure the summarizer is of the entry; null for old rows. */
  confidence: number | null;
  /** JSON {summary: string[], why: string[]}: the article's sentences each field came from. */
  sources: string | null;
}

export interface ListsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: string;
}

export interface SubscribersTable {
  id: Generated<number>;
  /** The address as first written, for display and sending. */
  email: string;
  /** The address's identity (emailKey: composed, lowercased); unique. */
  email_key: string;
  name: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  list_id: number;
  subscriber_id: number;
  status: MembershipStatus;
  source: string;
  created_at: string;
  updated_at: string;
  /** JSON array of the topics the subscriber wants from this list; null: every topic. */
  topics: string | null;
}

export type { MembershipStatus };

export interface IssuesTable {
  id: Generated<number>;
  list_id: number;
  number: number;
  period_start: string;
  period_end: string;
  status: IssueStatus;
  subject: string;
  created_at: string;
  sent_at: string | null;
  /** Set by `gazette send --pause`: no sender claims the issue's rows until it is cleared. */
  paused_at: string | null;
  /** Set by `gazette issue approve`: a list in review mode sends only approved issues. */
  approved_at: string | null;
  /** The editor's words for this issue; the list's standing intro when null. */
  intro: string | null;
  /** Set by `gazette issue cancel`: when the issue was stopped, and the operator's reason. */
  cancelled_at: string | null;
  cancel_reason: string | null;
}

/**
 * draft: composed, not yet sending · sending: ledger created · sent: no row left pending/sending ·
 * cancelled: stopped by `gazette issue cancel`; its unsent rows are skipped, it is never resumed.
 */
export type { IssueStatus };

export interface IssueArticlesTable {
  issue_id: number;
  article_id: number;
  position: number;
  /** card · also ("Also published") · merged ("Also covered by") · repeat (sent before). */
  kind: Generated<IssueArticleKind>;
  /** merged: the card's article; repeat: the earlier issue's article on the same story. */
  story_of: number | null;
}

export type { IssueArticleKind };

export interface DeliveriesTable {
  id: Generated<number>;
  issue_id: number;
  subscriber_id: number;
  email: string;
  status: DeliveryStatus;
  attempts: number;
  message_id: string;
  smtp_response: string | null;
  error: string | null;
  lease_until: string | null;
  /** A row put back to pending after a transient failure is not claimed before this time. */
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** The id an email service gave the message (SES, Postmark, Resend), to match its events. */
  service_message_id: string | null;
}

// Declared by the send engine's port; the column holds exactly these.
export type { DeliveryStatus };

/** Addresses no list ever sends to again (hard bounces, complaints, manual). */
export interface SuppressionsTable {
  /** The address's key (emailKey), so that one row covers every spelling. */
  email: string;
  reason: string;
  created_at: string;
  /** What caused it: bounce, complaint, operator, import… (null: rows older than migration 016). */
  source: string | null;
}

/** A bounce, complaint or unsubscribe that came back, by any route (see applyMailEvent). */
export interface MailEventsTable {
  id: Generated<number>;
  /** source + the event's own id: reading the same message twice records it once. */
  event_key: string | null;
  /** The route: inbox, mailto, link, one-click, smtp, ses, postmark, resend, operator. */
  source: string;
  kind: MailEventKind;
  /** emailKey of the address, when known. */
  email: string | null;
  delivery_id: number | null;
  list_id: number | null;
  /** RFC 3463 status, when the event carries one. */
  status: string | null;
  detail: string | null;
  /** What it changed: see MailEventOutcome. */
  outcome: string;
  created_at: string;
}

export type { MailEventKind };

/** Consent to a list given through a form, kept as proof; confirmed once by its emailed link. */
export interface ConsentsTable {
  id: Generated<number>;
  subscriber_id: number;
  list_id: number;
  form: string;
  ip: string;
  user_agent: string;
  nonce: string;
  created_at: string;
  expires_at: string;
  confirmed_at: string | null;
  /**
   * mailboxKey of the subscriber's address: the signup form's confirmation limits count a
   * mailbox's consents by it. Null only on a store whose migration 020 has not yet run.
   */
  mailbox_key: string | null;
}

export interface RunsTable {
  id: Generated<number>;
  command: string;
  list_slug: string | null;
  started_at: string;
  finished_at: string | null;
  status: "running" | "ok" | "partial" | "failed";
  report: string | null;
}

export interface ScheduleSlotsTable {
  list_slug: string;
  /** The cron instant (UTC ISO) this row stands for. */
  slot: string;
  status: "running" | "done" | "failed" | "missed";
  owner: string;
  claimed_at: string;
  lease_until: string;
  finished_at: string | null;
  note: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  feeds: FeedsTable;
  articles: ArticlesTable;
  enrichments: EnrichmentsTable;
  lists: ListsTable;
  subscribers: SubscribersTable;
  memberships: MembershipsTable;
  issues: IssuesTable;
  issue_articles: IssueArticlesTable;
  deliveries: DeliveriesTable;
  suppressions: SuppressionsTable;
  consents: ConsentsTable;
  runs: RunsTable;
  settings: SettingsTable;
  schedule_slots: ScheduleSlotsTable;
  article_overrides: ArticleOverridesTable;
  send_pacing: SendPacingTable;
  subscriber_aliases: SubscriberAliasesTable;
  events: EventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  service_event_rejections: ServiceEventRejectionsTable;
  mail_events: MailEventsTable;
}

/** Something that happened, kept while a webhook wants its type. data: JSON object. */
export interface EventsTable {
  id: Generated<number>;
  type: string;
  data: string;
  occurred_at: string;
}

/** One event posted to one webhook URL: the outgoing log, with its retries. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  event_id: number;
  url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** Not posted before this time (the backoff after a failed attempt). */
  next_attempt_at: string;
  /** A dispatcher's claim while it posts; claimable again once this passes. */
  lease_until: string | null;
  /** The receiver's last HTTP status; null after a network error or timeout. */
  response_status: number | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export type WebhookDeliveryStatus = "pending" | "sending" | "sent" | "failed";

/** Requests to the event endpoints that were refused, counted per service and reason. */
export interface ServiceEventRejectionsTable {
  service: string;
  reason: string;
  count: number;
  last_at: string;
}

/** A subscriber merged into another (same address, another case): old links reach the survivor. */
export interface SubscriberAliasesTable {
  subscriber_id: number;
  survivor_id: number;
  /** The merged address as it was written. */
  email: string;
  merged_at: string;
}

/** A rate limit shared by every worker: the next free send slot, in epoch milliseconds. */
export interface SendPacingTable {
  name: string;
  next_at: number;
}

/** An editor's corrections; null fields fall through to the enrichment. tags: JSON array. */
export interface ArticleOverridesTable {
  article_id: number;
  summary: string | null;
  why: string | null;
  tags: string | null;
  /** 1: kept out of issues not yet sent. */
  dropped: number;
  updated_at: string;
}
