import type { Kysely } from "kysely";
import { readStringArray } from "./json.js";
import type { Database } from "./tables.js";

/** What compose ranks an article by, from its enrichment and the editor's overrides. */
export interface ArticleSignals {
  /** The enrichment's category and tags (of any summarizer, for the current content). */
  topics: string[];
  /** A summary to show: the editor's, else the newest enrichment's. */
  hasSummary: boolean;
  /** The newest enrichment's confidence; 1 when the editor wrote the summary; null when unknown. */
  confidence: number | null;
  /** How the newest enrichment chose its summary and why ("thesis+outcome"); null when unknown. */
  method: string | null;
  /** A why to show: the editor's, else the newest enrichment's. */
  hasWhy: boolean;
  /** The newest enrichment's read time in minutes; null when none was written. */
  readMinutes: number | null;
}

const NO_SIGNALS: ArticleSignals = {
  topics: [],
  hasSummary: false,
  confidence: null,
  method: null,
  hasWhy: false,
  readMinutes: null,
};

/** The topics compose filters on and the signals it ranks by. */
export class ArticleTopicRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Category and tags of each article's enrichment for its current content (any summarizer). */
  async of(articleIds: number[]): Promise<Map<number, string[]>> {
    const signals = await this.signals(articleIds);
    return new Map([...signals].map(([id, signal]) => [id, signal.topics]));
  }

  /** Topics, summary and confidence of each article's current content, overrides on top. */
  async signals(articleIds: number[]): Promise<Map<number, ArticleSignals>> {
    const found = new Map<number, ArticleSignals>();
    for (let i = 0; i < articleIds.length; i += 500) {
      const ids = articleIds.slice(i, i + 500);
      const rows = await this.db
        .selectFrom("enrichments")
        .innerJoin("articles", (join) =>
          join
            .onRef("articles.id", "=", "enrichments.article_id")
            .onRef("articles.content_hash", "=", "enrichments.content_hash"),
        )
        .select([
          "enrichments.article_id",
          "enrichments.category",
          "enrichments.tags",
          "enrichments.summary",
          "enrichments.confidence",
          "enrichments.method",
          "enrichments.why",
          "enrichments.read_minutes",
        ])
        .where("enrichments.article_id", "in", ids)
        .orderBy("enrichments.created_at", "desc")
        .orderBy("enrichments.id", "desc")
        .execute();
      for (const row of rows) {
        const known = found.get(row.article_id);
        const topics = [...(known?.topics ?? []), row.category, ...readStringArray(row.tags)];
        // The first row is the newest: it decides the summary, the why and the confidence.
        found.set(
          row.article_id,
          known
            ? { ...known, topics }
            : {
                topics,
                hasSummary: row.summary.trim() !== "",
                confidence: row.confidence,
                method: row.method,
                hasWhy: row.why.trim() !== "",
                readMinutes: row.read_minutes,
              },
        );
      }
      const overrides = await this.db
        .selectFrom("article_overrides")
        .select(["article_id", "summary", "why"])
        .where("article_id", "in", ids)
        .where((eb) => eb.or([eb("summary", "is not", null), eb("why", "is not", null)]))
        .execute();
      for (const override of overrides) {
        const known = found.get(override.article_id) ?? NO_SIGNALS;
        found.set(override.article_id, {
          ...known,
          ...(override.summary !== null && {
            hasSummary: override.summary.trim() !== "",
            confidence: 1,
          }),
          ...(override.why !== null && { hasWhy: override.why.trim() !== "" }),
        });
      }
    }
    return found;
  }
}
