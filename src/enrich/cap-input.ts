import { countReadMinutes } from "./count-read-minutes.js";
import type { SummarizeInput, Summarizer, Summary } from "./types.js";

/**
 * The most of an article's text (and, separately, of its HTML) the summarizer reads. A summary
 * and a "why it matters" come from a post's opening and body: 200,000 characters is some 30,000
 * words, several times the longest real post, so no real article is cut; a 10 MB one no longer
 * costs seconds of the main thread. Read minutes still count the whole text.
 */
export const MAX_INPUT_CHARS = 200_000;

// Where text may be cut, best first: a paragraph break, a sentence's end, any white space.
const TEXT_BREAKS = [/\n[ \t]*\n/g, /[.!?…]["'”’)\]]*\s/g, /\s/g];
// In HTML, after the end of a block: the parser then sees whole paragraphs only.
const HTML_BREAKS = [
  /<\/(?:p|div|section|article|li|ul|ol|dl|dd|blockquote|pre|figure|table|h[1-6])\s*>/gi,
  />/g,
];

/** The input with its text and HTML cut to MAX_INPUT_CHARS at the last boundary before the cap. */
export function capInput(input: SummarizeInput, max = MAX_INPUT_CHARS): SummarizeInput {
  const text = capText(input.text, max);
  const html = input.html === undefined ? undefined : capAt(input.html, max, HTML_BREAKS, true);
  if (text === input.text && html === input.html) return input;
  return { ...input, text, ...(html !== undefined ? { html } : {}) };
}

/** Plain text cut to `max` characters at the last paragraph break, sentence end or space. */
export function capText(text: string, max: number): string {
  return capAt(text, max, TEXT_BREAKS, false);
}

/** The summarizer, reading at most MAX_INPUT_CHARS of each article; read minutes from all of it. */
export function withCappedInput(summarizer: Summarizer, max = MAX_INPUT_CHARS): Summarizer {
  return {
    ...summarizer,
    summarize: async (input) => {
      const capped = capInput(input, max);
      const summary: Summary = await summarizer.summarize(capped);
      return capped.text === input.text
        ? summary
        : { ...summary, readMinutes: countReadMinutes(input.text) };
    },
  };
}

// The head up to the end of the last break that ends within `max` characters; with none in the
// second half, cut at `max` itself.
function capAt(value: string, max: number, breaks: readonly RegExp[], keepBreak: boolean): string {
  if (value.length <= max) return value;
  const head = value.slice(0, max);
  for (const pattern of breaks) {
    let end = -1;
    for (const match of head.matchAll(pattern))
      end = keepBreak ? match.index + match[0].length : match.index + match[0].trimEnd().length;
    if (end > max / 2) return head.slice(0, end);
  }
  // Never half a surrogate pair.
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}
