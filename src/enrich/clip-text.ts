const CLAUSE_BREAKS = [", ", "; ", " — ", " – ", ": ", " ("];

/**
 * Shortens text to at most `max` characters: whole when it fits, otherwise cut at the last
 * clause boundary (or, failing one in the second half, the last space) and ended with "…".
 */
export function clipText(text: string, max = 300): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const limit = max - 1; // room for the ellipsis
  let cut = -1;
  for (const mark of CLAUSE_BREAKS) {
    const at = trimmed.lastIndexOf(mark, limit - 1);
    if (at > cut) cut = at;
  }
  if (cut < max / 2) cut = trimmed.lastIndexOf(" ", limit);
  // A single word longer than the limit cannot be cut between words; cut it anyway.
  if (cut <= 0) cut = limit;
  const head = trimmed.slice(0, cut).replace(/[\s,;:—–(-]+$/u, "");
  return `${head}…`;
}

/** Joins sentences into one blurb of at most `max` characters, ending in punctuation. */
export function joinSentences(sentences: readonly string[], max = 300): string {
  const joined = sentences.map((sentence) => sentence.trim()).join(" ");
  // List items and unpunctuated lines get a full stop so the blurb reads as prose.
  const ended = /[\p{L}\p{N}%)]$/u.test(joined) ? `${joined}.` : joined;
  return clipText(ended, max);
}

// Where a long English sentence may end early and still be one: before a clause that adds to it.
const ENGLISH_CLAUSES =
  /(?:, (?:which|but|so|while|whereas|allowing|making|enabling|letting|giving|leaving|as|because|since|where|using|such as|including|although|though)\b|; | — | – | \()/g;
const NEUTRAL_CLAUSES = /(?:; | — | – | \()/g;

/**
 * The sentence whole when it fits in `max` characters, else its head up to the last clause
 * boundary that leaves at least 100 characters, ended with a full stop; undefined when there is
 * none (a sentence is never cut mid-clause or ended with "…").
 */
export function shortenSentence(
  sentence: string,
  max: number,
  isEnglish = true,
): string | undefined {
  const text = sentence.trim();
  if (text.length <= max) return text;
  let cut = -1;
  for (const match of text.matchAll(isEnglish ? ENGLISH_CLAUSES : NEUTRAL_CLAUSES)) {
    if (match.index >= max) break;
    cut = match.index;
  }
  if (cut < 100) return undefined;
  const head = text.slice(0, cut).replace(/[\s,;:—–(-]+$/u, "");
  // Cut inside the list a colon opens, the list would read as complete when it is not.
  if (head.includes(": ")) return undefined;
  // An unclosed parenthesis or quote would read as cut off.
  const opened = (head.match(/[(“]/g) ?? []).length;
  const closed = (head.match(/[)”]/g) ?? []).length;
  return opened === closed ? `${head}.` : undefined;
}
