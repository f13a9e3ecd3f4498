import { tokenizeWords } from "../tokenize-words.js";
import type { ArticleSentence } from "./article-sentences.js";
import { classifySentence, type SentenceKind } from "./classify-sentence.js";
import { nameWay } from "./name-way.js";
import { rankCentrality } from "./rank-centrality.js";
import type { BlockKind } from "./read-blocks.js";
import { cosineSimilarity, type SparseVector, vectorizeSentences } from "./vectorize-sentences.js";

/** What a sentence is: a kind of sentence, or the kind of block it stands in. */
export type ScoredKind = SentenceKind | Exclude<BlockKind, "prose" | "heading">;

/** A sentence with what the selectors need: its kind, vector and overall score. */
export interface ScoredSentence extends ArticleSentence {
  /** Position in the article, from 0. */
  index: number;
  kind: ScoredKind;
  vector: SparseVector;
  /** Roughly 0–1; higher is more central and on-topic. 0 for excluded kinds. */
  score: number;
  /** Stands under a heading such as "Results" or "What we learned": where outcomes are stated. */
  inResults: boolean;
}

// Section headings under which articles state their outcome or lesson.
const RESULTS_HEADING =
  /\b(?:results?|impact|outcomes?|what we (?:got|gained|learned|achieved)|lessons?(?: learned)?|takeaways?|conclusions?|wins|the payoff|where we (?:are now|landed|ended up)|the numbers|in summary|wrapping up|summary)\b/i;
// Kinds that may be chosen; list items also vote in the ranking (they often hold the content).
const CHOSEN = new Set<ScoredKind>(["content", "thesis"]);
// Lead-ins are scored too: one that says what was done may become a sentence of its own.
const SCORED = new Set<ScoredKind>(["content", "thesis", "lead-in"]);
const VOTING = new Set<ScoredKind>(["content", "thesis", "list-item"]);

/** True for the kinds a summary or a why may be made of. */
export function isChoosable(sentence: ScoredSentence): boolean {
  return CHOSEN.has(sentence.kind);
}

/**
 * Scores sentences by TextRank centrality over TF-IDF vectors, overlap with the title and
 * a mild preference for earlier paragraphs; anything but prose content gets 0. English words
 * are stemmed and stopwords left out; other languages are compared word for word.
 */
export function scoreSentences(
  sentences: readonly ArticleSentence[],
  title: string,
  isEnglish = true,
): ScoredSentence[] {
  const tokenize = isEnglish ? tokenizeWords : tokenizeNeutral;
  const tokenLists = sentences.map((sentence) => tokenize(sentence.text));
  const vectors = vectorizeSentences(tokenLists);
  const titleTokens = new Set(tokenize(title));
  const kinds = sentences.map((sentence, index) =>
    kindOf(sentence, tokenLists[index] ?? [], titleTokens, isEnglish),
  );
  if (isEnglish) {
    markPersonalStories(sentences, kinds);
    markNamedWays(sentences, kinds);
  }
  const centrality = rankCentrality(similarityOf(vectors, kinds));
  const inResults = markResultSections(sentences);
  const topCentrality = Math.max(...centrality, Number.MIN_VALUE);
  const firstProse = sentences.findIndex((_, index) => VOTING.has(kinds[index] ?? "short"));
  return sentences.map((sentence, index) => {
    const kind = kinds[index] ?? "content";
    const vector = vectors[index] ?? { ids: new Int32Array(), weights: new Float64Array() };
    // One object shape for every sentence keeps the selectors' property reads fast.
    const scored: ScoredSentence = {
      ...sentence,
      index,
      kind,
      vector,
      score: 0,
      inResults: inResults[index] ?? false,
    };
    if (!SCORED.has(kind)) return scored;
    const tokens = new Set(tokenLists[index]);
    const shared = [...titleTokens].filter((token) => tokens.has(token)).length;
    const titleOverlap = titleTokens.size === 0 ? 0 : shared / Math.min(titleTokens.size, 4);
    const paragraph = sentence.paragraph - (sentences[firstProse]?.paragraph ?? 0);
    const position = 1 - Math.min(Math.max(paragraph, 0), 10) / 20;
    scored.score =
      0.5 * ((centrality[index] ?? 0) / topCentrality) +
      0.3 * Math.min(titleOverlap, 1) +
      0.2 * position;
    return scored;
  });
}

