// "You can now build, edit and submit…" is a launch told to the reader; the digest says it of the
// people it is for: "Users can now build, edit and submit…". "You" takes the verb forms of a
// plural, so "users" (or "teams") keeps the grammar; "your" becomes "their" after a "you" said as
// "users" (its antecedent), "users'" with none ("…to gain access to your Amazon EC2 environment":
// a "their" there names nobody), or "the" where the sentence already says "they" of something else ("…those files…, they must be in the PATH":
// "users' PATH" and "teams' PATH" read as a translation, and a "their" would name the files).

// "…streams are your friends": an idiom of the lesson, kept as the authors say it.
const YOU =
  /\b(?:you['’](?:re|ve|ll|d)|yourselves|yourself|yours|your(?! (?:best |new )?friends?\b)|you)\b/gi;
const PRONOUNS: Record<string, string> = {
  yourselves: "themselves",
  yourself: "themselves",
  yours: "theirs",
  your: "their",
};
const VERBS: Record<string, string> = { re: "are", ve: "have", ll: "will", d: "would" };
// "Your code is…" would open on a "Their" that points back; "Thank you", "you and I", a question
// back to the reader, a quote: no safe rewrite.
const UNSAFE =
  /^your\b|\bthank you\b|\byou and (?:I|me)\b|\b(?:are|do|did|have|can|will|would|could|should) you\b|["“”]/i;
// Other people or things the sentence already says "they" of.
const THEY = /\b(?:they|them|their|theirs|themselves)\b/i;
// "your users can build a child theme": the people the reader serves, said as they are ("users
// can build…"); "teams' users" or a "their" that names nobody would not read.
const SERVED =
  /^\s+(?:users|customers|visitors|readers|audiences?|members|subscribers|clients|employees|developers)\b/i;
// More than this many and the sentence is about the reader, not what the work lets people do.
const MAX_MENTIONS = 2;

/**
 * The sentence with the reader ("you", "your") said as `people` ("users", "teams") and "their";
 * the text unchanged when it does not address the reader; undefined when a rewrite would not
 * read well.
 */
export function addressUsers(sentence: string, people = "users"): string | undefined {
  const mentions = sentence.match(YOU)?.length ?? 0;
  if (mentions === 0) return sentence;
  if (mentions > MAX_MENTIONS || UNSAFE.test(sentence)) return undefined;
  const ambiguous = THEY.test(sentence);
  let named = false;
  const rewritten = sentence.replace(YOU, (word, offset: number) => {
    const lower = word.toLowerCase();
    if (lower === "your" && SERVED.test(sentence.slice(offset + word.length))) return "";
    const contraction = lower.match(/^you['’](re|ve|ll|d)$/)?.[1];
    const pronoun = PRONOUNS[lower];
    const replacement =
      lower === "your"
        ? ambiguous
          ? "the"
          : named
            ? "their"
            : `${people}'`
        : (pronoun ?? (contraction ? `${people} ${VERBS[contraction]}` : people));
    if (pronoun === undefined) named = true;
    return offset === 0 ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
  });
  return rewritten.replace(/ {2,}/g, " ");
}
