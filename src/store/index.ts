import path from "node:path";
import { type Kysely, sql } from "kysely";
import { GazetteError } from "../shared/errors.js";
import { ArticleLookupRepo } from "./article-lookup.js";
import { ArticleTopicRepo } from "./article-topics.js";
import { type ArticleInput, ArticleRepo, type UpsertResult } from "./articles.js";
import { ConsentRepo } from "./consents.js";
import { DeliveryRepo } from "./deliveries.js";
import { FeedRepo, type FetchOutcome } from "./feeds.js";
import { IssueReviewRepo } from "./issue-review.js";
import { IssueRepo } from "./issues.js";
import { migrateToLatest } from "./migrate.js";
import { openSqlite } from "./open-database.js";
import { OverrideRepo } from "./overrides.js";
import { PacingRepo } from "./pacing.js";
import { RunRepo } from "./runs.js";
import { SlotRepo } from "./slots.js";
import { SubscriberRepo } from "./subscribers.js";
import { SuppressionRepo } from "./suppressions.js";
import type { Database } from "./tables.js";

export type { ArticleInput, ArticleRow, ArticleToEnrich, UpsertResult } from "./articles.js";
export type { ConsentRow } from "./consents.js";
export type { ClaimedDelivery, DeliveryFailure } from "./deliveries.js";
export type { ClaimDueOptions, FeedRow, FetchOutcome } from "./feeds.js";
export { createFetchSaver, type FetchSaver } from "./fetch-saver.js";
export { isLockError } from "./is-lock-error.js";
export type { IssueArticleRow, IssueRow } from "./issues.js";
export type { OverrideInput, OverrideRow } from "./overrides.js";
export type { RunRow } from "./runs.js";
export type { ImportCounts, ImportRow, MemberRow, MembershipRow } from "./subscribers.js";
export type { SuppressionRow } from "./suppressions.js";
export type { DeliveryStatus, IssueStatus, MembershipStatus } from "./tables.js";

/** One fetch of a feed to save: what to record of it, and the articles it brought. */
export interface FetchToSave {
  feedId: number;
  outcome: FetchOutcome;
  inputs?: ArticleInput[];
  /** When the articles were stored (default: the fetch's time). */
  now?: Date;
  /** Canonical URLs of the fetch's other items, unchanged and not written (see upsertAll). */
  alsoFetched?: readonly string[];
}

/** Every query Gazette makes, grouped by what it is about. */
export class Store {
  readonly feeds: FeedRepo;
  readonly articles: ArticleRepo;
  readonly issues: IssueRepo;
  readonly subscribers: SubscriberRepo;
  readonly deliveries: DeliveryRepo;
  readonly suppressions: SuppressionRepo;
  readonly consents: ConsentRepo;
  readonly articleTopics: ArticleTopicRepo;
  readonly runs: RunRepo;
  readonly slots: SlotRepo;
  readonly review: IssueReviewRepo;
  readonly overrides: OverrideRepo;
  readonly articleLookup: ArticleLookupRepo;
  readonly pacing: PacingRepo;

  constructor(readonly db: Kysely<Database>) {
    this.feeds = new FeedRepo(db);
    this.articles = new ArticleRepo(db);
    this.issues = new IssueRepo(db);
    this.subscribers = new SubscriberRepo(db);
    this.deliveries = new DeliveryRepo(db);
    this.suppressions = new SuppressionRepo(db);
    this.consents = new ConsentRepo(db);
    this.articleTopics = new ArticleTopicRepo(db);
    this.runs = new RunRepo(db);
    this.slots = new SlotRepo(db);
    this.review = new IssueReviewRepo(db);
    this.overrides = new OverrideRepo(db);
    this.articleLookup = new ArticleLookupRepo(db);
    this.pacing = new PacingRepo(db);
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
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // pg is loaded only here: importing it costs a SQLite user ~0.1 s at every command.
    const { openPostgres } = await import("./open-postgres.js");
    if (options.schema) await createSchema(url, options.schema);
    const db = openPostgres(url, { schema: options.schema });
    await migrateToLatest(db as Kysely<unknown>, options.schema);
    return new Store(db);
  }
  if (url)
    throw new GazetteError(
      "CONFIG_INVALID",
      `DATABASE_URL: "${url.split("@").pop()}" is not a postgres:// URL`,
    );
  const db = openSqlite(dataDir === ":memory:" ? ":memory:" : path.join(dataDir, "gazette.db"));
  await migrateToLatest(db as Kysely<unknown>);
  return new Store(db);
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
  } finally {
    await db.destroy();
  }
}
