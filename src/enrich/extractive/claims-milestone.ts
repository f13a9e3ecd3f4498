// "…, data movement in Netflix Studio reaches a new stage": a milestone claimed, nothing said of
// what changed. English only.
const MILESTONE =
  /\b(?:reach(?:es|ed)?|enter(?:s|ed)?|marks?|marked|opens?|opened|begins?|began|takes? \S+ to) (?:a|an|the) (?:\w+ )?(?:new|next|whole new) (?:stage|level|phase|chapter|era|milestone|step|heights?)\b/i;

/** True for a sentence that claims a milestone ("…reaches a new stage"). */
export function claimsMilestone(text: string): boolean {
  return MILESTONE.test(text);
}
