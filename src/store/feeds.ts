import { type Expression, type Kysely, type Selectable, type SqlBool, sql } from "kysely";
import type { FetchOutcome } from "../ingest/ports.js";
import { chunksOf } from "./chunks-of.js";
import { isPostgres } from "./dialect.js";
import { prepareQuery } from "./prepared-query.js";
import type { Database, FeedsTable } from "./tables.js";

/** A feed as collect, workers and `gazette feeds` see it: every column but its known items. */
export type FeedRow = Omit<Selectable<FeedsTable>, "item_fingerprints">;
export type { FetchOutcome };

// item_fingerprints is read only for the feed being parsed (FeedRepo.knownItems): hundreds of
// feeds' worth of it would otherwise be held through a whole collect.
const FEED_COLUMNS = [
  "id",
  "url",
  "name",
  "title",
  "site_url",
  "tags",
  "etag",
  "last_modified",
  "last_fetched_at",
  "last_status",
  "last_error",
  "consecutive_errors",
  "item_count",
  "created_at",
  "current_url",
  "next_fetch_at",
  "retired_at",
  "max_age_seconds",
  "lease_until",
  "lease_owner",
] as const satisfies readonly (keyof FeedRow)[];

export interface ClaimDueOptions {
  /** Only these feeds (a worker's configured ones): a feed dropped from the config is left alone. */
  among?: readonly number[];
  /** Only feeds not fetched since then: a worker's floor between two fetches of one feed. */
  fetchedBefore?: Date;
}

/** What every fetch records, as the compiled queries take it. */
type FetchedParams = {
  id: number;
  at: string;
  status: string;
  next: string | null;
  maxAge: number | null;
};

/** A fetch that got the feed: its validators, counts and item fingerprints too. */
type FetchedFeedParams = FetchedParams & {
  etag: string | null;
  lastModified: string | null;
  itemCount: number;
  title: string | null;
  siteUrl: string | null;
  fingerprints: string | null;
};

/** The two updates collect makes for nearly every feed, compiled once (see prepareQuery). */
function compileFetchQueries(db: Kysely<Database>) {
  const recorded = (p: FetchedParams) =>
    db
      .updateTable("feeds")
      .set({
        last_fetched_at: p.at,
        last_status: p.status,
        next_fetch_at: p.next,
        max_age_seconds: p.maxAge,
        last_error: null,
        consecutive_errors: 0,
      })
      .where("id", "=", p.id);
  const common = ["id", "at", "status", "next", "maxAge"] as const;
  return {
    knownItems: prepareQuery(db, ["id"], (p: { id: number }) =>
      db.selectFrom("feeds").select("item_fingerprints").where("id", "=", p.id),
    ),
    unchanged: prepareQuery(db, [...common], recorded),
    fetched: prepareQuery(
      db,
      [...common, "etag", "lastModified", "itemCount", "title", "siteUrl", "fingerprints"],
      (p: FetchedFeedParams) =>
        recorded(p).set({
          etag: p.etag,
          last_modified: p.lastModified,
          item_count: p.itemCount,
          title: p.title,
          site_url: p.siteUrl,
          item_fingerprints: p.fingerprints,
        }),
    ),
  };
}

/** Queries on feeds and their fetch health. */
export class FeedRepo {
  readonly #fetch: ReturnType<typeof compileFetchQueries>;

  constructor(
    private readonly db: Kysely<Database>,
    fetchQueries?: ReturnType<typeof compileFetchQueries>,
  ) {
    this.#fetch = fetchQueries ?? compileFetchQueries(db);
  }

