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
