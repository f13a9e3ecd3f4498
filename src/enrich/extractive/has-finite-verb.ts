import { PAST } from "./rewrite-third-person.js";

// Words that are a finite verb wherever they stand.
const AUXILIARY = new Set(
  `is are was were am has have had do does did will would can could shall should may might must
  cannot isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't
  can't couldn't shouldn't mustn't`.split(/\s+/),
);
// After these a word is a noun, not a verb: "added to methods", "the results".
const BEFORE_NOUN = new Set(
  `the a an its their his her my your our no any some every each all of to in on at by for
  from with without into onto over under about via per as than and or many more most few
  several other such new old`.split(/\s+/),
);
// A subject right before its verb: "we use…", "it works…".
const SUBJECT = new Set("i we you they he she it who which this that these those".split(" "));
const ADVERB = /^(?:also|then|now|just|first|finally|later|since|still|\p{L}+ly)$/u;
// A participle followed by one of these heads a phrase ("added to methods", "written by"),
// unless the verb is one that needs no object ("latency dropped to 5 ms").
const PREPOSITION = new Set("to by for from with via".split(" "));
const INTRANSITIVE = new Set(
  `dropped increased decreased declined doubled tripled halved improved jumped climbed soared
  plummeted grew fell rose happened occurred started ended stopped failed worked changed
  stayed remained returned moved shifted went came evolved`.split(/\s+/),
);

/**
 * Whether an English sentence has a finite verb. Conservative: true whenever a word may be one
 * (an auxiliary, a contraction, a past form, a word after a pronoun subject, an "-s" word that
 * follows no article or preposition), so only a headline-like fragment is false: "Conditional
 * functionality added to methods with no weird involvement." Quoted words are no one's verb.
 */
export function hasFiniteVerb(sentence: string): boolean {
  return firstFiniteVerb(sentence) !== undefined;
}

/** The first word (lower case) that `hasFiniteVerb` takes for a finite verb, if any. */
export function firstFiniteVerb(sentence: string): string | undefined {
  const words = sentence
    .replace(/["“][^"”]*["”]/g, " ")
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’.-]+/u)
    .map((word) => word.replace(/\.+$/, ""))
    .filter((word) => word !== "");
  return words.find((word, at) => isFiniteVerb(word, words[at - 1], words[at + 1]));
}

function isFiniteVerb(word: string, before: string | undefined, after: string | undefined) {
  if (AUXILIARY.has(word) || /n['’]t$|['’](?:s|re|ve|ll|d|m)$/.test(word)) return true;
  if (before !== undefined && SUBJECT.has(before)) return true;
  if (PAST.has(word) || INTRANSITIVE.has(word)) return true;
  if (/^\p{L}{2,}ed$/u.test(word)) {
    return (
      after === undefined ||
      !PREPOSITION.has(after) ||
      (before !== undefined && ADVERB.test(before))
    );
  }
  // A plural subject's verb before its object: "small jobs fill in the gaps".
  if (
    before !== undefined &&
    /^\p{L}{2,}[^s'’]s$/u.test(before) &&
    after !== undefined &&
    BEFORE_NOUN.has(after) &&
    /^\p{L}+$/u.test(word) &&
    !BEFORE_NOUN.has(word)
  ) {
    return true;
  }
  return (
    /^\p{L}{3,}[^s'’]s$/u.test(word) &&
    !/(?:ous|ics|ness|ies|\p{L}{4}ings)$/u.test(word) &&
    before !== undefined &&
    !BEFORE_NOUN.has(before) &&
    !/^\p{N}/u.test(before)
  );
}
