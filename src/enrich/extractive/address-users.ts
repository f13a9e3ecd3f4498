// "You can now build, edit and submit…" is a launch told to the reader; the digest says it of the
// people it is for: "Users can now build, edit and submit…". "You" takes the verb forms of a
// plural, so "users" keeps the grammar; "your" becomes "their".

const YOU = /\b(?:you['’](?:re|ve|ll|d)|yourselves|yourself|yours|your|you)\b/gi;
const REPLACEMENTS: Record<string, string> = {
  "you're": "users are",
  "you've": "users have",
  "you'll": "users will",
  "you'd": "users would",
  yourselves: "themselves",
  yourself: "themselves",
  yours: "theirs",
  your: "their",
  you: "users",
};
// "Your code is…" would open on a "Their" that points back; "Thank you", "you and I", a question back to the reader, a quote: no safe rewrite.
const UNSAFE =
  /^your\b|\bthank you\b|\byou and (?:I|me)\b|\b(?:are|do|did|have|can|will|would|could|should) you\b|["“”]/i;
// More than this many and the sentence is about the reader, not what the work lets people do.
const MAX_MENTIONS = 2;

/**
 * The sentence with the reader ("you", "your") said as "users" ("their"); the text unchanged
 * when it does not address the reader; undefined when a rewrite would not read well.
 */
export function addressUsers(sentence: string): string | undefined {
  const mentions = sentence.match(YOU)?.length ?? 0;
  if (mentions === 0) return sentence;
  if (mentions > MAX_MENTIONS || UNSAFE.test(sentence)) return undefined;
  return sentence.replace(YOU, (word, offset: number) => {
    const replacement = REPLACEMENTS[word.toLowerCase().replace("’", "'")] ?? word;
    return offset === 0 ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
  });
}
