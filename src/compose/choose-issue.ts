import type { ListConfig } from "../config/index.js";
import { type Candidate, filterArticles } from "./filter-articles.js";
import { groupStories, type StoryItem } from "./group-stories.js";
import { rateSubstance, type SubstanceSignals } from "./rate-substance.js";
import { shareFairly } from "./share-fairly.js";

/** A candidate with what compose ranks it by. */
export interface ComposeCandidate extends Candidate, SubstanceSignals {
  /** ISO 639-1, when the summarizer detected it. */
  language: string | null;
  /** There is a summary to show: the editor's or the summarizer's. */
  hasSummary: boolean;
  /** Published (else first seen), in epoch milliseconds. */
  date: number;
}

/** An article of the issue that is not a card of its own. */
export interface Folded {
  articleId: number;
  /** The card (or "Also published" entry) telling its story; for a repeat, the earlier article. */
  storyOf: number;
}

/** What compose chose: the cards in order, the compact list, and what it folded away. */
export interface IssueChoice {
  cards: number[];
  /** Title-only and unsummarized articles: source, title and link at the end of the issue. */
  alsoPublished: number[];
  /** Other articles on a chosen story: "Also covered by" links on its card. */
  merged: Folded[];
  /** Stories already told in a recent issue of the list: not sent again as new. */
  repeats: Folded[];
  /** Candidates left out for their language. */
  otherLanguages: number;
}

/** Below this confidence an entry is "unsure": it takes a card only after the confident ones. */
export const CONFIDENT = 0.5;

export type ChooseOptions = Pick<
  ListConfig,
  "filters" | "maxArticles" | "maxPerFeed" | "maxPerSource" | "languages" | "maxAlsoPublished"
>;

/** A candidate with its rank: its confidence tier and its substance (0 without a summary). */
type Rated<T> = T & { tier: number; substance: number };

/**
 * Chooses an issue like an editor. Order: the list's filters → its languages → one story once
 * (near-duplicates grouped; a story told in a recent issue is left out) → each story's best
 * article → cards for articles with a summary, shared fairly between feeds, each feed's share
 * filled with its articles of most substance (`rateSubstance`), confident entries before unsure
 * ones → the cards in the order of the feeds' turns (feeds by their best article), so the lead
 * is the issue's strongest story and the first cards are the best of as many feeds → "Also
 * published" for the rest, feeds in turns, newest first. Pure and deterministic.
 */
export function chooseIssue<T extends ComposeCandidate>(
  candidates: T[],
  list: ChooseOptions,
  past: StoryItem[] = [],
): IssueChoice {
  const filtered = filterArticles(candidates, list.filters);
  const languages = list.languages ? new Set(list.languages) : undefined;
  const readable = filtered.filter(
    (article) => !languages || article.language === null || languages.has(article.language),
  );
  const rated = readable.map(
    (article): Rated<T> => ({
      ...article,
      tier: tierOf(article),
      substance: article.hasSummary ? rateSubstance(article) : 0,
    }),
  );
  const merged: Folded[] = [];
  const repeats: Folded[] = [];
  const leads: Rated<T>[] = [];
  for (const story of groupStories(rated.sort(byRank), past)) {
    const [lead, ...others] = story.articles;
    if (!lead) continue;
    if (story.sentAs !== undefined) {
      for (const article of story.articles)
        repeats.push({ articleId: article.id, storyOf: story.sentAs });
      continue;
    }
    leads.push(lead);
    for (const other of others) merged.push({ articleId: other.id, storyOf: lead.id });
  }
  // In the order of the feeds' turns: the strongest article leads, and the first cards (the
  // overview's) are the best of as many feeds, not one feed's best four.
  const cards = shareFairly(
    leads.filter((a) => a.hasSummary),
    list.maxArticles,
    list.maxPerFeed ?? list.maxPerSource,
  );
  const rest = leads.filter((a) => !a.hasSummary).sort(byDate);
  const alsoPublished = shareFairly(
    rest.map((a) => ({ ...a, tier: 0 })),
    list.maxAlsoPublished,
  ).sort(byDate);
  const shown = new Set([...cards, ...alsoPublished].map((a) => a.id));
  return {
    cards: cards.map((a) => a.id),
    alsoPublished: alsoPublished.map((a) => a.id),
    merged: merged.filter((fold) => shown.has(fold.storyOf)),
    repeats,
    otherLanguages: filtered.length - readable.length,
  };
}

function tierOf(article: ComposeCandidate): number {
  return article.confidence === null || article.confidence >= CONFIDENT ? 0 : 1;
}

// Best first: a summary, then the better standing, then the newer, then the later stored.
function byRank(a: Rated<ComposeCandidate>, b: Rated<ComposeCandidate>): number {
  return (
    Number(b.hasSummary) - Number(a.hasSummary) ||
    (a.hasSummary ? byStanding(a, b) : 0) ||
    byDate(a, b)
  );
}

// A confident entry before an unsure one, then the one of more substance.
function byStanding(a: Rated<ComposeCandidate>, b: Rated<ComposeCandidate>): number {
  return a.tier - b.tier || b.substance - a.substance;
}

function byDate(a: { date: number; id: number }, b: { date: number; id: number }): number {
  return b.date - a.date || b.id - a.id;
}
