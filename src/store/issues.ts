import type { Kysely, Selectable } from "kysely";
import { GazetteError } from "../shared/errors.js";
import type { Database, IssueStatus, IssuesTable } from "./tables.js";

export type IssueRow = Selectable<IssuesTable>;

/** An issue's article with what the email shows of it. */
export interface IssueArticleRow {
  article_id: number;
  position: number;
  title: string;
  url: string;
  canonical_url: string;
  published_at: string | null;
  first_seen_at: string;
  feed_name: string | null;
  feed_title: string | null;
  feed_url: string;
  summary: string | null;
  why: string | null;
  tags: string | null;
  category: string | null;
  read_minutes: number | null;
  /** The article's detected language (ISO 639-1), when known. */
  language: string | null;
  /** How the summarizer chose the entry, and how sure it is (0–1); null for old enrichments. */
  method: string | null;
  confidence: number | null;
  /** JSON {summary: string[], why: string[]}: the article sentences behind each field. */
  sources: string | null;
}

/** Queries on issues and the articles they hold. */
export class IssueRepo {
  constructor(private readonly db: Kysely<Database>) {}

  latest(listId: number): Promise<IssueRow | undefined> {
    return this.db
      .selectFrom("issues")
      .selectAll()
      .where("list_id", "=", listId)
      .orderBy("number", "desc")
      .executeTakeFirst();
  }

  /** The newest issue of the list that is composed but not finished sending. */
  unfinished(listId: number): Promise<IssueRow | undefined> {
    return this.db
      .selectFrom("issues")
      .selectAll()
      .where("list_id", "=", listId)
      .where("status", "in", ["draft", "sending"])
      .orderBy("number", "desc")
      .executeTakeFirst();
  }

  byNumber(listId: number, number: number): Promise<IssueRow | undefined> {
    return this.db
      .selectFrom("issues")
      .selectAll()
      .where("list_id", "=", listId)
      .where("number", "=", number)
      .executeTakeFirst();
  }

  async byNumberOrThrow(listId: number, listSlug: string, number: number): Promise<IssueRow> {
    const issue = await this.byNumber(listId, number);
    if (!issue)
      throw new GazetteError("ISSUE_NOT_FOUND", `list ${listSlug} has no issue #${number}`);
    return issue;
  }

  /** The list's sent issues, newest first, for the archive. */
  sent(listId: number): Promise<IssueRow[]> {
    return this.db
      .selectFrom("issues")
      .selectAll()
      .where("list_id", "=", listId)
      .where("status", "=", "sent")
      .orderBy("number", "desc")
      .execute();
  }

