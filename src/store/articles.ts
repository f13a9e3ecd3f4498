import { type Kysely, type Selectable, sql } from "kysely";
import type { CandidateQuery } from "../compose/ports.js";
import type { ArticleInput, UpsertResult } from "../ingest/ports.js";
import { chunksOf } from "./chunks-of.js";
import { prepareQuery } from "./prepared-query.js";
import type { ArticlesTable, Database } from "./tables.js";

export type ArticleRow = Selectable<ArticlesTable>;
export type { ArticleInput, UpsertResult };

/** The stored article an input is the same article as, with what upsert compares. */
export type ArticleMatch = Pick<
  ArticleRow,
  "id" | "feed_id" | "guid" | "canonical_url" | "url" | "content_hash" | "feed_hash"
>;

const MATCH_COLUMNS = [
  "id",
  "feed_id",
  "guid",
  "canonical_url",
  "url",
  "content_hash",
  "feed_hash",
] as const;

/** An article is "dated" by its published time, or when we first saw it if the feed gave none. */
const effectiveDate = sql<string>`coalesce(published_at, first_seen_at)`;

/** The queries collect runs for every article it stores, compiled once (see prepareQuery). */
function compileUpsertQueries(db: Kysely<Database>) {
  const articles = () => db.selectFrom("articles").select(MATCH_COLUMNS);
  return {
    byUrl: prepareQuery(db, ["url"], (p: { url: string }) =>
      articles().where("canonical_url", "=", p.url),
    ),
    // Two lookups rather than one `guid = ? or feed_hash = ?`: each is one search of its index,
    // where the OR read every article of the feed (SQLite planned it on feed_id alone), so the
    // cost of storing an article grew with its feed's history.
    byGuid: prepareQuery(db, ["feedId", "guid"], (p: { feedId: number; guid: string }) =>
      articles().where("feed_id", "=", p.feedId).where("guid", "=", p.guid).orderBy("id").limit(1),
    ),
    byHash: prepareQuery(db, ["feedId", "feedHash"], (p: { feedId: number; feedHash: string }) =>
      articles()
        .where("feed_id", "=", p.feedId)
        .where("feed_hash", "=", p.feedHash)
        .orderBy("id")
        .limit(1),
    ),
    insert: prepareQuery(db, [...INSERT_COLUMNS], (p: NewArticle) =>
      db
        .insertInto("articles")
        .values(p)
        // Another feed may store the same URL between our lookup and this insert.
        .onConflict((oc) => oc.column("canonical_url").doNothing())
        .returning("id"),
    ),
  };
}

const INSERT_COLUMNS = [
  "feed_id",
  "canonical_url",
  "url",
  "guid",
  "title",
  "author",
  "published_at",
  "content_html",
  "content_text",
  "categories",
  "content_hash",
  "image_url",
  "feed_hash",
  "first_seen_at",
  "updated_at",
] as const;
type NewArticle = { [K in (typeof INSERT_COLUMNS)[number]]: ArticleRow[K] };

/** Queries on articles and their enrichments. */
export class ArticleRepo {
  readonly #upsert: ReturnType<typeof compileUpsertQueries>;

  constructor(
    private readonly db: Kysely<Database>,
    upsertQueries?: ReturnType<typeof compileUpsertQueries>,
  ) {
    this.#upsert = upsertQueries ?? compileUpsertQueries(db);
  }