  /** This repo on a transaction of its database, with the queries it compiled. */
  within(trx: Kysely<Database>): FeedRepo {
    return new FeedRepo(trx, this.#fetch);
  }

  /** Inserts the configured feeds that are new and updates names and tags; returns all of them. */
  async sync(
    feeds: { url: string; name?: string; tags: string[] }[],
    now: Date,
  ): Promise<FeedRow[]> {
    const stored = new Map((await this.byUrls(feeds.map((f) => f.url))).map((f) => [f.url, f]));
    for (const feed of feeds) {
      // Most runs change no feed: only a new feed, or a new name or tags, is written.
      const row = stored.get(feed.url);
      if (row && row.name === (feed.name ?? null) && row.tags === JSON.stringify(feed.tags))
        continue;
      await this.db
        .insertInto("feeds")
        .values({
          url: feed.url,
          name: feed.name ?? null,
          tags: JSON.stringify(feed.tags),
          created_at: now.toISOString(),
        })
        .onConflict((oc) =>
          oc
            .column("url")
            .doUpdateSet({ name: feed.name ?? null, tags: JSON.stringify(feed.tags) }),
        )
        .execute();
    }
    return this.byUrls(feeds.map((f) => f.url));
  }

  private async byUrls(urls: string[]): Promise<FeedRow[]> {
    const rows: FeedRow[] = [];
    // In slices: SQLite limits the parameters of one statement.
    for (const slice of chunksOf(urls, 500)) {
      rows.push(
        ...(await this.db
          .selectFrom("feeds")
          .select(FEED_COLUMNS)
          .where("url", "in", slice)
          .execute()),
      );
    }
    return rows.sort((a, b) => a.id - b.id);
  }

  all(): Promise<FeedRow[]> {
    return this.db.selectFrom("feeds").select(FEED_COLUMNS).orderBy("id").execute();
  }

  byUrl(url: string): Promise<FeedRow | undefined> {
    return this.db
      .selectFrom("feeds")
      .select(FEED_COLUMNS)
      .where("url", "=", url)
      .executeTakeFirst();
  }

  /** What collect remembered of the feed's items at its last fetch (JSON, see KnownItem). */
  async knownItems(feedId: number): Promise<string | null> {
    const [row] = await this.#fetch.knownItems({ id: feedId }, this.db);
    return row?.item_fingerprints ?? null;
  }

  /** Records one fetch: validators and counts on success, the error and backoff on failure. */
  async recordFetch(feedId: number, outcome: FetchOutcome): Promise<void> {
    const at = outcome.fetchedAt.toISOString();
    const common = {
      last_fetched_at: at,
      last_status: outcome.status,
      next_fetch_at: outcome.nextFetchAt?.toISOString() ?? null,
      max_age_seconds: outcome.maxAgeSeconds ?? null,
      ...(outcome.movedTo ? { current_url: outcome.movedTo } : {}),
    };
    if (outcome.status === "failed" || outcome.status === "gone") {
      await this.db
        .updateTable("feeds")
        .set((eb) => ({
          ...common,
          last_error: outcome.error ?? "unknown error",
          consecutive_errors: eb("consecutive_errors", "+", 1),
          ...(outcome.status === "gone" ? { retired_at: at } : {}),
        }))
        .where("id", "=", feedId)
        .execute();
      return;
    }
    if (outcome.movedTo) {
      await this.db
        .updateTable("feeds")
        .set({ current_url: outcome.movedTo })
        .where("id", "=", feedId)
        .execute();
    }
    const params = {
      id: feedId,
      at,
      status: outcome.status,
      next: common.next_fetch_at,
      maxAge: common.max_age_seconds,
    };
    if (outcome.status === "unchanged") {
      await this.#fetch.unchanged(params, this.db);
      return;
    }
    await this.#fetch.fetched(
      {
        ...params,
        etag: outcome.etag ?? null,
        lastModified: outcome.lastModified ?? null,
        itemCount: outcome.itemCount ?? 0,
        title: outcome.title ?? null,
        siteUrl: outcome.siteUrl ?? null,
        fingerprints: outcome.itemFingerprints ? JSON.stringify(outcome.itemFingerprints) : null,
      },
      this.db,
    );
  }

  /**
   * Claims up to `limit` feeds that are due — not retired, their next fetch time come, no live
   * lease — for `owner` until now + leaseMs, and returns them. Safe against concurrent claimers,
   * as DeliveryRepo.claim is: the update re-checks the lease, and only the rows it took come back.
   */
  claimDue(
    owner: string,
    limit: number,
    now: Date,
    leaseMs: number,
    options: ClaimDueOptions = {},
  ): Promise<FeedRow[]> {
    // PostgreSQL: candidates locked FOR UPDATE SKIP LOCKED until the update commits, so two
    // workers take disjoint feeds instead of racing for the same ones; SQLite has one writer.
    if (isPostgres(this.db as Kysely<unknown>))
      return this.db
        .transaction()
        .execute((trx) => this.#claimDue(trx, true, owner, limit, now, leaseMs, options));
    return this.#claimDue(this.db, false, owner, limit, now, leaseMs, options);
  }

  async #claimDue(
    q: Kysely<Database>,
    isPg: boolean,
    owner: string,
    limit: number,
    now: Date,
    leaseMs: number,
    options: ClaimDueOptions,
  ): Promise<FeedRow[]> {
    const at = now.toISOString();
    const candidates = await q
      .selectFrom("feeds")
      .select("id")
      .where("retired_at", "is", null)
      .where((eb) => eb.or([eb("next_fetch_at", "is", null), eb("next_fetch_at", "<=", at)]))
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", at)]))
      .$if(options.fetchedBefore !== undefined, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb("last_fetched_at", "is", null),
            eb("last_fetched_at", "<=", (options.fetchedBefore as Date).toISOString()),
          ]),
        ),
      )
      .$if(options.among !== undefined, (qb) =>
        qb.where(idAmong(isPg, options.among as readonly number[])),
      )
      .orderBy("id")
      .limit(limit)
      .$if(isPg, (qb) => qb.forUpdate().skipLocked())
      .execute();
    if (candidates.length === 0) return [];
    return q
      .updateTable("feeds")
      .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString(), lease_owner: owner })
      .where(
        "id",
        "in",
        candidates.map((row) => row.id),
      )
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", at)]))
      .returning(FEED_COLUMNS)
      .execute()
      .then((rows) => rows.sort((a, b) => a.id - b.id));
  }

  /** Gives up `owner`'s claims on these feeds (a claim another worker took over is kept). */
  async releaseLease(feedIds: readonly number[], owner: string): Promise<void> {
    if (feedIds.length === 0) return;
    await this.db
      .updateTable("feeds")
      .set({ lease_until: null, lease_owner: null })
      .where("id", "in", [...feedIds])
      .where("lease_owner", "=", owner)
      .execute();
  }

  /** Un-retires the feed and clears its backoff, so the next collect fetches it. */
  async reset(feedId: number): Promise<void> {
    await this.db
      .updateTable("feeds")
      .set({ retired_at: null, next_fetch_at: null, consecutive_errors: 0, last_error: null })
      .where("id", "=", feedId)
      .execute();
  }
}

/** `feeds.id` is one of `ids`, as one parameter whatever their number (SQLite caps parameters). */
function idAmong(isPg: boolean, ids: readonly number[]): Expression<SqlBool> {
  return isPg
    ? sql<SqlBool>`feeds.id = any(${[...ids]}::integer[])`
    : sql<SqlBool>`feeds.id in (select value from json_each(${JSON.stringify(ids)}))`;
}
