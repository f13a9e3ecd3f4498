import { STOPWORDS } from "./stopwords.js";

// Keeps "node.js", "p99", "3.5x", "c++" and "don't" whole.
const WORD = /[\p{L}\p{N}_]+(?:[.'’+#-]+[\p{L}\p{N}_]+)*[+#]*/gu;

/** Lowercased, stemmed content words of a sentence, stopwords and bare numbers left out. */
export function tokenizeWords(text: string): string[] {
  const tokens: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (word.length < 2 || STOPWORDS.has(word) || /^[\d.,]+$/.test(word)) continue;
    tokens.push(stemWord(word));
  }
  return tokens;
}

/** A deliberately light suffix stripper: it only has to make "caches" meet "cache". */
export function stemWord(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) {
    return word.slice(0, -1);
  }
  return word;
}
