const DAMPING = 0.85;
const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-7;

/**
 * TextRank-style centrality: PageRank over a weighted, undirected similarity graph.
 * Power iteration until the ranks settle (same input, same number of steps: deterministic).
 */
export function rankCentrality(similarity: readonly Float64Array[]): number[] {
  const size = similarity.length;
  if (size === 0) return [];
  // Sentence graphs are sparse, so walk edge lists rather than the whole matrix.
  const edges = similarity.map((row) => {
    const targets: number[] = [];
    const weights: number[] = [];
    let total = 0;
    for (const [to, weight] of row.entries()) {
      if (weight <= 0) continue;
      targets.push(to);
      weights.push(weight);
      total += weight;
    }
    return { targets, weights: weights.map((weight) => weight / total) };
  });
  let rank = new Float64Array(size).fill(1 / size);
  for (let step = 0; step < MAX_ITERATIONS; step++) {
    // A sentence that resembles no other spreads its rank evenly (a dangling node).
    let dangling = 0;
    for (const [from, { targets }] of edges.entries()) {
      if (targets.length === 0) dangling += rank[from] ?? 0;
    }
    const next = new Float64Array(size).fill((1 - DAMPING + DAMPING * dangling) / size);
    for (const [from, { targets, weights }] of edges.entries()) {
      const share = DAMPING * (rank[from] ?? 0);
      for (let at = 0; at < targets.length; at++) {
        const to = targets[at] ?? 0;
        next[to] = (next[to] ?? 0) + share * (weights[at] ?? 0);
      }
    }
    let change = 0;
    for (let at = 0; at < size; at++) change += Math.abs((next[at] ?? 0) - (rank[at] ?? 0));
    rank = next;
    if (change < TOLERANCE) break;
  }
  return Array.from(rank);
}
