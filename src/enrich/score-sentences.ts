import { classifySentence, type SentenceKind } from "./classify-sentence.js";
import { rankCentrality } from "./rank-centrality.js";
import type { Sentence } from "./segment-sentences.js";
import { tokenizeWords } from "./tokenize-words.js";
import { cosineSimilarity, type SparseVector, vectorizeSentences } from "./vectorize-sentences.js";

/** A sentence with what the selectors need: its kind, vector and overall score. */
export interface ScoredSentence extends Sentence {
  /** Position in the article, from 0. */
  index: number;
  kind: SentenceKind;
  vector: SparseVector;
  /** Roughly 0–1; higher is more central and on-topic. 0 for excluded kinds. */
  score: number;
}

// Sentences opening with these lean on the one before and read badly on their own.
const DANGLING_START =
  /^(?:this|that|these|those|it|they|however|but|and|so|also|then|still|instead|here)\b/i;

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
  const topCentrality = Math.max(...centrality, Number.MIN_VALUE);
  return sentences.map((sentence, index) => {
    const kind = kinds[index] ?? "content";
    const vector = vectors[index] ?? { ids: new Int32Array(), weights: new Float64Array() };
    if (kind !== "content") return { ...sentence, index, kind, vector, score: 0 };
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
    return { ...sentence, index, kind, vector, score };
  });
}

// The text often repeats the title as its first line; that is not a summary of it.
function isTitle(tokens: readonly string[], titleTokens: ReadonlySet<string>): boolean {
  if (titleTokens.size === 0) return false;
  const distinct = new Set(tokens);
  const shared = [...distinct].filter((token) => titleTokens.has(token)).length;
  return shared / (distinct.size + titleTokens.size - shared) >= 0.8;
}
