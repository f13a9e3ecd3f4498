import type { WhyMethod } from "../enrich/index.js";
import { type BriefSignals, briefKindOf } from "./brief-kind.js";

/** What the substance of an article is rated from: its enrichment, title and text. */
export interface SubstanceSignals extends BriefSignals {
  /** How sure the summarizer was (0–1; 1 for the editor's own); null when unknown (old rows). */
  confidence: number | null;
  /** How the summary and why were chosen ("thesis+outcome", "model"); null when unknown. */
  method: string | null;
  /** There is a why to show: the editor's or the summarizer's. */
  hasWhy: boolean;
}

// What the why states, as the built-in summarizer names it after the "+" of its method: a result
// or a lesson is the reason to read; a launch, a benefit or an update advice a modest one; the
// article's most central remaining sentence hardly one.
const WHY_WEIGHT: Record<Exclude<WhyMethod, "none">, number> = {
  outcome: 1,
  lesson: 1,
  launch: 0.6,
  benefit: 0.6,
  update: 0.6,
  context: 0.3,
};
// A why of a kind not named (a model's, an editor's over "…+none") counts as a benefit.
const UNNAMED_WHY = 0.6;
// Reading minutes past which an article is not deeper for being longer: a long-form post.
const DEPTH_CAP_MINUTES = 5;
// The parts of the score: a summary that reads well, a reason to read, something to read.
const CONFIDENCE_SHARE = 0.3;
const WHY_SHARE = 0.3;
const DEPTH_SHARE = 0.4;
// A brief post counts for this much of its summary and why; its length is not
// its own (a transcript, a list of links, a changelog) and counts nothing.
const BRIEF_SHARE = 0.5;

/**
 * How much an article gives a reader, 0–1: the summary's confidence (in steps of 0.1, so that a
 * hair of confidence does not beat freshness), what its why states, and its length in whole
 * reading minutes (the square root, capped at 5: the fourth minute adds less than the first);
 * for a brief post (see `briefKindOf`), half of its summary's and why's part
 * alone. Pure and cheap.
 */
export function rateSubstance(article: SubstanceSignals): number {
  const confidence = Math.round((article.confidence ?? 0.5) * 10) / 10;
  const entry = CONFIDENCE_SHARE * confidence + WHY_SHARE * whyWeight(article);
  if (briefKindOf(article) !== undefined) return round(entry * BRIEF_SHARE);
  const minutes = Math.min(article.readMinutes ?? 0, DEPTH_CAP_MINUTES);
  return round(entry + DEPTH_SHARE * Math.sqrt(minutes / DEPTH_CAP_MINUTES));
}

// Exact ties, so that recency decides between equals and not a float's last bit.
function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function whyWeight({ hasWhy, method }: SubstanceSignals): number {
  if (!hasWhy) return 0;
  const kind = method?.split("+")[1];
  return (
    (kind !== undefined &&
      Object.hasOwn(WHY_WEIGHT, kind) &&
      WHY_WEIGHT[kind as keyof typeof WHY_WEIGHT]) ||
    UNNAMED_WHY
  );
}
