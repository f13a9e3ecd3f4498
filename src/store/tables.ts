import type { Generated } from "kysely";

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
}

export interface ListsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: string;
}

export interface SubscribersTable {
  id: Generated<number>;
  email: string;
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
}

export type MembershipStatus = "pending" | "active" | "unsubscribed" | "bounced" | "complained";

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
}

/** draft: composed, not yet sending · sending: ledger created · sent: no row left pending/sending. */
export type IssueStatus = "draft" | "sending" | "sent";

export interface IssueArticlesTable {
  issue_id: number;
  article_id: number;
  position: number;
}

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
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** skipped: the subscriber left the list after the ledger was created and before the send. */
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed" | "bounced" | "skipped";

export interface RunsTable {
  id: Generated<number>;
  command: string;
  list_slug: string | null;
  started_at: string;
  finished_at: string | null;
  status: "running" | "ok" | "partial" | "failed";
  report: string | null;
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
  runs: RunsTable;
  settings: SettingsTable;
}
