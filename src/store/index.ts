import { existsSync } from "node:fs";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import type { AudienceStore, MembershipLedger } from "../audience/ports.js";
import type { ArticleChoices, IssueDrafts } from "../compose/ports.js";
import type { SendLedger } from "../deliver/ports.js";
import type { ServiceEventLog, WebhookOutbox } from "../inbox/ports.js";
import type { ArticleSink, FeedClaims } from "../ingest/ports.js";
import type { EditorReview } from "../review/ports.js";
import { GazetteError } from "../shared/errors.js";
import { schemeHint } from "../shared/scheme-hint.js";
import { createArticleChoices } from "./article-choices.js";
import { ArticleLookupRepo } from "./article-lookup.js";
import { createArticleSink } from "./article-sink.js";
import { ArticleTopicRepo } from "./article-topics.js";
import { ArticleRepo, type UpsertResult } from "./articles.js";
import { createAudienceStore } from "./audience-store.js";
import { ConsentRepo } from "./consents.js";
import { DeliveryRepo } from "./deliveries.js";
import { createEditorReview } from "./editor-review.js";
import { EnrichmentRepo } from "./enrichments.js";
import { EventRepo } from "./events.js";
import { FeedRepo } from "./feeds.js";
import { createServiceEventLog, createWebhookOutbox } from "./inbox-ports.js";
import { createIssueDrafts } from "./issue-drafts.js";
import { IssueReviewRepo } from "./issue-review.js";
import { IssueRepo } from "./issues.js";
import { MailEventRepo } from "./mail-events.js";
import { migrateToLatest } from "./migrate.js";
import { openSqlite } from "./open-database.js";
import { OverrideRepo } from "./overrides.js";
import { PacingRepo } from "./pacing.js";
import { RunRepo } from "./runs.js";
import { createSendLedger } from "./send-ledger.js";
import { ServiceEventRejectionRepo } from "./service-event-rejections.js";
import { SlotRepo } from "./slots.js";
import { SubscriberRepo } from "./subscribers.js";
import { SuppressionRepo } from "./suppressions.js";
import type { Database } from "./tables.js";
import { WebhookDeliveryRepo } from "./webhook-deliveries.js";

export type { ArticleInput, ArticleRow, UpsertResult } from "./articles.js";
export type { ConsentRow } from "./consents.js";
export type { DeliveryFailure, DeliveryMatch } from "./deliveries.js";
export {
  EVENT_TYPES,
  type EventData,
  type EventType,
  type WebhookTarget,
} from "./events.js";
export type { ClaimDueOptions, FeedRow, FetchOutcome } from "./feeds.js";
export { createFetchSaver, type FetchSaver, type FetchToSave } from "./fetch-saver.js";

import type { FetchToSave } from "./fetch-saver.js";

export { isLockError } from "./is-lock-error.js";
export type {
  MailEventCount,
  MailEventOutcome,
  MailEventResult,
  MailEventWrite,
} from "./mail-events.js";
export type { OverrideInput, OverrideRow } from "./overrides.js";
export type { RunRow } from "./runs.js";
export type { MemberRow, MembershipRow } from "./subscribers.js";
export type { SuppressionRow } from "./suppressions.js";
export type {
  DeliveryStatus,
  IssueArticleKind,
  IssueStatus,
  MailEventKind,
  MembershipStatus,
  WebhookDeliveryStatus,
} from "./tables.js";
export type { WebhookLogRow } from "./webhook-deliveries.js";

