import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import type {
  ArticleToEnrich,
  EnrichmentClaims,
  EnrichmentStore,
  EnrichmentToSave,
} from "../enrich/ports.js";
import { isPostgres } from "./dialect.js";
import { readStringArray } from "./json.js";
import type { ArticlesTable, Database } from "./tables.js";

/** An article row with the feed's columns and author count (see selectFeedOfArticle). */
type ArticleToEnrichRow = Selectable<ArticlesTable> & {
  feed_tags: string;
  feed_name: string | null;
  feed_title: string | null;
  feed_site_url: string | null;
  feed_url: string;
  feed_authors: number;
};

const dated = sql<string>`coalesce(articles.published_at, articles.first_seen_at)`;

/** The feed's columns and author count every query for articles to enrich selects. */
function selectFeedOfArticle(eb: ExpressionBuilder<Database, "articles" | "feeds">) {
  return [
    eb.ref("feeds.tags").as("feed_tags"),
    eb.ref("feeds.name").as("feed_name"),
    eb.ref("feeds.title").as("feed_title"),
    eb.ref("feeds.site_url").as("feed_site_url"),
    eb.ref("feeds.url").as("feed_url"),
    sql<number>`(select cast(count(distinct coalesce(same_feed.author, '')) as integer) from articles as same_feed where same_feed.feed_id = articles.feed_id)`.as(
      "feed_authors",
    ),
  ] as const;
}

/** The enrich stage's port on the store: articles to summarize, their claims and enrichments. */
export class EnrichmentRepo implements EnrichmentStore, EnrichmentClaims {
  constructor(private readonly db: Kysely<Database>) {}

  async needingEnrichment(summarizer: string, since: Date): Promise<ArticleToEnrich[]> {
    const rows = await this.#needingEnrichment(this.db, summarizer, since).execute();
    return rows.map(toArticleToEnrich);
  }

  #needingEnrichment(q: Kysely<Database>, summarizer: string, since: Date) {
    return q
      .selectFrom("articles")
      .innerJoin("feeds", "feeds.id", "articles.feed_id")
      .leftJoin("enrichments", (join) =>
        join
          .onRef("enrichments.article_id", "=", "articles.id")
          .onRef("enrichments.content_hash", "=", "articles.content_hash")
          .on("enrichments.summarizer", "=", summarizer),
      )
      .selectAll("articles")
      .select(selectFeedOfArticle)
      .where("enrichments.id", "is", null)
      .where(dated, ">=", since.toISOString())
      .orderBy("articles.id");
  }

  async articlesToEnrichAgain(
    options: { articleId: number } | { since: Date },
  ): Promise<ArticleToEnrich[]> {
    const query = this.db
      .selectFrom("articles")
      .innerJoin("feeds", "feeds.id", "articles.feed_id")
      .selectAll("articles")
      .select(selectFeedOfArticle);
    const chosen =
      "articleId" in options
        ? query.where("articles.id", "=", options.articleId)
        : query.where(dated, ">=", options.since.toISOString());
    const rows = await chosen.orderBy("articles.id").execute();
    return rows.map(toArticleToEnrich);
  }

  /** Safe against concurrent claimers, as DeliveryRepo.claim is. */
  async claimForEnrichment(
    summarizer: string,
    since: Date,
    limit: number,
    now: Date,
    leaseMs: number,
  ): Promise<ArticleToEnrich[]> {
    // PostgreSQL: candidates locked FOR UPDATE SKIP LOCKED until the update commits, so two
    // workers take disjoint articles; SQLite has one writer, the update's re-check suffices.
    const rows = isPostgres(this.db as Kysely<unknown>)
      ? await this.db
          .transaction()
          .execute((trx) =>
            this.#claimForEnrichment(trx, true, summarizer, since, limit, now, leaseMs),
          )
      : await this.#claimForEnrichment(this.db, false, summarizer, since, limit, now, leaseMs);
    return rows.map(toArticleToEnrich);
  }

  async #claimForEnrichment(
    q: Kysely<Database>,
    isLocking: boolean,
    summarizer: string,
    since: Date,
    limit: number,
    now: Date,
    leaseMs: number,
  ): Promise<ArticleToEnrichRow[]> {
    const at = now.toISOString();
    const isFree = (eb: ExpressionBuilder<Database, "articles">) =>
      eb.or([
        eb("articles.enrich_lease_until", "is", null),
        eb("articles.enrich_lease_until", "<", at),
      ]);
    const candidates = await this.#needingEnrichment(q, summarizer, since)
      .where(isFree)
      .limit(limit)
      // Only the articles are locked: the enrichments side of the outer join may be null.
      .$if(isLocking, (qb) => qb.forUpdate(["articles"]).skipLocked())
      .execute();
    if (candidates.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const taken = await q
      .updateTable("articles")
      .set({ enrich_lease_until: leaseUntil })
      .where(
        "id",
        "in",
        candidates.map((row) => row.id),
      )
      .where(isFree)
      .returning("id")
      .execute();
    const isTaken = new Set(taken.map((row) => row.id));
    return candidates
      .filter((row) => isTaken.has(row.id))
      .map((row) => ({ ...row, enrich_lease_until: leaseUntil }));
  }

  /**
   * An article whose lease passed and that another worker claimed since has another lease, and
   * keeps it.
   */
  async releaseEnrichment(articleIds: readonly number[], leaseUntil: string): Promise<void> {
    if (articleIds.length === 0) return;
    await this.db
      .updateTable("articles")
      .set({ enrich_lease_until: null })
      .where("id", "in", [...articleIds])
      .where("enrich_lease_until", "=", leaseUntil)
      .execute();
  }

  async setLanguage(articleId: number, language: string | null): Promise<void> {
    await this.db.updateTable("articles").set({ language }).where("id", "=", articleId).execute();
  }

  async saveEnrichment(enrichment: EnrichmentToSave): Promise<void> {
    const fields = {
      summary: enrichment.summary,
      why: enrichment.why,
      tags: JSON.stringify(enrichment.tags),
      category: enrichment.category,
      read_minutes: enrichment.readMinutes,
      created_at: enrichment.createdAt.toISOString(),
      method: enrichment.method ?? null,
      confidence: enrichment.confidence ?? null,
      sources: enrichment.sources ? JSON.stringify(enrichment.sources) : null,
    };
    await this.db
      .insertInto("enrichments")
      .values({
        article_id: enrichment.articleId,
        content_hash: enrichment.contentHash,
        summarizer: enrichment.summarizer,
        ...fields,
      })
      .onConflict((oc) =>
        oc.columns(["article_id", "content_hash", "summarizer"]).doUpdateSet(fields),
      )
      .execute();
  }
}

function toArticleToEnrich(row: ArticleToEnrichRow): ArticleToEnrich {
  return {
    id: row.id,
    feedId: row.feed_id,
    url: row.url,
    title: row.title,
    author: row.author,
    contentHtml: row.content_html,
    contentText: row.content_text,
    categories: readStringArray(row.categories),
    contentHash: row.content_hash,
    feed: {
      url: row.feed_url,
      name: row.feed_name,
      title: row.feed_title,
      siteUrl: row.feed_site_url,
      tags: readStringArray(row.feed_tags),
      authorCount: row.feed_authors,
    },
    enrichLeaseUntil: row.enrich_lease_until,
  };
}
