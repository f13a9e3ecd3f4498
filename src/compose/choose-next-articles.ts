import type { ListConfig } from "../config/index.js";
import { parseDuration } from "../config/index.js";
import type { Store } from "../store/index.js";
import { readStringArray } from "../store/json.js";
import { feedsOfList } from "./feeds-of-list.js";
import { selectArticles } from "./select-articles.js";

// Candidates read before filtering: a week of posts from even a few hundred feeds fits.
const CANDIDATE_POOL = 5000;

/** The next issue's period and articles, as `composeIssue` would choose them now. */
export interface NextArticles {
  /** The previous issue's period end; undefined before the first issue. */
  after?: Date;
  /** The look-back limit: nothing dated earlier goes in. */
  notBefore: Date;
  /** The chosen article ids, in issue order. */
  articleIds: number[];
}

/**
 * Reads only: the articles first seen since the list's previous issue (the first issue looks
 * back `lookback`), dated within `lookback`, newest first, through the list's filters and
 * per-source cap, at most `maxArticles`. Shared by compose and by the editor's preview.
 */
export async function chooseNextArticles(
  store: Store,
  list: ListConfig,
  listId: number,
  now: Date,
): Promise<NextArticles> {
  const previous = await store.issues.latest(listId);
  const notBefore = new Date(now.getTime() - parseDuration(list.lookback));
  const after = previous ? new Date(previous.period_end) : undefined;
  const feedIds = feedsOfList(list, await store.feeds.all()).map((feed) => feed.id);
  const candidates = await store.articles.candidates({
    feedIds,
    listId,
    after,
    until: now,
    notBefore,
    limit: CANDIDATE_POOL,
  });
  const topics = await store.articleTopics.of(candidates.map((article) => article.id));
  const articles = selectArticles(
    candidates.map((article) => ({
      id: article.id,
      feedId: article.feed_id,
      title: article.title,
      text: article.content_text,
      topics: [...readStringArray(article.categories), ...(topics.get(article.id) ?? [])],
    })),
    list,
  );
  return { after, notBefore, articleIds: articles.map((article) => article.id) };
}
