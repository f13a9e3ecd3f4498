// "He's now ready to hire a software architect…" leans on "an entrepreneur from Turkey visited
// me…" two sentences before, which cannot be used itself (its "me" has no name). When the
// sentences just before introduce exactly one person by a noun phrase, that phrase can stand in
// for the pronoun: "An entrepreneur from Turkey is now ready to hire…". English only.

import type { ScoredSentence } from "./score-sentences.js";

// Words for a person that a post introduces with "a"/"an" before saying more about them.
const PERSON =
  "entrepreneur|founder|co-founder|developer|engineer|programmer|designer|architect|researcher|scientist|student|customer|user|reader|friend|colleague|partner|startup founder|consultant|analyst|teacher|professor|doctor|journalist|hacker|contributor|maintainer";
const INTRODUCED = new RegExp(
  String.raw`\b([Aa]n? (?:[\p{Ll}-]+ )?(?:${PERSON})(?: (?:from|at|in|of) \p{Lu}[\p{L}.&-]*(?: \p{Lu}[\p{L}.&-]*){0,2})?)(?=[\s,.;:!?])`,
  "gu",
);
const PRONOUN_SUBJECT = /^(?:He|She)(?:['’]s\b| (?=\p{Ll}))/u;
const CONTRACTED = /^(?:He|She)['’]s/;
// How far back the person may have been introduced.
const LOOK_BACK = 3;

/**
 * The sentence with its opening "He"/"She" replaced by the one person the sentences just before
 * introduce ("an entrepreneur from Turkey"), or undefined when there is none or more than one.
 */
export function resolvePronoun(
  scored: readonly ScoredSentence[],
  sentence: ScoredSentence,
): string | undefined {
  if (!PRONOUN_SUBJECT.test(sentence.text)) return undefined;
  const before = scored.slice(Math.max(0, sentence.index - LOOK_BACK), sentence.index);
  if (before.some((one) => one.block !== "prose")) return undefined;
  const people = new Set(
    before.flatMap((one) => [...one.text.matchAll(INTRODUCED)].map((match) => match[1] ?? "")),
  );
  if (people.size !== 1) return undefined;
  const [person = ""] = people;
  const subject = `${person.charAt(0).toUpperCase()}${person.slice(1)}`;
  if (!CONTRACTED.test(sentence.text)) return sentence.text.replace(/^\p{L}+/u, subject);
  // "He's been…", "He's got…": has; "He's now ready…": is.
  const verb = /^\p{L}+['’]s (?:\p{L}+ly )?(?:been|got|gotten|had)\b/u.test(sentence.text)
    ? "has"
    : "is";
  return sentence.text.replace(/^\p{L}+['’]s/u, `${subject} ${verb}`);
}
