/** A sparse TF-IDF vector: term ids ascending, weights scaled to unit length. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * TF-IDF vectors of sentences, each sentence counted as a document of the article;
 * the smoothed IDF keeps words found in every sentence from vanishing entirely.
 */
export function vectorizeSentences(tokenLists: readonly string[][]): SparseVector[] {
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const counted = tokenLists.map((tokens) => {
    const counts = new Map<number, number>();
    for (const token of tokens) {
      let id = termIds.get(token);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(token, id);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of counts.keys()) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
    return counts;
  });
  return counted.map((counts) => {
    const ids = Int32Array.from(counts.keys()).sort();
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (const [at, id] of ids.entries()) {
      const idf = 1 + Math.log(tokenLists.length / (documentFrequency[id] ?? 1));
      const weight = (counts.get(id) ?? 0) * idf;
      weights[at] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0)
      for (let at = 0; at < weights.length; at++) weights[at] = (weights[at] ?? 0) / norm;
    return { ids, weights };
  });
}

/** Cosine similarity of two unit-length sparse vectors (a merge over their sorted ids). */
export function cosineSimilarity(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const left = a.ids[i] ?? 0;
    const right = b.ids[j] ?? 0;
    if (left === right) dot += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (left < right) i++;
    else j++;
  }
  return dot;
}
