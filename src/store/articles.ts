import { type Kysely, type Selectable, sql } from "kysely";
import type { ArticlesTable, Database, EnrichmentsTable } from "./tables.js";

export type ArticleRow = Selectable<ArticlesTable>;
export type EnrichmentRow = Selectable<EnrichmentsTable>;

export interface ArticleInput {
  feedId: number;
  canonicalUrl: string;
  url: string;
  guid?: string;
  title: string;
  author?: string;
  publishedAt?: Date;
  contentHtml: string;
  contentText: string;
  categories: string[];
  contentHash: string;
}

export type UpsertResult = "new" | "updated" | "unchanged";

/** An article is "dated" by its published time, or when we first saw it if the feed gave none. */
const effectiveDate = sql<string>`coalesce(published_at, first_seen_at)`;

/** Queries on articles and their enrichments. */
export class ArticleRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts a new article or updates one with the same identity in place. Identity: the canonical
   * URL, or the same GUID in the same feed. An update keeps first_seen_at, so it is never "new"
   * again and never re-sent.
   */
  async upsert(input: ArticleInput, now: Date): Promise<UpsertResult> {
    const existing = await this.db
      .selectFrom("articles")
      .select(["id", "content_hash"])
      .where((eb) =>
        eb.or([
          eb("canonical_url", "=", input.canonicalUrl),
          ...(input.guid
            ? [eb.and([eb("feed_id", "=", input.feedId), eb("guid", "=", input.guid)])]
            : []),
        ]),
      )
      .executeTakeFirst();
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
    };
    if (!existing) {
      await this.db
        .insertInto("articles")
        .values({
          ...fields,
          feed_id: input.feedId,
          canonical_url: input.canonicalUrl,
          first_seen_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      return "new";
    }
    if (existing.content_hash === input.contentHash) return "unchanged";
    await this.db
      .updateTable("articles")
      .set({ ...fields, updated_at: now.toISOString() })
      .where("id", "=", existing.id)
      .execute();
    return "updated";
  }

  byId(id: number): Promise<ArticleRow | undefined> {
    return this.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** Articles dated on or after `since` that have no enrichment by `summarizer` for their content. */
  needingEnrichment(
    summarizer: string,
    since: Date,
  ): Promise<(ArticleRow & { feed_tags: string })[]> {
    return this.db
      .selectFrom("articles")
      .innerJoin("feeds", "feeds.id", "articles.feed_id")
      .leftJoin("enrichments", (join) =>
        join
          .onRef("enrichments.article_id", "=", "articles.id")
          .onRef("enrichments.content_hash", "=", "articles.content_hash")
          .on("enrichments.summarizer", "=", summarizer),
      )
      .selectAll("articles")
      .select("feeds.tags as feed_tags")
      .where("enrichments.id", "is", null)
      .where(
        sql<string>`coalesce(articles.published_at, articles.first_seen_at)`,
        ">=",
        since.toISOString(),
      )
      .orderBy("articles.id")
      .execute();
  }

  async saveEnrichment(
    row: Omit<EnrichmentRow, "id" | "tags"> & { tags: string[] },
  ): Promise<void> {
    await this.db
      .insertInto("enrichments")
      .values({ ...row, tags: JSON.stringify(row.tags) })
      .onConflict((oc) =>
        oc.columns(["article_id", "content_hash", "summarizer"]).doUpdateSet({
          summary: row.summary,
          why: row.why,
          tags: JSON.stringify(row.tags),
          category: row.category,
          read_minutes: row.read_minutes,
          created_at: row.created_at,
        }),
      )
      .execute();
  }

  /**
   * The next issue's candidates: articles of the given feeds first seen in (after, until], dated
   * no earlier than `notBefore`, never in an earlier issue of the list; newest first.
   */
  candidates(options: {
    feedIds: number[];
    listId: number;
    after?: Date;
    until: Date;
    notBefore: Date;
    limit: number;
  }): Promise<ArticleRow[]> {
    if (options.feedIds.length === 0) return Promise.resolve([]);
    let query = this.db
      .selectFrom("articles")
      .selectAll()
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
      );
    if (options.after) query = query.where("first_seen_at", ">", options.after.toISOString());
    return query
      .orderBy(effectiveDate, "desc")
      .orderBy("id", "desc")
      .limit(options.limit)
      .execute();
  }
}