  /** This repo on a transaction of its database, with the queries it compiled. */
  within(trx: Kysely<Database>): ArticleRepo {
    return new ArticleRepo(trx, this.#upsert);
  }

  /**
   * The stored article `input` is, in this order: the same canonical URL (in any feed: the same
   * story in two feeds is one article, and a GUID that changes under a fixed URL is unstable);
   * else the same GUID in the same feed (the URL was edited); else the same feed content in the
   * same feed (GUID and URL both changed, e.g. the blog moved). Callers drop GUIDs that repeat
   * within one fetch before asking.
   */
  async findSame(input: ArticleInput): Promise<ArticleMatch | undefined> {
    const [byUrl] = await this.#upsert.byUrl({ url: input.canonicalUrl }, this.db);
    return byUrl ?? this.findSameInFeed(input);
  }

  /**
   * findSame past the canonical URL: the oldest article with the same GUID, else the oldest with
   * the same feed content, in the feed.
   */
  private async findSameInFeed(input: ArticleInput): Promise<ArticleMatch | undefined> {
    const feedHash = input.feedHash ?? input.contentHash;
    const { feedId, guid } = input;
    const [byGuid] = guid ? await this.#upsert.byGuid({ feedId, guid }, this.db) : [];
    if (byGuid) return byGuid;
    const [byHash] = await this.#upsert.byHash({ feedId, feedHash }, this.db);
    return byHash;
  }

  /**
   * Inserts a new article or updates the same article (see findSame) in place. An update keeps
   * first_seen_at, so an edited article is never "new" again and never re-sent; an article
   * another feed stored first stays that feed's, untouched.
   */
  async upsert(input: ArticleInput, now: Date): Promise<UpsertResult> {
    return this.write(input, await this.findSame(input), now);
  }

  /** The stored articles at these canonical URLs, by URL: one query for a whole feed. */
  async byCanonicalUrls(urls: string[]): Promise<Map<string, ArticleMatch>> {
    const unique = [...new Set(urls)];
    const found = new Map<string, ArticleMatch>();
    // The common case of a feed that gained one article: the compiled query.
    if (unique.length === 1) {
      const [row] = await this.#upsert.byUrl({ url: unique[0] as string }, this.db);
      if (row) found.set(row.canonical_url, row);
      return found;
    }
    for (const urls of chunksOf(unique, 500)) {
      const rows = await this.db
        .selectFrom("articles")
        .select(MATCH_COLUMNS)
        .where("canonical_url", "in", urls)
        .execute();
      for (const row of rows) found.set(row.canonical_url, row);
    }
    return found;
  }

  private async write(
    input: ArticleInput,
    existing: ArticleMatch | undefined,
    now: Date,
  ): Promise<UpsertResult> {
    const feedHash = input.feedHash ?? input.contentHash;
    // Owed its full text: no feed hash, so collect asks for its page again (ArticleInput).
    const storedFeedHash = input.fullTextOwed ? null : feedHash;
    const fields = {
      url: input.url,
      guid: input.guid ?? null,
      title: input.title,
      author: input.author ?? null,
      published_at: input.publishedAt?.toISOString() ?? null,
      content_html: input.contentHtml,
      content_text: input.contentText,
      categories: JSON.stringify(input.categories),
      content_hash: input.contentHash,
      image_url: input.imageUrl ?? null,
      feed_hash: storedFeedHash,
    };
    if (!existing) {
      const inserted = await this.#upsert.insert(
        {
          ...fields,
          feed_id: input.feedId,
          canonical_url: input.canonicalUrl,
          first_seen_at: (input.firstSeenAt ?? now).toISOString(),
          updated_at: now.toISOString(),
        },
        this.db,
      );
      return inserted.length > 0 ? "new" : "unchanged";
    }
    if (existing.feed_id !== input.feedId) return "unchanged";
    const isSameContent =
      existing.feed_hash === feedHash || existing.content_hash === input.contentHash;
    const identity = {
      canonical_url: input.canonicalUrl,
      url: input.url,
      guid: input.guid ?? null,
    };
    if (isSameContent) {
      const hasMoved =
        existing.canonical_url !== identity.canonical_url ||
        existing.url !== identity.url ||
        existing.guid !== identity.guid;
      // Owed its full text before, and its page now read without one longer than the excerpt.
      const isSettled = existing.feed_hash !== storedFeedHash && storedFeedHash !== null;
      if (hasMoved || isSettled) {
        await this.db
          .updateTable("articles")
          .set(isSettled ? { ...identity, feed_hash: storedFeedHash } : identity)
          .where("id", "=", existing.id)
          .execute();
      }
      return "unchanged";
    }
    await this.db
      .updateTable("articles")
      .set({ ...fields, canonical_url: input.canonicalUrl, updated_at: now.toISOString() })
      .where("id", "=", existing.id)
      .execute();
    return "updated";
  }

