import type { Sentence } from "../segment-sentences.js";
import { tokenizeWords } from "../tokenize-words.js";
import { classifySentence, type SentenceKind } from "./classify-sentence.js";
import { rankCentrality } from "./rank-centrality.js";
import { cosineSimilarity, type SparseVector, vectorizeSentences } from "./vectorize-sentences.js";

/** A sentence with what the selectors need: its kind, vector and overall score. */
export interface ScoredSentence extends Sentence {
  /** Position in the article, from 0. */
  index: number;
  kind: SentenceKind;
  vector: SparseVector;
  /** Roughly 0–1; higher is more central and on-topic. 0 for excluded kinds. */
  score: number;
  /** States what the authors did ("We moved…", "The team built…"): what a summary reports. */
  isAction: boolean;
  /** Stands under a heading such as "Results" or "What we learned": where outcomes are stated. */
  inResults: boolean;
}

// Sentences opening with these lean on the one before and read badly on their own.
const DANGLING_START =
  /^(?:this|that|these|those|it|they|however|but|and|so|also|then|still|instead|here)\b/i;
// "We put PgBouncer in front…", "The team rebuilt…": the sentence that says what was done.
const ACTION =
  /^(?:(?:so|then|instead|finally|first|next|eventually|today|last year|this year),?\s+)?(?:we|the (?:\w+ )?team|our (?:\w+ )?team)\s+(?:(?:\w+ly|then|also|now|first|finally)\s+)?(?:built|moved|replaced|deployed|added|migrated|switched|chose|created|introduced|rewrote|enabled|put|adopted|designed|rebuilt|automated|developed|launched|implemented|shipped|wrote|started|decided|changed|split|turned|use|run|made)\b/i;
// Section headings under which articles state their outcome or lesson.
const RESULTS_HEADING =
  /\b(?:results?|impact|outcomes?|what we (?:got|gained|learned|achieved)|lessons?(?: learned)?|takeaways?|conclusions?|wins|the payoff|where we are now|in summary|wrapping up)\b/i;

/**
 * Scores sentences by TextRank centrality over TF-IDF vectors, overlap with the title and
 * a mild preference for earlier paragraphs; boilerplate, headings, questions and code get 0.
 */
export function scoreSentences(sentences: readonly Sentence[], title: string): ScoredSentence[] {
  const tokenLists = sentences.map((sentence) => tokenizeWords(sentence.text));
  const vectors = vectorizeSentences(tokenLists);
  const titleTokens = new Set(tokenizeWords(title));
  const kinds = sentences.map((sentence, index) =>
    isTitle(tokenLists[index] ?? [], titleTokens) ? "heading" : classifySentence(sentence.text),
  );
  // Only content sentences vote, so a long author bio cannot pull the ranking its way.
  const similarity = vectors.map(() => new Float64Array(vectors.length));
  for (let i = 0; i < vectors.length; i++) {
    if (kinds[i] !== "content") continue;
    for (let j = i + 1; j < vectors.length; j++) {
      if (kinds[j] !== "content") continue;
      const weight = cosineSimilarity(vectors[i] as SparseVector, vectors[j] as SparseVector);
      (similarity[i] as Float64Array)[j] = weight;
      (similarity[j] as Float64Array)[i] = weight;
    }
  }
  const centrality = rankCentrality(similarity);
  const inResults = markResultSections(sentences, kinds);
  const topCentrality = Math.max(...centrality, Number.MIN_VALUE);
  return sentences.map((sentence, index) => {
    const kind = kinds[index] ?? "content";
    const vector = vectors[index] ?? { ids: new Int32Array(), weights: new Float64Array() };
    // One object shape for every sentence keeps the selectors' property reads fast.
    const scoredSentence = (score: number): ScoredSentence => ({
      text: sentence.text,
      paragraph: sentence.paragraph,
      isListItem: sentence.isListItem,
      index,
      kind,
      vector,
      score,
      isAction: kind === "content" && ACTION.test(sentence.text),
      inResults: inResults[index] ?? false,
    });
    if (kind !== "content") return scoredSentence(0);
    const tokens = new Set(tokenLists[index]);
    const shared = [...titleTokens].filter((token) => tokens.has(token)).length;
    const titleOverlap = titleTokens.size === 0 ? 0 : shared / Math.min(titleTokens.size, 4);
    const position = 1 - Math.min(sentence.paragraph, 10) / 20;
    let score =
      0.5 * ((centrality[index] ?? 0) / topCentrality) +
      0.3 * Math.min(titleOverlap, 1) +
      0.2 * position;
    if (sentence.isListItem) score *= 0.8;
    if (DANGLING_START.test(sentence.text)) score *= 0.85;
    if (sentence.text.length > 300) score *= 0.8;
    return scoredSentence(score);
  });
}

/** For each sentence, whether the last heading above it announces results or lessons. */
function markResultSections(sentences: readonly Sentence[], kinds: readonly string[]): boolean[] {
  let current = false;
  return sentences.map((sentence, index) => {
    const kind = kinds[index];
    const isHeading =
      (kind === "heading" || kind === "short") &&
      sentence.text.length < 80 &&
      !/[.!?;,]$/.test(sentence.text);
    if (isHeading) current = RESULTS_HEADING.test(sentence.text);
    return current;
  });
}

// The text often repeats the title as its first line; that is not a summary of it.
function isTitle(tokens: readonly string[], titleTokens: ReadonlySet<string>): boolean {
  if (titleTokens.size === 0) return false;
  const distinct = new Set(tokens);
  const shared = [...distinct].filter((token) => titleTokens.has(token)).length;
  return shared / (distinct.size + titleTokens.size - shared) >= 0.8;
}
