// A newsletter's register: what a thing is and does, without the publisher's praise of it.

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

/** "…to Go 1.18 which was released yesterday." → "…to Go 1.18." */
export function dropRelativeDate(text: string): string {
  return text.replace(RELATIVE_DATE, "");
}

/** A candidate's wording for the email: praise and relative dates dropped, terms of art in lower case. */
export function tidyWording(text: string): string {
  return lowerTermsOfArt(dropRelativeDate(dropPuffery(text)));
}
