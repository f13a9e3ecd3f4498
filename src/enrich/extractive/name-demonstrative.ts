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
  const text = `${before}${article} ${phrase}${sentence.slice(whole.length)}`;
  const opening = standAlone(text);
  return typeof opening === "string" ? undefined : opening.text;
}

function stems(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
    .filter((word) => !STOPWORDS.has(word))
    .map((word) => word.slice(0, STEM));
}