/** Every query Gazette makes, grouped by what it is about. */
export class Store {
  readonly feeds: FeedRepo;
  readonly articles: ArticleRepo;
  /** The enrich stage's port (EnrichmentStore, EnrichmentClaims). */
  readonly enrichments: EnrichmentRepo;
  readonly issues: IssueRepo;
  readonly subscribers: SubscriberRepo;
  readonly deliveries: DeliveryRepo;
  /** Collect's port (src/ingest/ports.ts). */
  readonly articleSink: ArticleSink & FeedClaims;
  /** Compose's port for choosing articles (src/compose/ports.ts). */
  readonly articleChoices: ArticleChoices;
  /** Compose's port for its issues (src/compose/ports.ts). */
  readonly issueDrafts: IssueDrafts;
  /** The audience's port for exports, the subscribers file and suppressions (src/audience/ports.ts). */
  /** Also the membership rules' and applyMailEvent's port. */
  readonly audience: AudienceStore & MembershipLedger;
  /** The send engine's port (src/deliver/ports.ts). */
  readonly sendLedger: SendLedger;
  readonly suppressions: SuppressionRepo;
  readonly consents: ConsentRepo;
  readonly articleTopics: ArticleTopicRepo;
  readonly runs: RunRepo;
  readonly slots: SlotRepo;
  readonly review: IssueReviewRepo;
  readonly overrides: OverrideRepo;
  /** The editor's review's port (src/review/ports.ts). */
  readonly editorReview: EditorReview;
  readonly articleLookup: ArticleLookupRepo;
  readonly pacing: PacingRepo;
  /** What happened, for the webhooks; `events.configure` says which webhooks listen. */
  readonly events: EventRepo;
  readonly webhookDeliveries: WebhookDeliveryRepo;
  /** The webhook dispatcher's port (src/inbox/ports.ts). */
  readonly webhookOutbox: WebhookOutbox;
  /** The email-service event endpoints' port (src/inbox/ports.ts). */
  readonly serviceEventLog: ServiceEventLog;
  /** Requests to the email-service event endpoints that were refused, counted. */
  readonly serviceEventRejections: ServiceEventRejectionRepo;
  /** Where a new database was created by opening this store (else undefined), for the operator. */
  created: string | undefined;
  readonly mailEvents: MailEventRepo;

  constructor(readonly db: Kysely<Database>) {
    this.events = new EventRepo(db);
    this.webhookDeliveries = new WebhookDeliveryRepo(db);
    this.serviceEventRejections = new ServiceEventRejectionRepo(db);
    this.feeds = new FeedRepo(db);
    this.articles = new ArticleRepo(db);
    this.enrichments = new EnrichmentRepo(db);
    this.issues = new IssueRepo(db, this.events);
    this.subscribers = new SubscriberRepo(db, this.events);
    this.deliveries = new DeliveryRepo(db, this.events);
    this.suppressions = new SuppressionRepo(db);
    this.consents = new ConsentRepo(db);
    this.articleTopics = new ArticleTopicRepo(db);
    this.runs = new RunRepo(db);
    this.slots = new SlotRepo(db);
    this.review = new IssueReviewRepo(db);
    this.overrides = new OverrideRepo(db);
    this.articleLookup = new ArticleLookupRepo(db);
    this.pacing = new PacingRepo(db);
    this.mailEvents = new MailEventRepo(db, this.events);
    this.articleSink = createArticleSink(this.feeds, this.articles, (fetches) =>
      this.saveFetches(fetches),
    );
    this.articleChoices = createArticleChoices(
      this.feeds,
      this.articles,
      this.articleTopics,
      this.issues,
    );
    this.issueDrafts = createIssueDrafts(
      this.issues,
      this.feeds,
      this.articles,
      this.articleLookup,
      this.overrides,
    );
    this.audience = createAudienceStore(this);
    this.sendLedger = createSendLedger(this.deliveries, this.issues, this.suppressions);
    this.editorReview = createEditorReview(this.review, this.overrides);
    this.webhookOutbox = createWebhookOutbox(this.webhookDeliveries);
    this.serviceEventLog = createServiceEventLog(this.serviceEventRejections, this.deliveries);
  }

