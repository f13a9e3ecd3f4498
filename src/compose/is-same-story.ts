import {
  type StorySignature,
  textSimilarity,
  titleSimilarity,
  vocabularySimilarity,
} from "./story-signature.js";

/**
 * The thresholds, measured on the 275 articles of ../shared/conformance/real-feeds and the demo
 * feeds (37,675 pairs of different stories) and on the pairs in test/compose/story-pairs.ts:
 * - text: cross-posts and re-published posts score 0.83; the closest different stories, a
 *   blog's templated release notes ("WordPress 5.9 RC 2" / "RC 1"), 0.52;
 * - title alone (title-only items): the same announcement scores 1.0; different stories with
 *   the same numbers in the title at most 0.67 ("Getting Started with Sentiment Analysis on
 *   Twitter" / "… using Python");
 * - one launch written up by two blogs shares its title's names and numbers (0.5) and a fifth
 *   of its vocabulary (0.21), against 0.10 for two posts on one subject. Within one feed, a
 *   release series looks like that too ("WordPress 5.9 RC 1" / "Beta 1": 0.67 and 0.24), so this
 *   rule applies only across feeds: one blog does not write up its own launch twice.
 */
export const STORY_THRESHOLDS = {
  text: 0.7,
  title: 0.8,
  launchTitle: 0.4,
  launchSharedWords: 3,
  launchVocabulary: 0.15,
};

/** True when two articles tell one story (see STORY_THRESHOLDS for how each rule was measured). */
export function isSameStory(
  a: StorySignature,
  b: StorySignature,
  isSameFeed: boolean,
  thresholds = STORY_THRESHOLDS,
): boolean {
  if (textSimilarity(a, b) >= thresholds.text) return true;
  // Two releases of one project differ only in their numbers.
  if (a.titleNumbers !== b.titleNumbers) return false;
  const title = titleSimilarity(a, b);
  if (title.jaccard >= thresholds.title && title.shared >= 2) return true;
  return (
    !isSameFeed &&
    title.jaccard >= thresholds.launchTitle &&
    title.shared >= thresholds.launchSharedWords &&
    vocabularySimilarity(a, b) >= thresholds.launchVocabulary
  );
}
