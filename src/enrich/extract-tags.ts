import type { Category, Vocabulary } from "./vocabulary.js";

/** What tags are drawn from. */
export interface TagInput {
  title: string;
  text: string;
  categories?: readonly string[] | undefined;
  feedTags?: readonly string[] | undefined;
}

/** A vocabulary tag found for an article, with how strongly it applies. */
export interface ScoredTag {
  tag: string;
  score: number;
  /** The part of the score the article gave this tag itself, not through a narrower tag. */
  own: number;
  category?: Category | undefined;
}

interface Phrase {
  /** null: a phrase that holds a tag's word but names something else ("social network"). */
  tag: string | null;
  /** Set when the phrase must match in this exact case. */
  exact?: string;
  /** An everyday word: it names the topic in a title or a label, not in running text. */
  isCommon?: boolean;
}

/** Where a phrase is looked for: a feed's category or tag, the title, or the text. */
type Place = "label" | "title" | "body";

interface Matcher {
  phrases: Map<string, Phrase[]>;
  /** First words of all phrases: most words start none and are skipped at once. */
  firstWords: Set<string>;
  longest: number;
}

interface Token {
  lower: string;
  original: string;
}

// The operator said so (feed tags), the publisher said so (categories), the title says so.
const FEED_TAG_WEIGHT = 5;
const CATEGORY_WEIGHT = 4;
export const TITLE_WEIGHT = 3;

