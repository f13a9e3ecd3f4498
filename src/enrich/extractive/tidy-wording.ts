// A newsletter's register: what a thing is and does, without the publisher's praise of it.

import { capitalizeFirst } from "./stand-alone.js";

// Praise before a noun ("a powerful new feature", "super awesome ruby hacker"); lower case only,
// since "Great Lakes" or "Amazing Grace" is a name. Not before a word that makes it predicative
// or idiomatic ("great for", "a great deal", "a great many").
const BEFORE_PRAISE = ["a", "an", "the", "another", "this", "these", "its", "their", "his", "her"]
  // Not "more" or "most": "a more powerful instance" compares, it does not praise.
  .concat(["some", "many", "of", "with", "for", "and", "new"])
  .map((word) => `[${word.charAt(0)}${word.charAt(0).toUpperCase()}]${word.slice(1)}`)
  .join("|");
const PUFFERY = new RegExp(
  String.raw`(?<=(?:^|\s)(?:${BEFORE_PRAISE})\s)(?:(?:super|really|very|truly|incredibly)[\s-])?` +
    String.raw`(?:powerful|awesome|amazing|great|fantastic|incredible|exciting|wonderful|terrific|stunning|revolutionary|game-changing|best-in-class|world-class|innovative|cutting-edge|nice|neat|handy)\s+` +
    String.raw`(?!(?:and|or|but|for|to|in|at|of|with|as|that|than|deal|many|job|time|fun|idea|news|way)\b)(?=\p{L})`,
  "gu",
);
const ARTICLE_BEFORE = /(?:^|[^\p{L}\p{N}])([Aa]n?)\s$/u;
// Words whose written vowel is said as a consonant ("a user", "a one-off"), or the reverse.
const CONSONANT_SOUND = /^(?:u[bcdfgklmnprstvz][aeiou]|eu|one\b|uni)/i;
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/i;

/** "AWS rolled out a powerful new feature" → "AWS rolled out a new feature". */
export function dropPuffery(text: string): string {
  const pieces: string[] = [];
  let from = 0;
  for (const match of text.matchAll(PUFFERY)) {
    const at = match.index ?? 0;
    let before = text.slice(from, at);
    // Only the piece's end is looked at: "a"/"an" right before the dropped praise.
    const article = ARTICLE_BEFORE.exec(before.slice(-4));
    if (article !== null) {
      const word = article[1] as string;
      const wanted = startsWithVowelSound(text.slice(at + match[0].length)) ? "an" : "a";
      const cased = /^A/.test(word)
        ? `${wanted.charAt(0).toUpperCase()}${wanted.slice(1)}`
        : wanted;
      before = `${before.slice(0, before.length - word.length - 1)}${cased} `;
    }
    pieces.push(before);
    from = at + match[0].length;
  }
  return from === 0 ? text : pieces.join("") + text.slice(from);
}

function startsWithVowelSound(word: string): boolean {
  if (VOWEL_SOUND.test(word)) return true;
  if (CONSONANT_SOUND.test(word)) return false;
  return /^[aeiou]/i.test(word);
}

