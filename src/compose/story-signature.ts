/**
 * What near-duplicate detection compares of an article: the content words of its title, and a
 * MinHash signature of its text's word shingles (Broder 1997), whose share of equal minimums
 * estimates the Jaccard similarity of the two shingle sets.
 */
export interface StorySignature {
  titleWords: Set<string>;
  /** The title's numbers and versions ("18", "3", "2"): two releases differ only there. */
  titleNumbers: string;
  /** The text's words of four letters or more: what two write-ups of one launch share. */
  textWords: Set<string>;
  /** Empty when the article has too little text to compare (a title-only item). */
  minHashes: Uint32Array;
}

const SHINGLE_WORDS = 4;
/** How many MinHash values a text's signature holds. */
export const HASHES = 64;
// Long enough to tell a cross-post from a post on the same subject; the rest adds only time.
const MAX_WORDS = 600;
const MIN_SHINGLES = 8;

// Words that say nothing about which story a title tells.
const STOPWORDS = new Set(
  (
    "a an the and or but of to in on at for from by with without into onto over under about as is are was were be been " +
    "how why what when where who which we our you your i my it its this that these those new now via vs using use " +
    "part introducing announcing"
  ).split(" "),
);

/** The words of a text, lowercased, accents folded: letters and digits only. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The signature of one article (title and plain text). */
export function signatureOf(title: string, text: string): StorySignature {
  const titleWords = new Set(wordsOf(title).filter((word) => !STOPWORDS.has(word)));
  const titleNumbers = [...titleWords]
    .filter((word) => /\d/.test(word))
    .sort()
    .join(" ");
  const words = wordsOf(text).slice(0, MAX_WORDS);
  const textWords = new Set(words.filter((word) => word.length > 3));
  const shingleCount = words.length - SHINGLE_WORDS + 1;
  if (shingleCount < MIN_SHINGLES)
    return { titleWords, titleNumbers, textWords, minHashes: new Uint32Array(0) };
  const minHashes = new Uint32Array(HASHES).fill(0xffffffff);
  for (let i = 0; i < shingleCount; i++) {
    const base = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(" "));
    for (let h = 0; h < HASHES; h++) {
      // One 32-bit hash per seed: the base mixed with the seed (murmur3's finalizer).
      const value = mix(base ^ (SEEDS[h] ?? 0));
      if (value < (minHashes[h] ?? 0)) minHashes[h] = value;
    }
  }
  return { titleWords, titleNumbers, textWords, minHashes };
}

/** Estimated Jaccard similarity of the two texts' shingles (0 when either has too little text). */
export function textSimilarity(a: StorySignature, b: StorySignature): number {
  if (a.minHashes.length === 0 || b.minHashes.length === 0) return 0;
  let equal = 0;
  for (let h = 0; h < HASHES; h++) if (a.minHashes[h] === b.minHashes[h]) equal++;
  return equal / HASHES;
}

/** Jaccard similarity of the titles' content words, and how many they share. */
export function titleSimilarity(
  a: StorySignature,
  b: StorySignature,
): { jaccard: number; shared: number } {
  let shared = 0;
  for (const word of a.titleWords) if (b.titleWords.has(word)) shared++;
  const union = a.titleWords.size + b.titleWords.size - shared;
  return { jaccard: union === 0 ? 0 : shared / union, shared };
}

/** Jaccard similarity of the texts' longer words. */
export function vocabularySimilarity(a: StorySignature, b: StorySignature): number {
  let shared = 0;
  for (const word of a.textWords) if (b.textWords.has(word)) shared++;
  const union = a.textWords.size + b.textWords.size - shared;
  return union === 0 ? 0 : shared / union;
}

const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix((i + 1) * 0x9e3779b1));

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