  /**
   * Fetches of feeds in one transaction, in order: each one's articles upserted as
   * ArticleRepo.upsertAll does, then its fetch recorded as FeedRepo.recordFetch does. Returns
   * each fetch's upsert results. See createFetchSaver for one commit per group of feeds.
   */
  saveFetches(fetches: readonly FetchToSave[]): Promise<UpsertResult[][]> {
    return this.db.transaction().execute(async (trx) => {
      const articles = this.articles.within(trx);
      const feeds = this.feeds.within(trx);
      const results: UpsertResult[][] = [];
      for (const {
        feedId,
        outcome,
        inputs = [],
        now = outcome.fetchedAt,
        alsoFetched = [],
      } of fetches) {
        results.push(inputs.length > 0 ? await articles.upsertBatch(inputs, now, alsoFetched) : []);
        await feeds.recordFetch(feedId, outcome);
      }
      return results;
    });
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

export interface StoreOptions {
  /** postgres://… selects PostgreSQL (DATABASE_URL); otherwise SQLite in `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL only: keep every table in this schema (created if missing). */
  schema?: string;
}

/**
 * Opens the store and migrates it to the newest schema: SQLite (`dataDir`/gazette.db, WAL) by
 * default, PostgreSQL when a postgres:// URL is given.
 */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl;
  // The URL holds the database password: an error shows no more of it than its scheme.
  if (url && (!/^postgres(ql)?:\/\//.test(url) || !URL.canParse(url)))
    throw new GazetteError(
      "CONFIG_INVALID",
      `DATABASE_URL: not a valid postgres:// URL${schemeHint(url)}; the value is not shown, as it may hold a password`,
    );
  if (url) {
    // pg is loaded only here: importing it costs a SQLite user ~0.1 s at every command.
    const { openPostgres } = await import("./open-postgres.js");
    if (options.schema) await createSchema(url, options.schema);
    const db = openPostgres(url, { schema: options.schema });
    let applied: string[];
    try {
      applied = await migrateToLatest(db as Kysely<unknown>, options.schema);
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw explainConnectFailure(url, error) ?? error;
    }
    const store = new Store(db);
    if (applied.includes("001-initial"))
      store.created = `${describePostgres(url)}${options.schema ? ` (schema ${options.schema})` : ""}`;
    return store;
  }
  const file = dataDir === ":memory:" ? ":memory:" : path.join(dataDir, "gazette.db");
  // A command run with the wrong --config or from the wrong folder would otherwise answer from
  // an empty database as if it were the real one ("no subscribers"): saying so shows the slip.
  const isNew = file !== ":memory:" && !existsSync(file);
  const db = openSqlite(file);
  await migrateToLatest(db as Kysely<unknown>);
  const store = new Store(db);
  if (isNew) store.created = file;
  return store;
}

/** `postgres://host:port/db` without the user and password. */
export function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.host}${parsed.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

async function createSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new GazetteError(
      "CONFIG_INVALID",
      `schema "${schema}": use lowercase letters, digits and _`,
    );
  const { openPostgres } = await import("./open-postgres.js");
  const db = openPostgres(url);
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    throw explainConnectFailure(url, error) ?? error;
  } finally {
    await db.destroy();
  }
}

// What node's net module and PostgreSQL say when the server cannot be reached or refuses us.
const CONNECT_FAILURES: Record<string, string> = {
  ECONNREFUSED: "the connection was refused: is PostgreSQL running and listening there?",
  ENOTFOUND: "no such host",
  EAI_AGAIN: "the host name could not be resolved",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host cannot be reached",
  "28P01": "the password was refused",
  "28000": "the server refused this user",
  "3D000": "the database does not exist",
};

/** A STORE_FAILED error saying why PostgreSQL could not be reached, or undefined for others. */
function explainConnectFailure(url: string, error: unknown): GazetteError | undefined {
  // The migration wraps the driver's error; an AggregateError holds one per address tried.
  let reason: string | undefined;
  for (let cause = error; cause instanceof Error && !reason; cause = cause.cause) {
    const inner = cause instanceof AggregateError ? cause.errors[0] : cause;
    const code = (inner as NodeJS.ErrnoException).code;
    reason = code && !(inner instanceof GazetteError) ? CONNECT_FAILURES[code] : undefined;
  }
  if (!reason) return undefined;
  return new GazetteError(
    "STORE_FAILED",
    `cannot connect to ${describePostgres(url)}: ${reason} (check DATABASE_URL)`,
    { cause: error },
  );
}

export type { ArticleSummaryRow } from "./article-lookup.js";
export { changeSignature } from "./change-signature.js";
export { readStringArray } from "./json.js";
export type { SubscriberRow } from "./subscribers.js";
