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
  /** At most this many articles of each feed: its newest. */
  perFeed: number;
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

/** Where an issue is: composed (draft), being sent, sent, or cancelled. */
export type IssueStatus = "draft" | "sending" | "sent" | "cancelled";

/** What an article is in an issue: a card, a line of "Also published", merged into a card's story, or a story sent before. */
export type IssueArticleKind = "card" | "also" | "merged" | "repeat";

/** A stored issue (or a preview's, numbered last + 1 with id 0, stored nowhere). */
export interface Issue {
  id: number;
  /** The list number. */
  listId: number;
  number: number;
  periodStart: Date;
  periodEnd: Date;
  status: IssueStatus;
  subject: string;
  createdAt: Date;
  sentAt: Date | null;
  pausedAt: Date | null;
  /** When an editor approved the draft (review mode). */
  approvedAt: Date | null;
  /** The editor's words for this issue. */
  intro: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

/** An issue's article with what the email shows of it: the editor's overrides over the newest enrichment of its content. */
export interface IssueArticle {
  articleId: number;
  position: number;
  title: string;
  url: string;
  canonicalUrl: string;
  publishedAt: Date | null;
  firstSeenAt: Date;
  feed: { name: string | null; title: string | null; url: string };
  summary: string | null;
  why: string | null;
  tags: string[];
  category: string | null;
  readMinutes: number | null;
  /** The article's detected language (ISO 639-1), when known. */
  language: string | null;
  /** How the summarizer chose the entry, and how sure it is (0–1); null for old enrichments. */
  method: string | null;
  confidence: number | null;
  /** The article's sentences behind the summary and the why; null when unknown. */
  sources: { summary: string[]; why: string[] } | null;
  /** The summarizer's own summary and why, under any edit: an edited field has no passage. */
  enrichmentSummary: string | null;
  enrichmentWhy: string | null;
  /** The article's plain text: where its text fragments are looked up. */
  contentText: string;
  kind: IssueArticleKind;
  /** For a merged article: the card whose story it joins. */
  storyOf: number | null;
}

/** One article of a new issue, and what it is in it. */
export interface IssueEntry {
  articleId: number;
  kind: IssueArticleKind;
  storyOf?: number;
}

/** What a new issue is made of: `articleIds` are cards; `entries`, when given, say what each is. */
export interface NewIssue {
  listId: number;
  periodStart: Date;
  periodEnd: Date;
  articleIds: number[];
  entries?: IssueEntry[];
  now: Date;
}

/** The store as compose keeps its issues. */
export interface IssueDrafts {
  /** The newest issue of the list that is composed but not finished sending. */
  unfinished(listId: number): Promise<Issue | undefined>;
  /** The number of the list's latest issue; 0 before the first. */
  latestNumber(listId: number): Promise<number>;
  /** Creates the next-numbered issue with its articles, all or nothing. */
  create(issue: NewIssue): Promise<Issue>;
  /** The issue's articles in order; an article the editor dropped is left out of a draft. */
  articles(issueId: number): Promise<IssueArticle[]>;
  /** The articles `articles` would give for these entries once composed (an issue not stored). */
  articlesOf(entries: IssueEntry[]): Promise<IssueArticle[]>;
}

/** The ports compose uses. */
export interface ComposeStore {
  articleChoices: ArticleChoices;
  issueDrafts: IssueDrafts;
}
