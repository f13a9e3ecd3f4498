import { conjugate } from "./rewrite-thesis.js";

/** Who an article's first person is, for rewriting it in the third person. */
export interface Voice {
  /** The publisher ("Netflix"), or the author on a personal blog ("Aaron Patterson"). */
  name: string;
  /** A personal blog: "I" is the author and "we" is anyone (the author and the reader). */
  isPersonal: boolean;
}

const PLURAL = /\b(?:[Ww]e|us|[Oo]urs?|[Oo]urselves)\b|\b[Ww]e['’](?:re|ve|ll|d)\b/;
const SINGULAR = /\bI\b|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b/;
// A "we" that is not the publisher: everyone, the reader too, or a group inside it. "Let us…"
// is the reader too only where it opens a clause; "…cut CI time and let us merge" is the publisher.
const AMBIGUOUS =
  /\blet['’]?s\b|(?:^|[.!?:;,]\s+|\b(?:so|now|then|and|but)\s+)let us (?:look|see|take|dive|start|begin|explore|consider|walk|dig|turn|go|get|review|recap|examine|imagine|assume|say)\b|^let us\b|\bwe all\b|\ball of us\b|\bas we (?:know|all|saw|can see)\b|\bwe as\b|\byou and (?:I|me)\b|\b(?:most|each|some|many|few|both|none|one) of us\b|\bwe (?:both|each|engineers|developers|humans|folks)\b|\bwe at\b|\beach other\b|\bone another\b/i;
// Quoted words are someone's own: a rewrite would put words in their mouth. A name in quotes
// ('a gem called "Meow"', 'the "search" method') is no one's words: up to three words.
const QUOTES = /["“”]/;
const SAYING =
  /\b(?:say|says|said|saying|tell|tells|told|ask|asks|asked|write|writes|wrote|reply|replied|answer(?:ed)?)\s+(?:\w+\s+)?$/i;
const QUOTED_NAME = /["“][\p{L}\p{N}][^"“”.!?,;:\s]*(?:\s[^"“”.!?,;:\s]+){0,2}["”]/gu;
const ADVERBS = new Set(
  `also now then still often always usually recently already just only even never first finally
  eventually initially quickly simply currently actually really mostly generally typically
  sometimes soon later again further next ultimately gradually instead immediately`.split(/\s+/),
);
const MODALS = new Set(
  `can could will would should may might must shall cannot can't won't couldn't wouldn't
  shouldn't mustn't can’t won’t couldn’t wouldn’t shouldn’t had was did`.split(/\s+/),
);
const AGREEMENT: Record<string, string> = {
  am: "is",
  are: "is",
  were: "was",
  have: "has",
  do: "does",
  go: "goes",
  "don't": "doesn't",
  "don’t": "doesn’t",
  "haven't": "hasn't",
  "haven’t": "hasn’t",
  "aren't": "isn't",
  "aren’t": "isn’t",
  "weren't": "wasn't",
  "weren’t": "wasn’t",
};
// Past forms (and verbs whose past is their present): left as they are.
export const PAST = new Set(
  `built made wrote ran took chose found saw got went came began brought bought thought taught
  caught sought kept left lost met paid said sent spent stood told understood won held led fed
  felt grew knew threw drew flew gave forgot rode rose broke spoke froze stole woke drove hid
  fell dug stuck struck swung hung sat spun wound sold heard shot slid lit fought did had was
  became overcame rebuilt rewrote undertook withdrew sank shrank sprang swam wore tore bore bent
  dealt meant slept swept wept cut put set let hit shut spread split quit read cost hurt burst
  cast broadcast bet upset shed bid`.split(/\s+/),
);
// "While I was in Japan, I noticed…" → "While in Japan, I noticed…", "While I was developing
// nokogiri, I had to…" → "While developing nokogiri, I had to…": the clause's subject is the
// sentence's, said once (so the author is named once, with no second "I").
const SAME_SUBJECT_CLAUSE =
  /^(While|When|Whilst) (?:I was|we were) ((?:in|at|on) [^,]{2,40}|\p{Ll}{2,}ing [^,]{2,60}), (I|we)\b/u;
const CONTRACTION: Record<string, string> = { re: "is", m: "is", ve: "has", ll: "will" };

// The sentence without its quoted names; quoted words after a verb of saying stay.
function withoutQuotedNames(sentence: string): string {
  return sentence.replace(QUOTED_NAME, (quoted: string, at: number) =>
    SAYING.test(sentence.slice(0, at)) ? quoted : "",
  );
}

interface Token {
  lead: string;
  word: string;
  trail: string;
}

/**
 * The sentence in the third person, naming the voice: "We replaced…" → "Quarry Data replaced…",
 * "our warehouse" → "its warehouse"; on a personal blog "I wrote…" → "Aaron Patterson wrote…".
 * Undefined when a rewrite is not safe: quoted words, a "we" that includes the reader, the
 * other person's pronouns (a company's "I", a personal blog's "we"), "I" twice (no pronoun is
 * known for the author), an "I'd" or "we'd" that could be "had" or "would".
 */
export function rewriteThirdPerson(original: string, voice: Voice): string | undefined {
  const sentence = original.replace(
    SAME_SUBJECT_CLAUSE,
    (_, conjunction, place, subject) => `${conjunction} ${place}, ${subject}`,
  );
  const hasPlural = PLURAL.test(sentence);
  const hasSingular = SINGULAR.test(sentence);
  if (!hasPlural && !hasSingular) return sentence;
  if (hasPlural && hasSingular) return undefined;
  if (hasSingular !== voice.isPersonal) return undefined;
  if (QUOTES.test(withoutQuotedNames(sentence)) || AMBIGUOUS.test(sentence)) return undefined;
  // A dash joins words without a space ("…a reality—we’re excited…"): a word boundary too.
  const tokens = sentence.split(/(\s+|[—–])/).map(toToken);
  const name = voice.name.toLowerCase();
  // "It" only after the name: "Today we talk about who WordPress is for" must not become "it".
  let from = 0;
  let isNamed = false;
  for (let at = 0; at < tokens.length; at += 2) {
    const token = tokens[at] as Token;
    // A new sentence names the publisher again rather than opening with an unclear "It".
    if (at > 0 && opensSentence(tokens, at) && !hasSingular) {
      from = at;
      isNamed = false;
    }
    if (!isNamed && isPronoun(token.word)) isNamed = namedIn(tokens, from, at, name);
    if (hasSingular && isNamed && dropsRepeatedSubject(tokens, at)) continue;
    if (isWishedFor(tokens, at)) {
      token.word = opensSentence(tokens, at) ? "The" : "the";
      continue;
    }
    const replaced = hasSingular
      ? replaceSingular(token.word, isNamed, voice)
      : replacePlural(token.word, isNamed, voice);
    if (replaced === undefined) return undefined;
    if (replaced === token.word) continue;
    if (replaced.includes(voice.name)) isNamed = true;
    if (isSubject(token.word)) {
      if (!agree(tokens, at)) return undefined;
      agreeCoordinated(tokens, at + 2);
    }
    token.word = opensSentence(tokens, at) ? capitalize(replaced) : replaced;
  }
  return tokens.map((token) => `${token.lead}${token.word}${token.trail}`).join("");
}

/**
 * "…has been refactoring Mechanize and I've added…" → "…and has added…": a second "I" that
 * opens a clause after "and" is the same subject, left out ("I've" leaves its verb);
 * the verb after it agrees. False (nothing changed) for any other second "I".
 */
function dropsRepeatedSubject(tokens: Token[], at: number): boolean {
  const token = tokens[at] as Token;
  const before = tokens[at - 2];
  if (before === undefined || before.word !== "and" || before.trail !== "") {
    return false;
  }
  if (token.lead !== "" || token.trail !== "") return false;
  const contraction = token.word.match(/^I['’](m|ve|ll)$/);
  if (contraction) {
    token.word = CONTRACTION[contraction[1] ?? ""] ?? token.word;
    return true;
  }
  if (token.word !== "I" || !agree(tokens, at)) return false;
  tokens[at] = { lead: "", word: "", trail: "" };
  tokens[at + 1] = { lead: "", word: "", trail: "" };
  return true;
}

// "…to write the bytes directly to our desired file": what the writers wish for is no one's
// belonging; "its desired file" reads as the file's wish, "the desired file" as meant.
const WISHED = /^(?:desired|intended|chosen|preferred|wanted|required)$/i;

function isWishedFor(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at] as Token;
  const next = tokens[at + 2];
  return (
    /^(?:our|my)$/i.test(token.word) &&
    token.trail === "" &&
    next !== undefined &&
    next.lead === "" &&
    WISHED.test(next.word)
  );
}

// "…has stayed in touch and have met…": a second verb of the same subject agrees too.
function agreeCoordinated(tokens: Token[], from: number): void {
  for (let at = from; at + 2 < tokens.length; at += 2) {
    const token = tokens[at] as Token;
    if (token.trail !== "") return;
    if (token.word !== "and") continue;
    const next = tokens[at + 2] as Token;
    const agreed = AGREEMENT[next.word];
    if (agreed !== undefined && next.lead === "") next.word = agreed;
    return;
  }
}

function replacePlural(word: string, isNamed: boolean, voice: Voice): string | undefined {
  const lower = word.toLowerCase();
  const subject = isNamed ? "it" : voice.name;
  if (lower === "we") return subject;
  const contraction = lower.match(/^we['’](re|ve|ll|d)$/);
  if (contraction) {
    const verb = CONTRACTION[contraction[1] ?? ""];
    return verb === undefined ? undefined : `${subject} ${verb}`;
  }
  if (word === "us") return subject;
  if (lower === "our") return isNamed ? "its" : possessive(voice.name);
  if (lower === "ourselves") return "itself";
  if (lower === "ours") return undefined;
  return word;
}

function replaceSingular(word: string, isNamed: boolean, voice: Voice): string | undefined {
  const lower = word.toLowerCase();
  const isPronoun = word === "I" || /^I['’]/.test(word) || /^(?:me|my|mine|myself)$/.test(lower);
  if (!isPronoun) return word;
  // A second "I" would need the author's pronoun, which the feed does not give.
  if (isNamed) return undefined;
  if (word === "I" || lower === "me") return voice.name;
  if (lower === "my") return possessive(voice.name);
  const contraction = word.match(/^I['’](m|ve|ll|d)$/);
  const verb = CONTRACTION[contraction?.[1] ?? ""];
  return verb === undefined ? undefined : `${voice.name} ${verb}`;
}

const PRONOUN = /^(?:we|us|our|ours|ourselves|i|me|my|mine|myself)$|^(?:we|i)['’]/i;

function isPronoun(word: string): boolean {
  return PRONOUN.test(word);
}

// Whether the tokens from `from` up to `at` (the words already read) name the voice.
function namedIn(tokens: readonly Token[], from: number, at: number, name: string): boolean {
  let text = "";
  for (let index = from; index < at; index++) {
    const token = tokens[index] as Token;
    text += `${token.lead}${token.word}${token.trail}`;
  }
  return text.toLowerCase().includes(name);
}

function isSubject(word: string): boolean {
  return /^(?:we|i)$/i.test(word);
}

/**
 * Puts the verb after a replaced subject in the third person ("we run" → "it runs"), past
 * any adverbs; false when the next word is no verb this knows how to agree.
 */
function agree(tokens: Token[], at: number): boolean {
  let next = at + 2;
  for (let skipped = 0; skipped < 2; skipped++) {
    const word = tokens[next]?.word.toLowerCase() ?? "";
    if (!ADVERBS.has(word) && !/^\p{L}+ly$/u.test(word)) break;
    next += 2;
  }
  const token = tokens[next];
  if (token === undefined || token.lead !== "") return false;
  const word = token.word;
  const lower = word.toLowerCase();
  if (!/^\p{Ll}[\p{Ll}'’-]*$/u.test(word)) return false;
  if (MODALS.has(lower) || PAST.has(lower) || /ed$/.test(lower)) return true;
  const agreed = AGREEMENT[lower];
  if (agreed !== undefined) {
    token.word = agreed;
    return true;
  }
  // Pronouns, articles and prepositions after "we" are not verbs ("we both", "we at…").
  if (/^(?:the|a|an|to|at|in|on|of|for|and|or|who|that|which|all|both|each)$/.test(lower)) {
    return false;
  }
  token.word = conjugate(word);
  return true;
}

function toToken(part: string): Token {
  const match = part.match(/^([^\p{L}\p{N}]*)([\p{L}\p{N}'’-]*?)([^\p{L}\p{N}]*)$/u);
  if (!match) return { lead: "", word: part, trail: "" };
  return { lead: match[1] ?? "", word: match[2] ?? "", trail: match[3] ?? "" };
}

function opensSentence(tokens: readonly Token[], at: number): boolean {
  if (at === 0) return true;
  const before = tokens[at - 2];
  return before !== undefined && /[.!?:]["'”’)]*$/.test(before.trail);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Netflix" → "Netflix's", "Lumen Labs" → "Lumen Labs'". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
