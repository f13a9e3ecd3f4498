import { type ScoredTag, TITLE_WEIGHT } from "./extract-tags.js";
import { type Category, DEFAULT_CATEGORY } from "./vocabulary.js";

/**
 * The category its tags point to most strongly (ties go to the higher-ranked tag), when the
 * article itself says it at least as strongly as a title naming it would; else the default.
 */
export function chooseCategory(tags: readonly ScoredTag[]): Category {
  const weights = new Map<Category, { score: number; own: number }>();
  for (const { category, score, own } of tags) {
    if (category === undefined) continue;
    const weight = weights.get(category) ?? { score: 0, own: 0 };
    weights.set(category, { score: weight.score + score, own: weight.own + own });
  }
  let best: Category = DEFAULT_CATEGORY;
  let bestWeight = { score: 0, own: 0 };
  // Map iteration follows insertion, i.e. tag rank, so ">" keeps the earlier one on a tie.
  for (const [category, weight] of weights) {
    if (weight.score > bestWeight.score) [best, bestWeight] = [category, weight];
  }
  // A broader tag's share repeats its narrower tag's evidence: it ranks, it does not qualify.
  return bestWeight.own >= TITLE_WEIGHT ? best : DEFAULT_CATEGORY;
}
