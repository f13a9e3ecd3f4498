import type { ScoredSentence } from "./score-sentences.js";
import { cosineSimilarity } from "./vectorize-sentences.js";

/** Above this cosine two sentences say the same thing; only one of them is kept. */
export const NEAR_DUPLICATE = 0.6;

/** True when `sentence` repeats any of `others`. */
export function isNearDuplicate(
  sentence: ScoredSentence,
  others: readonly ScoredSentence[],
): boolean {
  return others.some(
    (other) =>
      other === sentence || cosineSimilarity(sentence.vector, other.vector) > NEAR_DUPLICATE,
  );
}

/** Content sentences, best first; ties go to the earlier sentence. */
export function rankByScore(scored: readonly ScoredSentence[]): ScoredSentence[] {
  return scored
    .filter((sentence) => sentence.kind === "content")
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

/**
 * The one or two best sentences, in article order, that fit in `max` characters together.
 * `reserved` sentences (the outcome kept for "Why it matters") are used only as a last resort.
 */
export function selectSummary(
  scored: readonly ScoredSentence[],
  reserved: ReadonlySet<ScoredSentence>,
  max = 300,
): ScoredSentence[] {
  const ranked = rankByScore(scored);
  const unreserved = ranked.filter((sentence) => !reserved.has(sentence));
  const candidates = unreserved.length > 0 ? unreserved : ranked;
  const [first, ...rest] = candidates;
  if (first === undefined) return [];
  const second = rest.find(
    (sentence) =>
      sentence.score >= 0.7 * first.score &&
      first.text.length + 1 + sentence.text.length <= max &&
      !isNearDuplicate(sentence, [first]),
  );
  return second === undefined ? [first] : [first, second].sort((a, b) => a.index - b.index);
}
