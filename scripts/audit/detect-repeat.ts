// A "why it matters" that says the summary again gives the reader nothing new.
const STOPWORDS = new Set(
  "a an the and or but of to in on for with by at from as is are was were be been it its this that these those we our they their which who how what".split(
    " ",
  ),
);

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOPWORDS.has(word));
}

/** Set when most of the why's content words are already in the summary. */
export function detectRepeat(summary: string, why: string): string | undefined {
  const whyWords = contentWords(why);
  if (whyWords.length < 3 || summary.trim() === "") return undefined;
  const summaryWords = new Set(contentWords(summary));
  const shared = whyWords.filter((word) => summaryWords.has(word)).length / whyWords.length;
  return shared >= 0.6 ? `${Math.round(shared * 100)}% of its words are in the summary` : undefined;
}