  /**
   * upsert for every input, in one transaction (one commit per feed rather than per article).
   * `alsoFetched`: canonical URLs of the other items of the same fetch, known unchanged and so
   * not written; like the inputs' own, their rows are never another input's match.
   */
  upsertAll(
    inputs: ArticleInput[],
    now: Date,
    alsoFetched: readonly string[] = [],
  ): Promise<UpsertResult[]> {
    return this.db
      .transaction()
      .execute((trx) => this.within(trx).upsertBatch(inputs, now, alsoFetched));
  }

  /** upsertAll's work, for a caller that holds the transaction (Store.saveFetch). */
  async upsertBatch(
    inputs: ArticleInput[],
    now: Date,
    alsoFetched: readonly string[],
  ): Promise<UpsertResult[]> {
    const urls = new Set(inputs.map((input) => input.canonicalUrl));
    // One query finds every article already stored: an unchanged article then costs no other.
    const stored = await this.byCanonicalUrls([...urls]);
    for (const url of alsoFetched) urls.add(url);
    // URLs this batch wrote: only those can have a row now that the first query did not see.
    const written = new Set<string>();
    const results: UpsertResult[] = [];
    for (const input of inputs) {
      const url = input.canonicalUrl;
      let match = written.has(url)
        ? await this.findSame(input)
        : (stored.get(url) ?? (await this.findSameInFeed(input)));
      // A GUID or content match on the row of another item of this same fetch is two articles.
      if (match && match.canonical_url !== url && urls.has(match.canonical_url)) match = undefined;
      results.push(await this.write(input, match, now));
      // Written rows change what later inputs of the batch match: look those up afresh.
      written.add(url);
      if (match) written.add(match.canonical_url);
    }
    return results;
  }

  byId(id: number): Promise<ArticleRow | undefined> {
    return this.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /**
   * The next issue's candidates: articles of the given feeds first seen in (after, until], dated
   * no earlier than `notBefore`, never in an earlier issue of the list, not dropped by an
   * editor; at most `perFeed` of each feed (its newest), so that one feed's flood of posts
   * cannot crowd the others out; newest first.
   */
  candidates(options: CandidateQuery): Promise<ArticleRow[]> {
    if (options.feedIds.length === 0) return Promise.resolve([]);
    // Each feed's articles numbered newest first over narrow rows (id, feed, date); the whole
    // rows are read only for those within the feed's limit.
    let ranked = this.db
      .selectFrom("articles")
      .select((eb) => [
        "id",
        eb.fn
          .agg<number>("row_number")
          .over((ob) =>
            ob.partitionBy("feed_id").orderBy(effectiveDate, "desc").orderBy("id", "desc"),
          )
          .as("feed_rank"),
      ])
      .where("feed_id", "in", options.feedIds)
      .where("first_seen_at", "<=", options.until.toISOString())
      .where(effectiveDate, ">=", options.notBefore.toISOString())
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("issue_articles")
              .innerJoin("issues", "issues.id", "issue_articles.issue_id")
              .select("issue_articles.article_id")
              .whereRef("issue_articles.article_id", "=", "articles.id")
              .where("issues.list_id", "=", options.listId),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("article_overrides")
              .select("article_overrides.article_id")
              .whereRef("article_overrides.article_id", "=", "articles.id")
              .where("article_overrides.dropped", "=", 1),
          ),
        ),
      );
    if (options.after) ranked = ranked.where("first_seen_at", ">", options.after.toISOString());
    return this.db
      .with("ranked", () => ranked)
      .selectFrom("articles")
      .innerJoin("ranked", "ranked.id", "articles.id")
      .selectAll("articles")
      .where("ranked.feed_rank", "<=", options.perFeed)
      .orderBy(effectiveDate, "desc")
      .orderBy("articles.id", "desc")
      .execute();
  }
}
