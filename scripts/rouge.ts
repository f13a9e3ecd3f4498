/** ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate against one reference. */
export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/**
 * Lowercase words and numbers, no stemming; punctuation is not scored. Decimals, versions and
 * dotted names stay one token ("3.5x", "0.97.3", "node.js"); a possessive "'s" is dropped, so
 * "Netflix's" matches "Netflix", and both apostrophes count as one ("don’t" = "don't").
 */
export function rougeTokens(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu) ?? [];
  return tokens.map((token) => token.replace(/’/g, "'").replace(/'s$/, ""));
}

/** F1 from an overlap count and the two lengths; 0 when either side is empty. */
function f1(overlap: number, candidate: number, reference: number): number {
  if (overlap === 0 || candidate === 0 || reference === 0) return 0;
  const precision = overlap / candidate;
  const recall = overlap / reference;
  return (2 * precision * recall) / (precision + recall);
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let at = 0; at + n <= tokens.length; at++) {
    const gram = tokens.slice(at, at + n).join(" ");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N F1: overlapping n-grams, each counted at most as often as the reference has it. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number) {
  const ours = ngrams(candidate, n);
  const theirs = ngrams(reference, n);
  let overlap = 0;
  for (const [gram, count] of ours) overlap += Math.min(count, theirs.get(gram) ?? 0);
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence, in O(n·m) time and O(m) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const token of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        token === b[j - 1]
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** All three scores of `candidate` against `reference`. */
export function scoreRouge(candidate: string, reference: string): RougeScores {
  const ours = rougeTokens(candidate);
  const theirs = rougeTokens(reference);
  return {
    rouge1: rougeN(ours, theirs, 1),
    rouge2: rougeN(ours, theirs, 2),
    rougeL: f1(lcsLength(ours, theirs), ours.length, theirs.length),
  };
}
