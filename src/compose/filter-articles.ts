import type { ListFilters } from "../config/index.js";
import { compilePattern } from "./match-pattern.js";

/** What compose knows about a candidate article when it chooses an issue's articles. */
export interface Candidate {
  id: number;
  feedId: number;
  title: string;
  text: string;
  /** The feed's categories, the enrichment's category and its tags. */
  topics: string[];
}

/**
 * Keeps the candidates a list's filters let through, in order. `include` needs one match (when
 * given), `exclude` none, both on title and text; `categories` needs one topic in common.
 */
export function filterArticles<T extends Candidate>(candidates: T[], filters: ListFilters): T[] {
  const include = filters.include.map(compilePattern);
  const exclude = filters.exclude.map(compilePattern);
  const categories = new Set(filters.categories.map((c) => c.toLowerCase()));
  return candidates.filter((article) => {
    const text = `${article.title}\n${article.text}`;
    if (include.length > 0 && !include.some((match) => match(text))) return false;
    if (exclude.some((match) => match(text))) return false;
    if (categories.size > 0 && !article.topics.some((t) => categories.has(t.toLowerCase())))
      return false;
    return true;
  });
}
