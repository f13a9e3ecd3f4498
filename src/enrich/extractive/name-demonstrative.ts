// "Having these source file references to click on… is a real time saver" leans on the sentence
// before only to say which references; when that sentence names them ("…some file context…"),
// "the" says as much and the sentence stands alone: "Having the source file references…".
// English only.

import { STOPWORDS } from "../stopwords.js";
import { standAlone } from "./stand-alone.js";

// The demonstrative early in the sentence, and up to three words of the noun phrase after it.
const DEMONSTRATIVE = /^((?:\S+\s+){0,7}?)(this|these|those)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/iu;
// A word's stem, for "references"/"reference", "files"/"file".
const STEM = 4;

/**
 * `sentence` with its one demonstrative ("this", "these", "those") said as "the", when the
 * words after it name something `previous` names and the result stands alone; else undefined.
 */
export function nameDemonstrative(previous: string, sentence: string): string | undefined {
  const match = DEMONSTRATIVE.exec(sentence);
  if (match === null) return undefined;
  const [whole, before = "", demonstrative = "", phrase = ""] = match;
  const [head = ""] = phrase.split(/\s+/);
  // "This is great…", "these are…": a pronoun, not a word before a noun.
  if (STOPWORDS.has(head.toLowerCase())) return undefined;
  // "…ways to adapt this concept…": another demonstrative still leans on the sentence before.
  if (/\b(?:this|these|those|such)\b/i.test(sentence.slice(whole.length))) return undefined;
  const named = new Set(stems(previous));
  if (!stems(phrase).some((stem) => named.has(stem))) return undefined;
  const article = before === "" && /^\p{Lu}/u.test(demonstrative) ? "The" : "the";
  const text = `${before}${article} ${withName(phrase, previous)}${sentence.slice(whole.length)}`;
  const opening = standAlone(text);
  return typeof opening === "string" ? undefined : opening.text;
}

/**
 * "configuration driven platform" after "With the latest Data Mesh Platform, …" →
 * "configuration driven Data Mesh Platform": the name `previous` gives the phrase's head noun,
 * which says which platform; the phrase as it is when `previous` names none.
 */
function withName(phrase: string, previous: string): string {
  const words = phrase.split(/\s+/);
  const head = words.at(-1) ?? "";
  const caseless = `[${head.charAt(0).toUpperCase()}${head.charAt(0).toLowerCase()}]${head.slice(1)}`;
  const found = new RegExp(String.raw`(?:\p{Lu}[\p{L}\p{N}-]*\s+){1,3}${caseless}\b`, "u").exec(
    previous,
  );
  // "With the latest…", "The platform": a sentence's first word or an article names nothing.
  const name = found?.[0].split(/\s+/).slice(0, -1) ?? [];
  if (name.length === 0 || name.some((word) => STOPWORDS.has(word.toLowerCase()))) return phrase;
  return [...words.slice(0, -1), found?.[0]].join(" ");
}

function stems(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
    .filter((word) => !STOPWORDS.has(word))
    .map((word) => word.slice(0, STEM));
}

// "This new feature, dubbed Requester Pays, works…": the demonstrative's noun, named right after it.
const APPOSITIVE_NAME =
  /^(?:[Tt]his|[Tt]hese)\s+(?:[\p{L}-]+\s+){0,2}([\p{L}-]+),\s+(?:dubbed|called|named|known as)\s+((?:\p{Lu}[\p{L}\p{N}-]*)(?:\s+\p{Lu}[\p{L}\p{N}-]*){0,3}),/u;

/**
 * "AWS rolled out a new feature for Amazon S3…" followed by "This new feature, dubbed Requester
 * Pays, works…" (whatever paragraph it opens): the thing the first sentence leaves unnamed is
 * named where the article names it, "AWS rolled out a new feature called Requester Pays for
 * Amazon S3…". `sentence` as it is when `next` names nothing it says with "a".
 */
export function nameFromNext(sentence: string, next: string | undefined): string {
  const appositive = next === undefined ? null : APPOSITIVE_NAME.exec(next);
  if (appositive === null) return sentence;
  const [, head = "", name = ""] = appositive;
  if (sentence.includes(name)) return sentence;
  // "…rolled out a powerful new feature for Amazon S3…": the same noun, said with "a" or "an".
  const unnamed = new RegExp(String.raw`\b(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}?${head}\b`, "iu").exec(
    sentence,
  );
  if (unnamed === null) return sentence;
  const end = unnamed.index + unnamed[0].length;
  return `${sentence.slice(0, end)} called ${name}${sentence.slice(end)}`;
}
