import type { Candidate } from "./build-candidates.js";
import type { SummaryMethod } from "./select-summary.js";
import type { WhyMethod } from "./select-why.js";

/** Below this, the preview marks an entry for the editor to read before it goes out. */
export const LOW_CONFIDENCE = 0.5;

const BY_METHOD: Record<SummaryMethod, number> = {
  thesis: 0.85,
  action: 0.75,
  lead: 0.65,
  central: 0.55,
  none: 0.1,
};

export interface ConfidenceInput {
  method: SummaryMethod;
  why: WhyMethod;
  summary: readonly Candidate[];
  isEnglish: boolean;
  /** Characters of article text. */
  length: number;
}

/**
 * How sure the built-in summarizer is that the entry reads well, 0–1: by how the summary was
 * found (a thesis beats a central sentence), less for repairs, short excerpts, a language the
 * rules do not cover, or a missing why.
 */
export function rateConfidence(input: ConfidenceInput): number {
  let confidence = BY_METHOD[input.method];
  if (input.summary.some((candidate) => candidate.isRepaired)) confidence -= 0.1;
  if (input.summary.length > 1) confidence -= 0.05;
  // An excerpt of a few sentences gives little to choose from.
  if (input.length < 600) confidence -= 0.1;
  if (!input.isEnglish) confidence -= 0.2;
  else if (input.why === "none") confidence -= 0.05;
  // A why that is only the article's most central remaining sentence may not be a reason.
  else if (input.why === "context") confidence -= 0.15;
  return Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100;
}
