import { MAYBE_FINAL, NEVER_FINAL, SENTENCE_OPENERS } from "./abbreviations.js";

/** One sentence of an article and where it stood. */
export interface Sentence {
  text: string;
  /** Index of its paragraph (blank-line separated), from 0. */
  paragraph: number;
  /** True when it came from a bulleted or numbered line. */
  isListItem: boolean;
}

const HONORIFICS = new Set(["mr", "mrs", "ms", "dr", "prof", "jr", "sr", "st", "mt"]);
const LIST_MARKER = /^(?:[-*•‣◦▪–]|\d{1,3}[.)])\s+/;
const TERMINAL = /[.!?…:]["'”’)\]]*$/;
// A terminator run, any closing quotes/brackets, then the whitespace where we may split. Only from
// the run's start: tried from each of its characters, a long run of dots cost quadratic time.
const CANDIDATE = /(?<![.!?…])([.!?…]+)(["'”’)\]]*)(\s+)/g;

/** Splits plain text (paragraphs separated by blank lines) into sentences. */
export function segmentDocument(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = text.split(/\n[ \t]*\n/);
  for (const [paragraph, block] of paragraphs.entries()) {
    for (const chunk of splitLines(block)) {
      for (const piece of splitChunk(chunk.text)) {
        sentences.push({ text: piece, paragraph, isListItem: chunk.isListItem });
      }
    }
  }
  return sentences;
}

/** Splits plain text into sentence strings; see `segmentDocument`. */
export function segmentSentences(text: string): string[] {
  return segmentDocument(text).map((sentence) => sentence.text);
}

/**
 * Groups a paragraph's lines: list items and short unpunctuated lines (headings, captions)
 * stand alone, while hard-wrapped prose is joined back together.
 */
function splitLines(block: string): { text: string; isListItem: boolean }[] {
  const chunks: { text: string; isListItem: boolean }[] = [];
  for (const raw of block.split("\n")) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (line === "") continue;
    const isListItem = LIST_MARKER.test(line);
    const content = line.replace(LIST_MARKER, "");
    const previous = chunks.at(-1);
    if (previous === undefined || isListItem || startsNewLine(previous, content)) {
      chunks.push({ text: content, isListItem });
    } else {
      previous.text = `${previous.text} ${content}`;
    }
  }
  return chunks;
}

function startsNewLine(previous: { text: string; isListItem: boolean }, line: string): boolean {
  if (/^\p{Ll}/u.test(line)) return false;
  if (previous.isListItem) return true;
  if (TERMINAL.test(previous.text)) return false;
  // Editors wrap prose at 72–80 columns; a shorter unpunctuated line is a heading.
  return previous.text.length < 60;
}

/** Splits one run of prose at the terminators that really end a sentence. */
function splitChunk(chunk: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of chunk.matchAll(CANDIDATE)) {
    const [whole, terminators = "", closers = ""] = match;
    const end = match.index + terminators.length + closers.length;
    const before = chunk.slice(start, match.index);
    const after = chunk.slice(match.index + whole.length);
    if (!endsSentence(before, terminators, after)) continue;
    pieces.push(chunk.slice(start, end).trim());
    start = match.index + whole.length;
  }
  const rest = chunk.slice(start).trim();
  if (rest !== "") pieces.push(rest);
  return pieces.filter((piece) => piece !== "");
}

function endsSentence(before: string, terminators: string, after: string): boolean {
  const next = after.match(/^\S+/)?.[0] ?? "";
  if (next === "") return true;
  const nextWord = next.replace(/^["'“‘([]+/, "");
  // "e.g. foo", "wait... and", "Yahoo! is": a lowercase word continues the sentence,
  // unless it is an identifier such as iOS or eBPF that merely starts in lowercase.
  if (/^\p{Ll}/u.test(nextWord) && !/^\p{Ll}+\p{Lu}/u.test(nextWord)) return false;
  if (terminators !== ".") return true;
  // Its last two words are all it reads: split whole, a sentence that never ended ("Mr. Mr. …")
  // was split again at each of its candidates, in time quadratic in its length.
  const words = before.slice(-100).trim().split(/\s+/);
  const token = (words.at(-1) ?? "").replace(/^["'“‘([]+/, "");
  const lower = token.toLowerCase();
  // "Ms. Chen" is a title, "70 ms." a unit ending a sentence: titles are capitalized.
  const isUnit = /^\p{Ll}/u.test(token) && HONORIFICS.has(lower);
  if (NEVER_FINAL.has(lower) && !isUnit) return false;
  // A lone initial ("J. Smith") or a dotted acronym ("U.S.") rarely ends a sentence.
  const isInitial = /^\p{Lu}$/u.test(token) || /^(?:\p{L}\.)+\p{L}$/u.test(token);
  if (isInitial || MAYBE_FINAL.has(lower)) {
    return SENTENCE_OPENERS.has(nextWord.toLowerCase().replace(/[^\p{L}]+$/u, ""));
  }
  // An enumerator opening the sentence ("1. Install…", "Steps: 2. Run…") is not an ending.
  const isEnumerator =
    /^\d{1,2}$/.test(token) && (words.length === 1 || /:$/.test(words.at(-2) ?? ""));
  return !isEnumerator;
}