// "…: by Crowdsourcing mechanical tasks…": a gerund capitalised as a term of art, after a word
// that takes an action as its object ("by", "using", "without") and before a lower-case word;
// "Cloud Computing" or "Hugging Face" (next to another capital) is a name, and after "in" or
// "from" a capitalised "-ing" word is more likely a place (Beijing, Reading).
const CAPITALISED_GERUND =
  /(?<=(?:^|[\s(])(?:[Bb]y|[Uu]se|[Uu]sing|[Ww]ithout|[Tt]hrough|[Vv]ia|[Aa]bout)\s)(\p{Lu})(\p{Ll}{2,}ing)\b(?=\s+\p{Ll})/gu;

/** "By Crowdsourcing mechanical tasks" → "By crowdsourcing mechanical tasks". */
export function lowerTermsOfArt(text: string): string {
  return text.replace(
    CAPITALISED_GERUND,
    (_, first: string, rest: string) => `${first.toLowerCase()}${rest}`,
  );
}

// "…access only a small subset of the assets … and is one of the benefits of using Netflix Drive
// in Studio workflows.": a closing verdict that the thing is good says nothing the rest did not.
const VERDICT =
  /,?\s+(?:and|which) (?:is|are|was|were) (?:one|some|among) (?:of )?the (?:\p{L}+ )?(?:benefits|advantages|strengths|highlights|perks|selling points)\b[^.!?;]*(?=[.!]$)/u;

/**
 * "…and access control and is one of the benefits of using X." → "…and access control." Applied
 * to the chosen text, after selection: the verdict is what marks the sentence a benefit.
 */
export function dropVerdict(text: string): string {
  const verdict = VERDICT.exec(text);
  if (verdict === null) return text;
  const kept = text.slice(0, verdict.index);
  // What is left must still say something: a subject and a verb of its own.
  return (kept.match(/\p{L}{3,}/gu) ?? []).length >= 6
    ? `${kept}${text.slice(verdict.index + verdict[0].length)}`
    : text;
}

// "…upgrades to Go 1.18 which was released yesterday.": a day counted from the post's date, which
// the email, read days later, would make wrong; the clause only dates something else.
const RELATIVE_DATE =
  /,?\s+(?:which|that) (?:was|were|has been|have been|got) (?:released|announced|published|launched|shipped|tagged) (?:just )?(?:yesterday|today|this (?:morning|week)|earlier (?:today|this week)|last (?:night|week)|(?:a few|two|three) days ago)(?=[.,;!]|$)/gu;

// "Since RC2 arrived last week, testers have fixed…": since the thing itself, undated.
const SINCE_RELATIVE =
  /\b((?:[Ss]ince|[Aa]fter) (?:the )?[\p{L}\p{N}.-]+(?: [\p{L}\p{N}.-]+){0,3}?) (?:arrived|was released|came out|shipped|landed|launched|went out|was published) (?:just )?(?:yesterday|today|this (?:morning|week)|earlier (?:today|this week)|last (?:night|week)|(?:a few|two|three) days ago)(?=,)/gu;

/**
 * "…to Go 1.18 which was released yesterday." → "…to Go 1.18."; "Since RC2 arrived last week,
 * testers…" → "Since RC2, testers…".
 */
export function dropRelativeDate(text: string): string {
  return text.replace(RELATIVE_DATE, "").replace(SINCE_RELATIVE, "$1");
}

// "Aaron Patterson has also added criteria based searching…", "In v0.100.0 Hugo also added…":
// "also" adds to what the article said before, which the email does not show. In the sentence's
// first clause only (no comma, and no "and", "but" or "not only" before it: "…, but it has also
// added…" adds within the sentence), and not "also known as" or "also called", which name.
const DANGLING_ALSO =
  /^(?![^,;:()—–]*?\b(?:and|but|or|nor|only|while|whereas)\b[^,;:()—–]*?\salso\s)((?:[^,;:()—–.!?]|[.!?](?=\S))*?[^\s,;:()—–])\s+also\s+(?=\p{Ll})(?!(?:known|called|named|termed|dubbed|referred)\b)/u;

/** "Hugo also added Markdown as an output format." → "Hugo added Markdown as an output format." */
export function dropDanglingAlso(text: string): string {
  return text.replace(DANGLING_ALSO, "$1 ");
}

// "…consumers get (among other things) fast parsing…", "…found with dlopen (or whatever it is
// that windows uses)…": an aside that hedges, and tells the reader nothing.
const HEDGE =
  /\s*\((?:among other things|and so on|and so forth|etc\.?|if you will|so to speak|sort of|kind of|more or less|or so|or something(?: like that)?|or whatever[^()]{0,60})\)(?=[\s.,;:!?]|$)/giu;

/** "…consumers get (among other things) fast parsing." → "…consumers get fast parsing." */
export function dropHedge(text: string): string {
  return text.replace(HEDGE, "");
}

/**
 * A candidate's wording for the email: praise, relative dates, hedges and a dangling "also"
 * dropped, terms of art in lower case.
 */
export function tidyWording(text: string): string {
  return lowerTermsOfArt(dropDanglingAlso(dropHedge(dropRelativeDate(dropPuffery(text)))));
}

// "In a nutshell, TTAL has been designed to simplify script authoring…": the phrase marks the
// sentence as the authors' lesson while the why is chosen; in the email it is filler.
const SUMMING_UP =
  /^(?:in a nutshell|in essence|in summary|to summari[sz]e|to sum (?:it )?up|in conclusion|all in all|simply put|put simply|long story short),\s+(?=\S)/iu;

/**
 * "In a nutshell, TTAL has been designed…" → "TTAL has been designed…". Applied to the chosen
 * text, after selection, as dropVerdict is.
 */
export function dropSummingUp(text: string): string {
  const match = SUMMING_UP.exec(text);
  if (match === null) return text;
  return capitalizeFirst(text.slice(match[0].length));
}
