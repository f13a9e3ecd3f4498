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
// Where a long summary sentence can end early and still say what happened. Not at a bare comma
// or "and": those cut appositions and lists ("…, Executive Director.").
const CLAUSE_BREAKS = [" by ", ", which ", ", so that ", ", so ", " — ", "; "];

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
  let end = -1;
  for (const mark of CLAUSE_BREAKS) {
    const at = sentence.lastIndexOf(mark, MAX_HIGHLIGHT);
    if (at >= MIN_CLAUSE) {
      end = at;
      break;
    }
  }
  return end === -1 ? card.title : `${sentence.slice(0, end).replace(/[,;:]$/, "")}.`;
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
