import type { ArticleChoices } from "../compose/ports.js";
import type { ArticleTopicRepo } from "./article-topics.js";
import type { ArticleRepo } from "./articles.js";
import type { FeedRepo } from "./feeds.js";
import type { IssueRepo } from "./issues.js";
import { readStringArray } from "./json.js";

/** Compose's port: feeds, candidate articles with their topics and signals, recent stories. */
export function createArticleChoices(
  feeds: FeedRepo,
  articles: ArticleRepo,
  topics: ArticleTopicRepo,
  issues: IssueRepo,
): ArticleChoices {
  return {
    feeds: async () =>
      (await feeds.all()).map((feed) => ({
        id: feed.id,
        url: feed.url,
        name: feed.name,
        tags: readStringArray(feed.tags),
      })),
    candidates: async (query) => {
      const rows = await articles.candidates(query);
      const signals = await topics.signals(rows.map((article) => article.id));
      return rows.map((article) => {
        const signal = signals.get(article.id);
        return {
          id: article.id,
          feedId: article.feed_id,
          title: article.title,
          text: article.content_text,
          topics: [...readStringArray(article.categories), ...(signal?.topics ?? [])],
          language: article.language,
          hasSummary: signal?.hasSummary ?? false,
          confidence: signal?.confidence ?? null,
          method: signal?.method ?? null,
          hasWhy: signal?.hasWhy ?? false,
          readMinutes: signal?.readMinutes ?? null,
          date: Date.parse(article.published_at ?? article.first_seen_at),
        };
      });
    },
    recentStories: (listId, since) => issues.recentStories(listId, since),
    previousPeriodEnd: async (listId) => {
      return (await issues.latest(listId))?.periodEnd;
    },
  };
}
