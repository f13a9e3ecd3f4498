import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, EnrichmentsTable } from "./tables.js";

/** An article with the name of its feed, for the editor's commands. */
export interface ArticleSummaryRow {
  id: number;
  title: string;
  url: string;
  published_at: string | null;
  first_seen_at: string;
  updated_at: string;
  content_hash: string;
  feed_name: string | null;
  feed_title: string | null;
  feed_url: string;
  /** 1 when an editor dropped it; null without overrides. */
  dropped: number | null;
  /** When an editor last changed its overrides; null without any. */
  override_updated_at: string | null;
}

const dated = sql<string>`coalesce(articles.published_at, articles.first_seen_at)`;

/** Queries that find articles by id or date: for editors, and for re-running enrich. */
export class ArticleLookupRepo {
  constructor(private readonly db: Kysely<Database>) {}

  private withFeed() {
    return this.db
      .selectFrom("articles")
      .innerJoin("feeds", "feeds.id", "articles.feed_id")
      .leftJoin("article_overrides", "article_overrides.article_id", "articles.id")
      .select([
        "articles.id",
        "articles.title",
        "articles.url",
        "articles.published_at",
        "articles.first_seen_at",
        "articles.updated_at",
        "articles.content_hash",
        "feeds.name as feed_name",
        "feeds.title as feed_title",
        "feeds.url as feed_url",
        "article_overrides.dropped",
        "article_overrides.updated_at as override_updated_at",
      ]);
  }

  /** The newest articles (by date), newest first. */
  recent(limit: number): Promise<ArticleSummaryRow[]> {
    return this.withFeed()
      .orderBy(dated, "desc")
      .orderBy("articles.id", "desc")
      .limit(limit)
      .execute();
  }

  byId(id: number): Promise<ArticleSummaryRow | undefined> {
    return this.withFeed().where("articles.id", "=", id).executeTakeFirst();
  }

  /** Every enrichment of the article, newest first; `content_hash` tells which are current. */
  enrichments(articleId: number): Promise<Selectable<EnrichmentsTable>[]> {
    return this.db
      .selectFrom("enrichments")
      .selectAll()
      .where("article_id", "=", articleId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
  }
}
