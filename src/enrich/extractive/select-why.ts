import { scoreOutcome, statesLesson } from "./score-outcome.js";
import type { ScoredSentence } from "./score-sentences.js";
import { isNearDuplicate, rankByScore } from "./select-summary.js";

const RESULTS_BONUS = 3;
const LATE_BONUS = 2;

/** Sentences that state an outcome, result or lesson, strongest first. */
export function rankOutcomes(scored: readonly ScoredSentence[]): ScoredSentence[] {
  const strength = new Map(
    rankByScore(scored).map((sentence) => {
      const outcome = scoreOutcome(sentence.text, sentence.inResults);
      // Articles state results under a "Results" heading, or near the end.
      const placement = sentence.inResults ? RESULTS_BONUS : 0;
      const lateness = (LATE_BONUS * sentence.index) / Math.max(1, scored.length - 1);
      return [sentence, outcome > 0 ? outcome + placement + lateness : 0];
    }),
  );
  return [...strength.entries()]
    .filter(([, outcome]) => outcome > 0)
    .sort(
      ([a, outcomeA], [b, outcomeB]) =>
        outcomeB + b.score - (outcomeA + a.score) || a.index - b.index,
    )
    .map(([sentence]) => sentence);
}

/**
 * "Why it matters": the strongest outcome sentences that fit in `max` characters and do not
 * repeat the summary; else the best remaining sentence; else nothing.
 */
export function selectWhy(
  scored: readonly ScoredSentence[],
  summary: readonly ScoredSentence[],
  max = 300,
  outcomes: readonly ScoredSentence[] = rankOutcomes(scored),
): ScoredSentence[] {
  const fresh = (sentence: ScoredSentence) => !isNearDuplicate(sentence, summary);
  const [first, ...rest] = outcomes.filter(fresh);
  if (first === undefined) {
    const fallback = rankByScore(scored).find(fresh);
    return fallback === undefined ? [] : [fallback];
  }
  const fits = rest.filter(
    (sentence) =>
      first.text.length + 1 + sentence.text.length <= max && !isNearDuplicate(sentence, [first]),
  );
  // A result and the lesson drawn from it say more together than two results.
  const second =
    fits.find((sentence) => statesLesson(sentence.text) !== statesLesson(first.text)) ?? fits[0];
  return second === undefined ? [first] : [first, second].sort((a, b) => a.index - b.index);
}
