import { chooseCategory } from "../choose-category.js";
import { joinSentences } from "../clip-text.js";
import { countReadMinutes } from "../count-read-minutes.js";
import type { ScoredTag, TagInput } from "../extract-tags.js";
import { MAX_CHARS } from "../max-chars.js";
import { segmentDocument } from "../segment-sentences.js";
import type { SummarizeInput, Summary } from "../types.js";
import { scoreSentences } from "./score-sentences.js";
import { selectSummary } from "./select-summary.js";
import { rankOutcomes, selectWhy } from "./select-why.js";

/** At most this many tags per article. */
export const MAX_TAGS = 5;
// In a module of its own, which the CLI reads at start without the summarizer; re-exported here.
export { MAX_CHARS } from "../max-chars.js";

// Keeps the quadratic similarity graph small for book-length input; the lede is at the top.
const MAX_SENTENCES = 250;

/**
 * Summarizes one article from its own sentences. Order matters:
 * segment → score → reserve the outcome sentences for "why" (a summary says what was done)
 * → pick the summary from the rest → pick "why" avoiding the summary → tags → category from
 * the tags → read time.
 */
export function summarizeExtractively(
  input: SummarizeInput,
  extractTags: (input: TagInput) => ScoredTag[],
): Summary {
  const sentences = segmentDocument(input.text).slice(0, MAX_SENTENCES);
  const scored = scoreSentences(sentences, input.title);
  const outcomes = rankOutcomes(scored);
  const reserved = new Set(outcomes);
  const summarySentences = selectSummary(scored, reserved, MAX_CHARS);
  const whySentences = selectWhy(scored, summarySentences, MAX_CHARS, outcomes);
  const tags = extractTags(input).slice(0, MAX_TAGS);
  return {
    // With no usable sentence (empty text, only headings) there is nothing to say: repeating
    // the title, which the email shows right above, would only look like a summary.
    summary: joinSentences(
      summarySentences.map((sentence) => sentence.text),
      MAX_CHARS,
    ),
    why: joinSentences(
      whySentences.map((sentence) => sentence.text),
      MAX_CHARS,
    ),
    tags: tags.map((tag) => tag.tag),
    category: chooseCategory(tags),
    readMinutes: countReadMinutes(input.text),
  };
}
