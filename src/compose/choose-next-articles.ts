import type { ListConfig } from "../config/index.js";
import { parseDuration } from "../config/index.js";
import { chooseIssue, type IssueChoice } from "./choose-issue.js";
import { feedsOfList } from "./feeds-of-list.js";
import type { ArticleChoices, IssueEntry } from "./ports.js";

// Candidates read before filtering: a week of posts from even a few hundred feeds fits. The pool
// is shared between the list's feeds, each reading at most its share (its newest), so that one
// feed flooding the look-back with thousands of posts cannot crowd the others out of the issue.
const CANDIDATE_POOL = 5000;
// A feed's share is never smaller than this: more than an issue shows of one feed, with room
// for the list's filters and languages to leave some out.
const MIN_PER_FEED = 200;
/** How far back a story counts as already sent: about a month of weekly issues. */
export const STORY_MEMORY_MS = 30 * 86_400_000;

/** The next issue's period and articles, as `composeIssue` would choose them now. */
export interface NextArticles {
  /** The previous issue's period end; undefined before the first issue. */
  after?: Date;
  /** The look-back limit: nothing dated earlier goes in. */
  notBefore: Date;
  /** The cards, in issue order. */
  articleIds: number[];
  /** Every article of the issue with what it is in it: cards, then the others. */
  entries: IssueEntry[];
  choice: IssueChoice;
}

/**
 * Reads only: the articles first seen since the list's previous issue (the first issue looks
 * back `lookback`), dated within `lookback`, chosen by `chooseIssue` against the stories of the
 * list's issues of the last 30 days. Shared by compose and by the editor's preview.
 */
export async function chooseNextArticles(
  store: ArticleChoices,
  list: ListConfig,
  listId: number,
  now: Date,
): Promise<NextArticles> {
  const after = await store.previousPeriodEnd(listId);
  const notBefore = new Date(now.getTime() - parseDuration(list.lookback));
  const feedIds = feedsOfList(list, await store.feeds()).map((feed) => feed.id);
  const candidates = await store.candidates({
    feedIds,
    listId,
    after,
    until: now,
    notBefore,
    perFeed: Math.max(MIN_PER_FEED, Math.ceil(CANDIDATE_POOL / Math.max(1, feedIds.length))),
  });
  const past = await store.recentStories(listId, new Date(now.getTime() - STORY_MEMORY_MS));
  const choice = chooseIssue(candidates, list, past);
  return { after, notBefore, articleIds: choice.cards, entries: entriesOf(choice), choice };
}

/** The rows an issue stores: cards, "Also published", merged, repeats, in that order. */
function entriesOf(choice: IssueChoice): IssueEntry[] {
  return [
    ...choice.cards.map((articleId): IssueEntry => ({ articleId, kind: "card" })),
    ...choice.alsoPublished.map((articleId): IssueEntry => ({ articleId, kind: "also" })),
    ...choice.merged.map((fold): IssueEntry => ({ ...fold, kind: "merged" })),
    ...choice.repeats.map((fold): IssueEntry => ({ ...fold, kind: "repeat" })),
  ];
}
