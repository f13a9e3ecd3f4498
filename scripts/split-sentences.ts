// The instruments' own sentence splitter (the audit's detectors and the eval's baselines): an
// instrument must not share the code it measures, so this is deliberately simple and independent
// of src/enrich's segmenter.

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "vs",
  "etc",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "inc",
  "ltd",
  "co",
  "corp",
  "no",
  "fig",
  "approx",
  "cf",
  "al",
  "st",
  "jr",
  "sr",
  "u.s",
  "u.k",
]);

/** The sentences of a summary or why: split after . ! ? (and a closing quote or bracket). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?…]+["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const before = text.slice(start, match.index);
    const lastWord = before.split(/\s+/).pop()?.toLowerCase() ?? "";
    if (match[0].startsWith(".") && ABBREVIATIONS.has(lastWord)) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== "") sentences.push(rest);
  return sentences;
}

/** An article's sentences: each line (a paragraph, list item or heading) split into sentences. */
export function articleSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .flatMap((line) => splitSentences(line));
}
