import type { ArticleView } from "./build-view.js";

/** "In this issue": a line per leading story, linking to its card, then counts by category. */
export interface OverviewView {
  highlights: { number: number; text: string; anchor: string; title: string }[];
  /** "4 on databases, 3 on machine learning and 1 on security". */
  categories: string;
}

const MIN_STORIES = 3;
const MAX_HIGHLIGHTS = 5;
const MAX_HIGHLIGHT = 160;
// Past this many categories the rest are counted together.
const MAX_CATEGORIES = 4;
const MIN_CLAUSE = 50;
// Where a long summary sentence can end early and still say what happened, best first. Not at a
// bare comma: that cuts appositions ("…, Executive Director."). ", and" only where no comma comes
// before it (not the end of a list: "Dub scripts, Audio Description, …, and Subtitles"); a
// restrictive " that " last, and not after a verb that it completes ("shows that…").
const CLAUSE_BREAKS: readonly { mark: string; fits?: (before: string) => boolean }[] = [
  { mark: " by " },
  { mark: ", which " },
  // An aside that explains or gives examples: what comes before it already says what was done.
  { mark: ", i.e. " },
  { mark: ", e.g. " },
  { mark: ", such as " },
  { mark: ", including " },
  { mark: ", so that " },
  { mark: ", so " },
  { mark: " — " },
  { mark: "; " },
  { mark: ", where " },
  { mark: ", while " },
  { mark: ", but " },
  { mark: ", and ", fits: (before) => !before.includes(",") },
  { mark: " that ", fits: (before) => !SAYS_THAT.test(before) },
];
// "…shows that", "…so that", "…is that", "…such that": the clause after "that" is what is said;
// after a preposition or a past verb ("…for that", "…migrated that service") it is a determiner.
const SAYS_THAT =
  /\b(?:so|such|is|are|was|were|be|been|now|given|that|than|all|and|or|but|not|because|for|of|in|with|at|on|to|from|by|about|like|into|after|before|\w+ed|(?:show|say|mean|find|know|believe|think|hope|ensure|note|report|argue|claim|suggest|realize|learn|decide|discover|demonstrate|prove|confirm|expect|announce|explain|assume|agree|notice)(?:s|ed|d)?|said|meant|found|knew|known|shown|thought|learnt)$/i;

/**
 * The overview of the cards shown in full (undefined under three: a short issue is its own
 * overview). Highlights come from the first five cards' summaries, in issue order.
 */
export function buildOverview(cards: ArticleView[]): OverviewView | undefined {
  if (cards.length < MIN_STORIES) return undefined;
  const highlights = cards.slice(0, MAX_HIGHLIGHTS).map((card, i) => ({
    number: i + 1,
    text: highlightOf(card),
    anchor: card.anchor,
    title: card.title,
  }));
  return { highlights, categories: countCategories(cards) };
}

/** One line from a card's summary: its first sentence, or that sentence's main clause. */
export function highlightOf(card: Pick<ArticleView, "summary" | "title">): string {
  const sentence = firstSentence(card.summary);
  if (sentence === "") return card.title;
  if (sentence.length <= MAX_HIGHLIGHT) return sentence;
  for (const { mark, fits } of CLAUSE_BREAKS) {
    const end = clauseEnd(sentence, mark, fits);
    if (end !== -1) return `${sentence.slice(0, end).replace(/[,;:]$/, "")}.`;
  }
  return card.title;
}

// The latest `mark` that ends a clause of MIN_CLAUSE to MAX_HIGHLIGHT characters which `fits`.
function clauseEnd(sentence: string, mark: string, fits?: (before: string) => boolean): number {
  for (
    let at = sentence.lastIndexOf(mark, MAX_HIGHLIGHT);
    at >= MIN_CLAUSE;
    at = sentence.lastIndexOf(mark, at - 1)
  ) {
    if (fits === undefined || fits(sentence.slice(0, at))) return at;
  }
  return -1;
}

function firstSentence(text: string): string {
  const trimmed = text.trim();
  const match = /^.+?[.!?](?=\s+["“(]?[A-Z0-9])/s.exec(trimmed);
  return (match ? match[0] : trimmed).replace(/\s+/g, " ");
}

function countCategories(cards: ArticleView[]): string {
  const counts = new Map<string, number>();
  for (const card of cards) {
    const name = categoryWord(card.category || "Other");
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const shown = sorted.length > MAX_CATEGORIES + 1 ? sorted.slice(0, MAX_CATEGORIES) : sorted;
  const others = sorted.slice(shown.length).reduce((sum, [, count]) => sum + count, 0);
  const parts = [
    ...shown.map(([name, count]) => `${count} on ${name}`),
    ...(others > 0 ? [`${others} on other topics`] : []),
  ];
  return parts.length <= 1
    ? (parts[0] ?? "")
    : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

// "Machine Learning" → "machine learning"; acronyms ("AI", "DevOps") stay as written.
function categoryWord(category: string): string {
  return category
    .split(" ")
    .map((word) => (/^[A-Z][a-z]+$/.test(word) ? word.toLowerCase() : word))
    .join(" ");
}