function kindOf(
  sentence: ArticleSentence,
  tokens: readonly string[],
  titleTokens: ReadonlySet<string>,
  isEnglish: boolean,
): ScoredKind {
  if (sentence.block === "heading") return "heading";
  if (sentence.block !== "prose") return sentence.block;
  if (sentence.isListItem) return "list-item";
  // The text often repeats the title as its first line; that is not a summary of it.
  if (isTitle(tokens, titleTokens)) return "heading";
  return classifySentence(sentence.text, isEnglish);
}

// Only content sentences vote, so a long author bio cannot pull the ranking its way.
function similarityOf(vectors: readonly SparseVector[], kinds: readonly ScoredKind[]) {
  const similarity = vectors.map(() => new Float64Array(vectors.length));
  for (let i = 0; i < vectors.length; i++) {
    if (!VOTING.has(kinds[i] ?? "short")) continue;
    for (let j = i + 1; j < vectors.length; j++) {
      if (!VOTING.has(kinds[j] ?? "short")) continue;
      const weight = cosineSimilarity(vectors[i] as SparseVector, vectors[j] as SparseVector);
      (similarity[i] as Float64Array)[j] = weight;
      (similarity[j] as Float64Array)[i] = weight;
    }
  }
  return similarity;
}

const FIRST_PERSON_SINGULAR = /\bI\b|\bI['’](?:m|ve|ll|d)\b|\b(?:me|my|myself)\b/;

/**
 * "This weekend I went mushroom hunting…! I made cream of mushroom soup… I can't wait!": a
 * paragraph with a memory or feeling and another exclamation or feeling in the first person
 * singular is a personal story; its other first-person sentences are part of it, never what the
 * article did. Rewrites `kinds` in place.
 */
function markPersonalStories(sentences: readonly ArticleSentence[], kinds: ScoredKind[]): void {
  const byParagraph = new Map<number, number[]>();
  for (const [index, sentence] of sentences.entries()) {
    if (sentence.block !== "prose") continue;
    const indexes = byParagraph.get(sentence.paragraph) ?? [];
    indexes.push(index);
    byParagraph.set(sentence.paragraph, indexes);
  }
  for (const indexes of byParagraph.values()) {
    const personal = indexes.filter((index) =>
      FIRST_PERSON_SINGULAR.test(sentences[index]?.text ?? ""),
    );
    const anecdotes = personal.filter((index) => kinds[index] === "anecdote").length;
    const exclaimed = personal.filter((index) =>
      /!["'”’)]*$/.test(sentences[index]?.text ?? ""),
    ).length;
    if (anecdotes === 0 || anecdotes + exclaimed < 2) continue;
    for (const index of personal) if (kinds[index] === "content") kinds[index] = "anecdote";
  }
}

/**
 * "There is a way to download large files… Streams!": a way promised and named right after it is
 * a statement of what the article shows (see nameWay), no teaser. Rewrites `kinds` in place.
 */
function markNamedWays(sentences: readonly ArticleSentence[], kinds: ScoredKind[]): void {
  for (const [index, sentence] of sentences.entries()) {
    if (kinds[index] !== "teaser") continue;
    if (wayNamed(sentence, sentences[index + 1]) !== undefined) kinds[index] = "content";
  }
}

/** `sentence` said of the way the sentence after it names, in the same paragraph (see nameWay). */
export function wayNamed(
  sentence: ArticleSentence,
  next: ArticleSentence | undefined,
): string | undefined {
  if (next === undefined || next.paragraph !== sentence.paragraph) return undefined;
  if (sentence.block !== "prose" || next.block !== "prose") return undefined;
  return nameWay(sentence.text, next.text);
}

/** For each sentence, whether the heading above it announces results or lessons. */
function markResultSections(sentences: readonly ArticleSentence[]): boolean[] {
  let current = false;
  return sentences.map((sentence) => {
    const isHeading =
      sentence.block === "heading" ||
      (sentence.block === "prose" && sentence.text.length < 80 && !/[.!?;,]$/.test(sentence.text));
    if (isHeading) current = RESULTS_HEADING.test(sentence.text);
    return current;
  });
}

function isTitle(tokens: readonly string[], titleTokens: ReadonlySet<string>): boolean {
  if (titleTokens.size === 0) return false;
  const distinct = new Set(tokens);
  const shared = [...distinct].filter((token) => titleTokens.has(token)).length;
  return shared / (distinct.size + titleTokens.size - shared) >= 0.8;
}

/** Lowercased words of any language, unstemmed: no stopword list is known for it. */
function tokenizeNeutral(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter(
    (word) => !/^\d+$/.test(word),
  );
}