/** Builds, once per vocabulary, a function that maps an article onto that vocabulary's tags. */
export function createTagExtractor(vocabulary: Vocabulary): (input: TagInput) => ScoredTag[] {
  const phrases = new Map<string, Phrase[]>();
  const firstWords = new Set<string>();
  let longest = 1;
  const addPhrase = (words: string, tag: string | null, isCommon: boolean) => {
    const tokens = tokenizeForMatch(words);
    const key = tokens.map((token) => token.lower).join(" ");
    const phrase: Phrase = /\p{Lu}/u.test(words)
      ? { tag, exact: tokens.map((token) => token.original).join(" ") }
      : { tag };
    if (isCommon) phrase.isCommon = true;
    phrases.set(key, [...(phrases.get(key) ?? []), phrase]);
    firstWords.add(tokens[0]?.lower ?? "");
    longest = Math.max(longest, tokens.length);
  };
  for (const { tag, synonyms, commonWords = [] } of vocabulary) {
    for (const synonym of new Set([tag, ...synonyms, ...commonWords])) {
      addPhrase(synonym, tag, commonWords.includes(synonym));
    }
  }
  // Unless the vocabulary gives them a tag, these match (the longest phrase wins) for none.
  for (const words of NO_TOPIC) {
    if (
      !phrases.has(
        tokenizeForMatch(words)
          .map((token) => token.lower)
          .join(" "),
      )
    ) {
      addPhrase(words, null, false);
    }
  }
  const terms = new Map(vocabulary.map((term, order) => [term.tag, { term, order }]));
  const matcher: Matcher = { phrases, firstWords, longest };
  const find = (place: Place) => (text: string) => findTags(tokenizeForMatch(text), matcher, place);

  return (input) => {
    const scores = new Map<string, number>();
    const add = (tag: string, weight: number) => scores.set(tag, (scores.get(tag) ?? 0) + weight);
    const inLabels = (labels: readonly string[] = []) => new Set(labels.flatMap(find("label")));
    for (const tag of inLabels(input.feedTags)) add(tag, FEED_TAG_WEIGHT);
    for (const tag of inLabels(input.categories)) add(tag, CATEGORY_WEIGHT);
    const words = tokenizeForMatch(input.text);
    const inText = findTags(words, matcher, "body");
    const counts = new Map<string, number>();
    for (const tag of inText) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const inTitle = new Set(find("title")(input.title));
    if (isTitleCase(input.title)) {
      // Every word is capitalised, so a capital says nothing: "React" in "How Engineers React to
      // Alerts" is the verb. A tag found only by its capitalised word needs the text to name it.
      const caseBlind = new Set(find("title")(input.title.replace(CAPITALISED_WORD, lowerCase)));
      for (const tag of inTitle) if (!caseBlind.has(tag) && !counts.has(tag)) inTitle.delete(tag);
    }
    for (const tag of inTitle) add(tag, TITLE_WEIGHT);
    // A passing mention is not a topic unless something else already said it was: ask for two
    // mentions, and one per 150 words up to 8 (a long article may be about several things).
    const minMentions = Math.max(2, Math.min(8, Math.round(words.length / 150)));
    for (const [tag, count] of counts) {
      if (count >= minMentions || scores.has(tag)) add(tag, 1 + Math.log2(count));
    }
    const own = new Map(scores);
    for (const [tag, score] of own) {
      const broader = terms.get(tag)?.term.broader;
      if (broader !== undefined && terms.has(broader)) add(broader, score / 2);
    }
    const firstSeen = (tag: string) => {
      const at = inText.indexOf(tag);
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    return [...scores]
      .map(([tag, score]) => ({
        tag,
        score,
        own: own.get(tag) ?? 0,
        category: terms.get(tag)?.term.category,
      }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          firstSeen(a.tag) - firstSeen(b.tag) ||
          (terms.get(a.tag)?.order ?? 0) - (terms.get(b.tag)?.order ?? 0),
      );
  };
}

// A word written with one capital, "React" or "Swift" (not an acronym such as "API").
const CAPITALISED_WORD = /\b\p{Lu}\p{Ll}+\b/gu;
const lowerCase = (word: string) => word.toLowerCase();
// The words a title-case title leaves lowercase.
const MINOR_WORD = /^(?:a|an|and|as|at|but|by|for|from|in|into|is|of|on|or|the|to|vs|via|with)$/i;

/** "How Engineers React to Alerts": every word but the minor ones begins with a capital. */
function isTitleCase(title: string): boolean {
  const words = (title.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((word) => !MINOR_WORD.test(word));
  return words.length >= 3 && words.every((word) => /^\p{Lu}/u.test(word));
}

// Phrases that hold a tag's word but name no topic of it: a social network is no computer
// network, a network effect no network.
const NO_TOPIC = ["social network", "social networking", "network effect"];
// The word after a phrase that makes it a team's name ("teams" is folded to it).
const TEAM = "team";

/** Tags of every phrase found, in text order, the longest phrase winning at each position. */
function findTags(
  tokens: Token[],
  { phrases, firstWords, longest }: Matcher,
  place: Place,
): string[] {
  const found: string[] = [];
  for (let start = 0; start < tokens.length; ) {
    let matched = 0;
    const first = tokens[start]?.lower ?? "";
    const longestHere = firstWords.has(first) ? Math.min(longest, tokens.length - start) : 0;
    for (let length = longestHere; length > 0; length--) {
      const window = tokens.slice(start, start + length);
      const candidates = phrases.get(window.map((token) => token.lower).join(" ")) ?? [];
      const original = window.map((token) => token.original).join(" ");
      // A label is often a lowercase slug ("s3", "ios"): any case names the topic there.
      const hits = candidates.filter(
        (phrase) =>
          (place === "label" || phrase.exact === undefined || phrase.exact === original) &&
          (place !== "body" || !phrase.isCommon),
      );
      if (hits.length === 0) continue;
      matched = length;
      // "Test Team", "the security teams": a team's name says who, not what the article is about.
      if (tokens[start + length]?.lower === TEAM) break;
      // A tag can be listed under one phrase twice ("rust" and "Rust"); count it once.
      for (const tag of new Set(hits.map((hit) => hit.tag))) if (tag !== null) found.push(tag);
      break;
    }
    start += Math.max(matched, 1);
  }
  return found;
}

/** Words for phrase matching: "CI/CD" → CI, CD; plurals folded so "SLOs" meets "SLO". */
function tokenizeForMatch(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}_+#]+/gu)].map(([word]) => {
    const isPlural = word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/i.test(word);
    const original = isPlural ? word.slice(0, -1) : word;
    return { lower: original.toLowerCase(), original };
  });
}
