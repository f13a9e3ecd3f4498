// "He's now ready to hire a software architect…" leans on "an entrepreneur from Turkey visited
// me…" two sentences before, which cannot be used itself (its "me" has no name). When the
// sentences just before introduce exactly one person by a noun phrase, that phrase can stand in
// for the pronoun: "An entrepreneur from Turkey is now ready to hire…". English only.

import { STOPWORDS } from "../stopwords.js";
import { addressUsers } from "./address-users.js";
import { hasFiniteVerb } from "./has-finite-verb.js";
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

// "It lets you…", "Basically, it decorates…": "it" as the subject of a verb that says what a
// thing does; not "it is/seems/takes…", whose "it" is often no thing at all.
const IT_DOES =
  /^(?:(?:\p{L}+ly|in short|in a nutshell|simply put),\s+)?it (?!(?:is|was|seems|appears|looks|takes|turns|means|makes sense|has been|feels|sounds)\b)(?=\p{Ll}+s\b)/iu;
// How far into the article, and how far back in the paragraph, the title's subject may stand.
const EARLY_PARAGRAPHS = 2;
const LOOK_BACK_IT = 3;
const MAX_TITLE_WORDS = 6;

/**
 * "It lets you sloppily explore documents." under "Nokogiri's Slop Feature", after "Why is it
 * called “slop”?": the sentence with its opening "it" named as the title's subject ("Nokogiri's
 * Slop feature lets users sloppily explore documents."), when the title is a short noun phrase,
 * the sentence is in the article's first paragraphs, and every sentence back to one that names a
 * word of the title speaks of "it" too. Undefined when any of that fails.
 */
export function nameTitleSubject(
  scored: readonly ScoredSentence[],
  sentence: ScoredSentence,
  title: string,
): string | undefined {
  const match = IT_DOES.exec(sentence.text);
  const subject = match && titleSubject(title, scored);
  if (!match || subject === undefined) return undefined;
  const first = scored.find((one) => one.block === "prose")?.paragraph ?? 0;
  if (sentence.paragraph - first >= EARLY_PARAGRAPHS) return undefined;
  const words = titleWords(title);
  let isNamed = false;
  for (let at = sentence.index - 1; at >= Math.max(0, sentence.index - LOOK_BACK_IT); at--) {
    const before = scored[at] as ScoredSentence;
    if (before.paragraph !== sentence.paragraph) break;
    if (
      words.some((word) =>
        new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "iu").test(before.text),
      )
    ) {
      isNamed = true;
      break;
    }
    if (!/\bit\b/i.test(before.text)) break;
  }
  if (!isNamed) return undefined;
  return addressUsers(`${subject} ${sentence.text.slice(match[0].length)}`);
}

/** The title's lowercased words but stopwords, the ones it may be named by. */
function titleWords(title: string): string[] {
  return (
    title
      .toLowerCase()
      .replace(/['’]s\b/g, "")
      .match(/\p{L}[\p{L}\p{N}-]{2,}/gu) ?? []
  ).filter((word) => !STOPWORDS.has(word));
}

/**
 * A title that is a short noun phrase ("Nokogiri's Slop Feature"), as a sentence's subject: a
 * word the article writes in lowercase and never capitalized past a sentence's start is
 * lowercased ("Nokogiri's Slop feature"). Undefined for a title that is a sentence or a headline.
 */
function titleSubject(title: string, scored: readonly ScoredSentence[]): string | undefined {
  const words = title.trim().split(/\s+/);
  if (words.length > MAX_TITLE_WORDS || /[:?!"“”]/.test(title)) return undefined;
  if (hasFiniteVerb(title.replace(/['’]s\b/g, ""))) return undefined;
  const text = scored.map((one) => one.text).join(" ");
  return words
    .map((word, at) => {
      const lower = word.toLowerCase();
      if (at === 0 || word === lower || !/^\p{Lu}\p{Ll}+$/u.test(word)) return word;
      const isLower = new RegExp(`(?<![\\p{L}])${lower}(?![\\p{L}])`, "u").test(text);
      const isCapital = new RegExp(`(?<![.!?]\\s+|^)(?<![\\p{L}])${word}(?![\\p{L}])`, "u").test(
        text,
      );
      return isLower && !isCapital ? lower : word;
    })
    .join(" ");
}

// "Full site editing is here.", "The Navigation block": a heading that names a thing.
const ARRIVAL =
  /\s+(?:is|are) (?:here|now available|available)|\s+(?:has|have) arrived|\s+arrives?/i;
const MAX_HEADING_WORDS = 5;

/**
 * "It puts you in control of your whole site…" right under the heading "Full site editing is
 * here.": the sentence with its opening "it" named as the heading's subject ("Full site editing
 * puts users in control of their whole site…"), when the heading is a short noun phrase (past an
 * "is here"). Undefined otherwise.
 */
export function nameHeadingSubject(
  scored: readonly ScoredSentence[],
  sentence: ScoredSentence,
): string | undefined {
  const match = IT_DOES.exec(sentence.text);
  const heading = scored[sentence.index - 1];
  if (!match || heading === undefined || heading.kind !== "heading") return undefined;
  const subject = heading.text.replace(/[.!]$/, "").replace(ARRIVAL, "").trim();
  const words = subject.split(/\s+/);
  if (words.length > MAX_HEADING_WORDS || !/^\p{Lu}/u.test(subject) || /[?:]/.test(subject)) {
    return undefined;
  }
  if (hasFiniteVerb(subject.replace(/['’]s\b/g, ""))) return undefined;
  return addressUsers(`${subject} ${sentence.text.slice(match[0].length)}`);
}
