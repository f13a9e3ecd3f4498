import { STORY_THRESHOLDS } from "./is-same-story.js";
import { HASHES, type StorySignature } from "./story-signature.js";

/**
 * Groups of articles (by index) within which two could tell one story, found without comparing
 * every pair: every pair that `isSameStory` accepts lies in at least one group, so comparing the
 * pairs within each group gives the same stories as comparing all.
 * - Texts: a pair whose MinHashes agree in at least ⌊text × 64⌋ places agrees in a whole band
 *   when the 64 places are cut into one band more than the places they may differ in
 *   (pigeonhole), so articles are grouped by each band's values.
 * - Titles: every title rule needs equal numbers and a Jaccard similarity of at least the lower
 *   title threshold; two such titles share a word among each one's rarest (prefix filtering,
 *   Bayardo et al. 2007), so articles are grouped by those words and their title's numbers.
 */
export function storyCandidates(
  signatures: StorySignature[],
  thresholds = STORY_THRESHOLDS,
): number[][] {
  // Keyed by a hash of what they share: two keys that collide only add pairs to compare.
  const groups = new Map<number, number[]>();
  const add = (key: number, i: number) => {
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  };
  const bands = HASHES - Math.floor(thresholds.text * HASHES) + 1;
  const titleJaccard = Math.min(thresholds.title, thresholds.launchTitle);
  const wordCount = new Map<string, number>();
  for (const signature of signatures)
    for (const word of signature.titleWords) wordCount.set(word, (wordCount.get(word) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) =>
    (wordCount.get(a) ?? 0) - (wordCount.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  for (const [i, signature] of signatures.entries()) {
    const { minHashes, titleWords, titleNumbers } = signature;
    if (minHashes.length === HASHES)
      for (let band = 0; band < bands; band++) {
        const from = Math.floor((band * HASHES) / bands);
        const to = Math.floor(((band + 1) * HASHES) / bands);
        add(keyOf(minHashes.subarray(from, to), band), i);
      }
    // ⌊…⌋ rather than ⌈…⌉: a prefix one word longer than needed, never one too short.
    const words = [...titleWords].sort(rarestFirst);
    const prefix = words.length - Math.floor(titleJaccard * words.length) + 1;
    for (const word of words.slice(0, prefix)) add(keyOf(`${titleNumbers}\u0000${word}`, -1), i);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** A 53-bit key of a band's values or a title word, apart from every other band's. */
function keyOf(values: Uint32Array | string, band: number): number {
  let high = 0x811c9dc5 ^ band;
  let low = 0x01000193 + band;
  const length = values.length;
  for (let n = 0; n < length; n++) {
    const value = typeof values === "string" ? values.charCodeAt(n) : (values[n] as number);
    high = Math.imul(high ^ value, 0x9e3779b1);
    low = Math.imul(low ^ value, 0x85ebca6b) ^ (low >>> 13);
  }
  return (high >>> 0) * 0x200000 + ((low >>> 0) & 0x1fffff);
}
