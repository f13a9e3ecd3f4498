import type { Kysely, Selectable } from "kysely";
import type { Issue, IssueEntry, NewIssue, SentStory } from "../compose/ports.js";
import { GazetteError } from "../shared/errors.js";
import type { EventRepo } from "./events.js";
import type { Database, IssueArticleKind, IssueStatus, IssuesTable } from "./tables.js";

/** A row of the issues table: it stays in the store; the repo hands out `Issue` (compose/ports.ts). */
type IssueRow = Selectable<IssuesTable>;

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
  /** The summarizer's own summary and why, under any edit: an edited field has no passage. */
  enrichment_summary: string | null;
  enrichment_why: string | null;
  /** The article's plain text: where its text fragments are looked up. */
  content_text: string;
  kind: IssueArticleKind;
  story_of: number | null;
}

export class IssueRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: EventRepo,
  ) {}

  async latest(listId: number): Promise<Issue | undefined> {
    const row = await this.db
      .selectFrom("issues")
      .selectAll()
      .where("list_id", "=", listId)
      .orderBy("number", "desc")
      .executeTakeFirst();
    return row && issueOf(row);
  }

  /** The newest issue of the list that is composed but not finished sending. */
  async unfinished(listId: number): Promise<Issue | undefined> {
    const row = await this.db
      .selectFrom("issues")
      .selectAll()
      .where("list_id", "=", listId)
      .where("status", "in", ["draft", "sending"])
      .orderBy("number", "desc")
      .executeTakeFirst();
    return row && issueOf(row);
  }

  async byNumber(listId: number, number: number): Promise<Issue | undefined> {
    const row = await this.db
      .selectFrom("issues")
      .selectAll()
      .where("list_id", "=", listId)
      .where("number", "=", number)
      .executeTakeFirst();
    return row && issueOf(row);
  }

  async byNumberOrThrow(listId: number, listSlug: string, number: number): Promise<Issue> {
    const issue = await this.byNumber(listId, number);
    if (!issue)
      throw new GazetteError("ISSUE_NOT_FOUND", `list ${listSlug} has no issue #${number}`);
    return issue;
  }

  /** The list's sent issues, newest first, for the archive. */
  async sent(listId: number): Promise<Issue[]> {
    const rows = await this.db
      .selectFrom("issues")
      .selectAll()
      .where("list_id", "=", listId)
      .where("status", "=", "sent")
      .orderBy("number", "desc")
      .execute();
    return rows.map(issueOf);
  }

  /**
   * Creates the next-numbered issue with its articles and its issue.composed event, in one
   * transaction: `articleIds` are cards; `entries`, when given, say what each article is (and
   * replace `articleIds`).
   */
  async create(input: NewIssue): Promise<Issue> {
    const entries =
      input.entries ??
      input.articleIds.map((articleId): IssueEntry => ({ articleId, kind: "card" }));
    const issue = await this.db.transaction().execute(async (trx) => {
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
      if (entries.length > 0) {
        await trx
          .insertInto("issue_articles")
          .values(
            entries.map((entry, position) => ({
              issue_id: issue.id,
              article_id: entry.articleId,
              position,
              kind: entry.kind,
              story_of: entry.storyOf ?? null,
            })),
          )
          .execute();
      }
      await recordComposed(trx, this.events.within(trx), input, issue);
      return issue;
    });
    return issueOf(issue);
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
          "enrichments.summary as enrichment_summary",
          "enrichments.why as enrichment_why",
          "articles.content_text",
          "issue_articles.kind",
          "issue_articles.story_of",
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
  async drops(issueId: number): Promise<{
    articles: { articleId: number; title: string; droppedAt: Date }[];
    sendStartedAt?: Date;
  }> {
    const articles = await this.db
      .selectFrom("issue_articles")
      .innerJoin("articles", "articles.id", "issue_articles.article_id")
      .innerJoin("article_overrides", "article_overrides.article_id", "articles.id")
      .select([
        "articles.id as articleId",
        "articles.title",
        "article_overrides.updated_at as droppedAt",
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
    return {
      articles: articles.map((drop) => ({ ...drop, droppedAt: new Date(drop.droppedAt) })),
      ...(at ? { sendStartedAt: new Date(String(at)) } : {}),
    };
  }

  /**
   * The articles of the list's issues composed since `since` (cards, "Also published" and merged
   * ones; repeats were already one of those): the stories a new issue must not send again.
   */
  recentStories(listId: number, since: Date): Promise<SentStory[]> {
    return this.db
      .selectFrom("issue_articles")
      .innerJoin("issues", "issues.id", "issue_articles.issue_id")
      .innerJoin("articles", "articles.id", "issue_articles.article_id")
      .select([
        "articles.id",
        "articles.feed_id as feedId",
        "articles.title",
        "articles.content_text as text",
      ])
      .where("issues.list_id", "=", listId)
      .where("issues.created_at", ">=", since.toISOString())
      .where("issue_articles.kind", "!=", "repeat")
      .orderBy("articles.id")
      .execute();
  }

  /** Sets the issue's status; one that becomes sent is told (issue.sent) in the same transaction. */
  setStatus(issueId: number, status: IssueStatus, now: Date): Promise<void> {
    const types = status === "sent" ? (["issue.sent"] as const) : [];
    return this.events.atomically(this.db, types, async (db, events) => {
      const result = await db
        .updateTable("issues")
        .set({ status, ...(status === "sent" ? { sent_at: now.toISOString() } : {}) })
        .where("id", "=", issueId)
        // A second sender finishing the same issue changes nothing, and tells no webhook again.
        .where("status", "!=", status)
        .executeTakeFirst();
      if (status === "sent" && Number(result.numUpdatedRows) > 0)
        await recordSent(db, events, issueId, now);
    });
  }

  /** Pauses (a date) or resumes (null) the issue's send; senders re-read it at every batch. */
  async setPaused(issueId: number, pausedAt: Date | null): Promise<void> {
    await this.db
      .updateTable("issues")
      .set({ paused_at: pausedAt?.toISOString() ?? null })
      .where("id", "=", issueId)
      .execute();
  }

  /** Whether senders must stop at their next batch: the issue is paused, or cancelled. */
  async isPaused(issueId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom("issues")
      .select(["paused_at", "status"])
      .where("id", "=", issueId)
      .executeTakeFirst();
    return row?.paused_at != null || row?.status === "cancelled";
  }

  /** Issues whose ledger is being sent and that are not paused, with their list's slug: a worker's work. */
  async sendable(): Promise<(Issue & { listSlug: string })[]> {
    const rows = await this.db
      .selectFrom("issues")
      .innerJoin("lists", "lists.id", "issues.list_id")
      .selectAll("issues")
      .select("lists.slug as list_slug")
      .where("issues.status", "=", "sending")
      .where("issues.paused_at", "is", null)
      .orderBy("issues.id")
      .execute();
    return rows.map(({ list_slug, ...row }) => ({ ...issueOf(row), listSlug: list_slug }));
  }

  /** Records the subject the issue was rendered with. */
  async setSubject(issueId: number, subject: string): Promise<void> {
    await this.db.updateTable("issues").set({ subject }).where("id", "=", issueId).execute();
  }
}

/** issue.sent, with the issue's delivery counts. */
async function recordSent(
  db: Kysely<Database>,
  events: EventRepo,
  issueId: number,
  now: Date,
): Promise<void> {
  if (!events.wants("issue.sent")) return;
  const issue = await db
    .selectFrom("issues")
    .innerJoin("lists", "lists.id", "issues.list_id")
    .select(["issues.number", "issues.subject", "lists.slug"])
    .where("issues.id", "=", issueId)
    .executeTakeFirstOrThrow();
  const counts = await db
    .selectFrom("deliveries")
    .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("issue_id", "=", issueId)
    .groupBy("status")
    .execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.count ?? 0);
  await events.record(
    "issue.sent",
    {
      list: issue.slug,
      issue: issue.number,
      subject: issue.subject,
      sent: count("sent"),
      failed: count("failed"),
      bounced: count("bounced"),
      skipped: count("skipped"),
    },
    now,
  );
}

/** issue.composed, with the list's slug and the period. */
async function recordComposed(
  db: Kysely<Database>,
  events: EventRepo,
  input: NewIssue,
  issue: IssueRow,
): Promise<void> {
  if (!events.wants("issue.composed")) return;
  const list = await db
    .selectFrom("lists")
    .select("slug")
    .where("id", "=", input.listId)
    .executeTakeFirst();
  await events.record(
    "issue.composed",
    {
      list: list?.slug ?? "",
      issue: issue.number,
      articles: input.articleIds.length,
      periodStart: issue.period_start,
      periodEnd: issue.period_end,
    },
    input.now,
  );
}

/** A stored issue in the stages' terms: camelCase, times as Dates. */
function issueOf(row: IssueRow): Issue {
  const date = (value: string | null) => (value === null ? null : new Date(value));
  return {
    id: row.id,
    listId: row.list_id,
    number: row.number,
    periodStart: new Date(row.period_start),
    periodEnd: new Date(row.period_end),
    status: row.status,
    subject: row.subject,
    createdAt: new Date(row.created_at),
    sentAt: date(row.sent_at),
    pausedAt: date(row.paused_at),
    approvedAt: date(row.approved_at),
    intro: row.intro,
    cancelledAt: date(row.cancelled_at),
    cancelReason: row.cancel_reason,
  };
}

function firstPerArticle(rows: IssueArticleRow[]): IssueArticleRow[] {
  const seen = new Set<number>();
  return rows.filter((row) => !seen.has(row.article_id) && seen.add(row.article_id));
}
