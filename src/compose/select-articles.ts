import type { ListConfig } from "../config/index.js";
import { capPerSource } from "./cap-per-source.js";
import { type Candidate, filterArticles } from "./filter-articles.js";

/** An issue's articles from its candidates (newest first): filters → per-source cap → maximum. */
export function selectArticles<T extends Candidate>(
  candidates: T[],
  list: Pick<ListConfig, "filters" | "maxPerSource" | "maxArticles">,
): T[] {
  return capPerSource(filterArticles(candidates, list.filters), list.maxPerSource).slice(
    0,
    list.maxArticles,
  );
}
