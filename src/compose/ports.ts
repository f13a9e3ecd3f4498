// What compose asks of the store to choose an issue's articles, in its own terms: the store
// implements this port (store.articleChoices) and maps its rows at its boundary.
import type { ComposeCandidate } from "./choose-issue.js";

/** A stored feed, as a list's `feeds:` selects it (by URL, name or tag). */
export interface ListFeed {
  id: number;
  url: string;
  /** The operator's name for the feed (config `feeds[].name`). */
  name: string | null;
  tags: string[];
}

/** An article of a recent issue, to tell a story already sent. */
export interface SentStory {
  id: number;
  feedId: number;
  title: string;
  text: string;
}

/** Which articles may go into a list's next issue. */
export interface CandidateQuery {
  feedIds: number[];
  /** The list number. */
  listId: number;
  /** First seen after this (the previous issue's period end); undefined before the first issue. */
  after?: Date;
  /** First seen up to this. */
  until: Date;
  /** Dated (published, else first seen) no earlier than this. */
  notBefore: Date;
  limit: number;
}

/** The store as compose uses it to choose the next issue's articles. */
export interface ArticleChoices {
  feeds(): Promise<ListFeed[]>;
  /**
   * The next issue's candidates, newest first: never in an earlier issue of the list, not
   * dropped by an editor; each with its topics (the feed's categories, the enrichment's category
   * and tags), whether it has a summary to show, and the summarizer's confidence.
   */
  candidates(query: CandidateQuery): Promise<ComposeCandidate[]>;
  /** The articles of the list's issues composed since `since`: stories not to send again. */
  recentStories(listId: number, since: Date): Promise<SentStory[]>;
  /** The end of the period of the list's latest issue; undefined before the first. */
  previousPeriodEnd(listId: number): Promise<Date | undefined>;
}