  /** Creates the next-numbered issue with its articles, in one transaction. */
  create(input: {
    listId: number;
    periodStart: Date;
    periodEnd: Date;
    articleIds: number[];
    now: Date;
  }): Promise<IssueRow> {
    return this.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom("issues")
        .select("number")
        .where("list_id", "=", input.listId)
        .orderBy("number", "desc")
        .executeTakeFirst();
      const issue = await trx
        .insertInto("issues")
        .values({
          list_id: input.listId,
          number: (last?.number ?? 0) + 1,
          period_start: input.periodStart.toISOString(),
          period_end: input.periodEnd.toISOString(),
          status: "draft",
          subject: "",
          created_at: input.now.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.articleIds.length > 0) {
        await trx
          .insertInto("issue_articles")
          .values(
            input.articleIds.map((articleId, position) => ({
              issue_id: issue.id,
              article_id: articleId,
              position,
            })),
          )
          .execute();
      }
      return issue;
    });
  }

  /**
   * The issue's articles in order, each with its newest enrichment for its current content and
   * the editor's overrides on top; an article the editor dropped is left out of a draft.
   */
  articles(issueId: number): Promise<IssueArticleRow[]> {
    return (
      this.db
        .selectFrom("issue_articles")
        .innerJoin("issues", "issues.id", "issue_articles.issue_id")
        .innerJoin("articles", "articles.id", "issue_articles.article_id")
        .innerJoin("feeds", "feeds.id", "articles.feed_id")
        .leftJoin("enrichments", (join) =>
          join
            .onRef("enrichments.article_id", "=", "articles.id")
            .onRef("enrichments.content_hash", "=", "articles.content_hash"),
        )
        .leftJoin("article_overrides", "article_overrides.article_id", "articles.id")
        .select((eb) => [
          eb.fn.coalesce("article_overrides.summary", "enrichments.summary").as("summary"),
          eb.fn.coalesce("article_overrides.why", "enrichments.why").as("why"),
          eb.fn.coalesce("article_overrides.tags", "enrichments.tags").as("tags"),
        ])
        // Once sending has started every recipient must get the same articles.
        .where((eb) =>
          eb.or([
            eb("article_overrides.dropped", "is", null),
            eb("article_overrides.dropped", "=", 0),
            eb("issues.status", "!=", "draft"),
          ]),
        )
        .select([
          "articles.id as article_id",
          "issue_articles.position",
          "articles.title",
          "articles.url",
          "articles.canonical_url",
          "articles.published_at",
          "articles.first_seen_at",
          "feeds.name as feed_name",
          "feeds.title as feed_title",
          "feeds.url as feed_url",
          "enrichments.category",
          "enrichments.read_minutes",
          "articles.language",
          "enrichments.method",
          "enrichments.confidence",
          "enrichments.sources",
        ])
        .where("issue_articles.issue_id", "=", issueId)
        .orderBy("issue_articles.position")
        .orderBy("enrichments.created_at", "desc")
        .execute()
        .then(firstPerArticle)
    );
  }

  /**
   * The issue's articles an editor dropped, with when, and when its send started (the ledger's
   * first row; undefined before): an article dropped before that is not in the email.
   */
  async drops(
    issueId: number,
  ): Promise<{
    articles: { article_id: number; title: string; dropped_at: string }[];
    sendStartedAt?: string;
  }> {
    const articles = await this.db
      .selectFrom("issue_articles")
      .innerJoin("articles", "articles.id", "issue_articles.article_id")
      .innerJoin("article_overrides", "article_overrides.article_id", "articles.id")
      .select([
        "articles.id as article_id",
        "articles.title",
        "article_overrides.updated_at as dropped_at",
      ])
      .where("issue_articles.issue_id", "=", issueId)
      .where("article_overrides.dropped", "=", 1)
      .orderBy("issue_articles.position")
      .execute();
    const started = await this.db
      .selectFrom("deliveries")
      .select((eb) => eb.fn.min("created_at").as("at"))
      .where("issue_id", "=", issueId)
      .executeTakeFirst();
    const at = started?.at ?? undefined;
    return { articles, ...(at ? { sendStartedAt: String(at) } : {}) };
  }

  async setStatus(issueId: number, status: IssueStatus, now: Date): Promise<void> {
    await this.db
      .updateTable("issues")
      .set({ status, ...(status === "sent" ? { sent_at: now.toISOString() } : {}) })
      .where("id", "=", issueId)
      .execute();
  }

  /** Pauses (a date) or resumes (null) the issue's send; senders re-read it at every batch. */
  async setPaused(issueId: number, pausedAt: Date | null): Promise<void> {
    await this.db
      .updateTable("issues")
      .set({ paused_at: pausedAt?.toISOString() ?? null })
      .where("id", "=", issueId)
      .execute();
  }

  async isPaused(issueId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom("issues")
      .select("paused_at")
      .where("id", "=", issueId)
      .executeTakeFirst();
    return row?.paused_at != null;
  }

  /** Issues whose ledger is being sent and that are not paused, with their list's slug: a worker's work. */
  sendable(): Promise<(IssueRow & { list_slug: string })[]> {
    return this.db
      .selectFrom("issues")
      .innerJoin("lists", "lists.id", "issues.list_id")
      .selectAll("issues")
      .select("lists.slug as list_slug")
      .where("issues.status", "=", "sending")
      .where("issues.paused_at", "is", null)
      .orderBy("issues.id")
      .execute();
  }

  /** Records the subject the issue was rendered with. */
  async setSubject(issueId: number, subject: string): Promise<void> {
    await this.db.updateTable("issues").set({ subject }).where("id", "=", issueId).execute();
  }
}

function firstPerArticle(rows: IssueArticleRow[]): IssueArticleRow[] {
  const seen = new Set<number>();
  return rows.filter((row) => !seen.has(row.article_id) && seen.add(row.article_id));
}
