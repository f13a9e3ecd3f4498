import { STOPWORDS } from "../stopwords.js";
import { stemWord } from "../tokenize-words.js";

// Numbers: "38%", "3.5x", "$40,000", "1.2M"; the 99 of "p99" belongs to a name.
const NUMBER = /(?<![\p{L}\p{N}.])\d+(?:[.,]\d+)*/gu;
// Capitalized words and identifiers with a capital inside: "PgBouncer", "AWS", "Kafka", "iOS".
const NAME = /(?<![\p{L}\p{N}])\p{L}*\p{Lu}[\p{L}\p{N}]*(?:[-.]\p{L}[\p{L}\p{N}]*)*/gu;
// Words a model capitalizes without naming anything.
const COMMON = new Set(["I", "A", "An", "The", "This", "That", "These", "Those", "It", "We"]);
const NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split(
  " ",
);

/** Digits without thousands separators or trailing zeros: "40,000" → "40000", "2.50" → "2.5". */
function normalizeNumber(raw: string): string {
  const plain = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) ? raw.replaceAll(",", "") : raw;
  return plain.includes(".") ? plain.replace(/\.?0+$/, "") : plain;
}

/** Every number the source states, in digits or (up to twelve) in words. */
function numbersIn(source: string, words: ReadonlySet<string>): Set<string> {
  const numbers = new Set([...source.matchAll(NUMBER)].map(([raw]) => normalizeNumber(raw)));
  for (const [value, word] of NUMBER_WORDS.entries())
    if (words.has(word)) numbers.add(String(value));
  return numbers;
}

/** True when the word opens a sentence, where any word is capitalized. */
function opensSentence(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd();
  return before === "" || /[.!?:;]["'”’)]?$/.test(before);
}

/**
 * The numbers and proper names in `claim` that `source` does not contain: what a model may
 * have made up. Names are compared case-insensitively as whole words.
 */
export function findUngrounded(claim: string, source: string): string[] {
  const words = new Set(source.toLowerCase().match(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu));
  const known = numbersIn(source, words);
  const stems = new Set([...words].map(stemWord));
  const missing = new Set<string>();
  for (const [raw] of claim.matchAll(NUMBER)) {
    if (!known.has(normalizeNumber(raw))) missing.add(raw);
  }
  for (const match of claim.matchAll(NAME)) {
    const name = match[0];
    if (COMMON.has(name)) continue;
    const lower = name.toLowerCase();
    if (words.has(lower)) continue;
    // At the start of a sentence "Reducing…" is a common word with a capital, and passes
    // when the article uses the word; "Northwind…" there is still a name to check.
    const isPlainWord = !/\p{Lu}/u.test(name.slice(1));
    if (opensSentence(claim, match.index) && isPlainWord) {
      if (STOPWORDS.has(lower) || stems.has(stemWord(lower))) continue;
    }
    missing.add(name);
  }
  return [...missing];
}
