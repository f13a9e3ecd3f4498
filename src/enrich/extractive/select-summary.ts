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

// A summary says what the article did; results and lessons belong to "Why it matters".
const ACTION_BOOST = 1.3;
const RESULTS_PENALTY = 0.7;
// A second sentence only when it is nearly as good as the first; one strong sentence reads best.
const SECOND_SENTENCE = 0.7;

/** How strongly a sentence belongs in the summary: what was done first, results last. */
function summaryWeight(sentence: ScoredSentence): number {
  return (
    sentence.score *
    (sentence.isAction ? ACTION_BOOST : 1) *
    (sentence.inResults ? RESULTS_PENALTY : 1)
  );
}

/**
 * The one or two best sentences, in article order, that fit in `max` characters together.
 * `reserved` sentences (the outcomes kept for "Why it matters") are used only as a last resort.
 */
export function selectSummary(
  scored: readonly ScoredSentence[],
  reserved: ReadonlySet<ScoredSentence>,
  max = 300,
): ScoredSentence[] {
  const ranked = rankByScore(scored).sort(
    (a, b) => summaryWeight(b) - summaryWeight(a) || a.index - b.index,
  );
  const unreserved = ranked.filter((sentence) => !reserved.has(sentence));
  const candidates = unreserved.length > 0 ? unreserved : ranked;
  const [first, ...rest] = candidates;
  if (first === undefined) return [];
  const second = rest.find(
    (sentence) =>
      summaryWeight(sentence) >= SECOND_SENTENCE * summaryWeight(first) &&
      first.text.length + 1 + sentence.text.length <= max &&
      !isNearDuplicate(sentence, [first]),
  );
  return second === undefined ? [first] : [first, second].sort((a, b) => a.index - b.index);
}
