// "You can now build, edit and submit…" is a launch told to the reader; the digest says it of the
// people it is for: "Users can now build, edit and submit…". "You" takes the verb forms of a
// plural, so "users" (or "teams") keeps the grammar; "your" becomes "their" after a "you" said as
// "users" (its antecedent), "users'" with none ("…provides management of your Amazon EC2
// environment": a "their" there names nobody), or "the" where the sentence already says "they"
// of something else ("…those files…, they must be in the PATH": "users' PATH" and "teams' PATH"
// read as a translation, and a "their" would name the files).

const YOU = /\b(?:you['’](?:re|ve|ll|d)|yourselves|yourself|yours|your|you)\b/gi;
const PRONOUNS: Record<string, string> = {
  yourselves: "themselves",
  yourself: "themselves",
  yours: "theirs",
  your: "their",
};
const VERBS: Record<string, string> = { re: "are", ve: "have", ll: "will", d: "would" };
// "Your code is…" would open on a "Their" that points back; "Thank you", "you and I", a question
// back to the reader, a quote, an idiom said to the reader ("your friend" as a noun): no safe
// rewrite.
const UNSAFE =
  /^your\b|\bthank you\b|\byou and (?:I|me)\b|\b(?:are|do|did|have|can|will|would|could|should) you\b|\byour (?:best |new )?friends?\b|["“”]/i;
// Other people or things the sentence already says "they" of.
const THEY = /\b(?:they|them|their|theirs|themselves)\b/i;
// "your users can build a child theme": the people the reader serves, said as they are ("users
// can build…"); "teams' users" or a "their" that names nobody would not read.
const SERVED =
  /^\s+(?:users|customers|visitors|readers|audiences?|members|subscribers|clients|employees|developers)\b/i;
// "For managing memory allocations, streams are your friends.": the idiom says what to reach for,
// and says it of nobody in particular ("…are users' friends" would be a slogan about nobody).
const FRIEND = /\b(is|are) your (?:best |new )?friends?\b/gi;
// More than this many and the sentence is about the reader, not what the work lets people do.
const MAX_MENTIONS = 2;

// "It's easier than ever to gain access to your Amazon EC2 environment": the one who acts is left
// unsaid, and it is the reader; "…to users' environment" would make it anyone (a breach, not a
// convenience). The reader is said as the one who acts: "Users can gain access to their…".
const EXTRAPOSED =
  /^It(?:['’]s| is) (now )?((?:much |far |a lot |even )?)(\p{L}+)( than ever)? to (?=\p{Ll})/u;
// How "It's ADJ to do" reads as "can do": before the verb, and after what is done.
const MANNER: Record<string, readonly [before: string, after: string]> = {
  easy: ["easily ", ""],
  easier: ["", "more easily"],
  possible: ["", ""],
  faster: ["", "faster"],
  quicker: ["", "more quickly"],
};

/**
 * The sentence with the reader ("you", "your") said as `people` ("users", "teams") and "their";
 * the text unchanged when it does not address the reader; undefined when a rewrite would not
 * read well.
 */
export function addressUsers(given: string, people = "users"): string | undefined {
  const sentence = given.replace(FRIEND, "$1 the answer");
  const mentions = sentence.match(YOU)?.length ?? 0;
  if (mentions === 0) return sentence;
  if (mentions > MAX_MENTIONS || UNSAFE.test(sentence)) return undefined;
  const agent = nameAgent(sentence, people);
  const text = agent ?? sentence;
  const ambiguous = THEY.test(sentence);
  // Once the people are named, a "your" is theirs.
  let named = agent !== undefined;
  const rewritten = text.replace(YOU, (word, offset: number) => {
    const lower = word.toLowerCase();
    if (lower === "your" && SERVED.test(text.slice(offset + word.length))) return "";
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

/**
 * "It's easier than ever to gain access to your…" with `people` as the one who acts, its "your"
 * still to say: "Users can gain access to your… more easily than ever" ("It's important for users
 * to back up your…" for other adjectives); undefined when a "you" names who acts, or the sentence
 * is not so built.
 */
function nameAgent(sentence: string, people: string): string | undefined {
  const match = EXTRAPOSED.exec(sentence);
  if (match === null || /\byou\b|\byou['’]/i.test(sentence)) return undefined;
  const [opening, now = "", degree = "", adjective = "", ever = ""] = match;
  const rest = sentence.slice(opening.length);
  const manner = MANNER[adjective.toLowerCase()];
  // "It's easier to log in with a password than to retrieve your keys" compares two ways.
  if (manner === undefined || /\bthan to\b/.test(rest)) {
    return `${sentence.slice(0, opening.length - "to ".length)}for ${people} to ${rest}`;
  }
  const [, done = rest, end = ""] = /^(.*?)([.!]?)$/su.exec(rest) ?? [];
  const after = manner[1] === "" ? "" : ` ${degree}${manner[1]}${ever}`;
  const subject = people.charAt(0).toUpperCase() + people.slice(1);
  return `${subject} can ${now}${manner[0]}${done}${after}${end}`;
}
