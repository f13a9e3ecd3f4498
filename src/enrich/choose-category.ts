import type { ScoredTag } from "./extract-tags.js";
import { type Category, DEFAULT_CATEGORY } from "./vocabulary.js";

/** The category its tags point to most strongly; ties go to the higher-ranked tag. */
export function chooseCategory(tags: readonly ScoredTag[]): Category {
  const weights = new Map<Category, number>();
  for (const { category, score } of tags) {
    if (category !== undefined) weights.set(category, (weights.get(category) ?? 0) + score);
  }
  let best: Category = DEFAULT_CATEGORY;
  let bestWeight = 0;
  // Map iteration follows insertion, i.e. tag rank, so ">" keeps the earlier one on a tie.
  for (const [category, weight] of weights) {
    if (weight > bestWeight) [best, bestWeight] = [category, weight];
  }
  return best;
}
