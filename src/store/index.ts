import path from "node:path";
import type { Kysely } from "kysely";
import { ArticleRepo } from "./articles.js";
import { DeliveryRepo } from "./deliveries.js";
import { FeedRepo } from "./feeds.js";
import { IssueRepo } from "./issues.js";
import { migrateToLatest } from "./migrate.js";
import { openSqlite } from "./open-database.js";
import { RunRepo } from "./runs.js";
import { SubscriberRepo } from "./subscribers.js";
import type { Database } from "./tables.js";

export type { ArticleInput, ArticleRow, UpsertResult } from "./articles.js";
export type { ClaimedDelivery } from "./deliveries.js";
export type { FeedRow, FetchOutcome } from "./feeds.js";
export type { IssueArticleRow, IssueRow } from "./issues.js";
export type { RunRow } from "./runs.js";
export type { MemberRow } from "./subscribers.js";
export type { DeliveryStatus, IssueStatus, MembershipStatus } from "./tables.js";

/** Every query Gazette makes, grouped by what it is about. */
export class Store {
  readonly feeds: FeedRepo;
  readonly articles: ArticleRepo;
  readonly issues: IssueRepo;
  readonly subscribers: SubscriberRepo;
  readonly deliveries: DeliveryRepo;
  readonly runs: RunRepo;

  constructor(readonly db: Kysely<Database>) {
    this.feeds = new FeedRepo(db);
    this.articles = new ArticleRepo(db);
    this.issues = new IssueRepo(db);
    this.subscribers = new SubscriberRepo(db);
    this.deliveries = new DeliveryRepo(db);
    this.runs = new RunRepo(db);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** Opens the SQLite store in `dataDir` (gazette.db) and migrates it to the newest schema. */
export async function openStore(dataDir: string): Promise<Store> {
  const db = openSqlite(dataDir === ":memory:" ? ":memory:" : path.join(dataDir, "gazette.db"));
  await migrateToLatest(db as Kysely<unknown>);
  return new Store(db);
}
