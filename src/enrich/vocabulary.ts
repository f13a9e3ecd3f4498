// The categories live in shared/ so that config/ can name them without importing enrich/.
import { CATEGORIES, type Category } from "../shared/categories.js";

export { CATEGORIES, type Category };

/** When no tag points to a category. */
export const DEFAULT_CATEGORY: Category = "Engineering";

/** One tag of a controlled vocabulary and the words that map onto it. */
export interface VocabularyTerm {
  /** Lowercase kebab-case, e.g. "ci-cd"; also matched as a phrase itself. */
  tag: string;
  /** The category this tag points to, if any ("performance" points nowhere in particular). */
  category?: Category;
  /** A wider tag that gets half of this tag's weight ("postgresql" → "databases"). */
  broader?: string;
  /** Keyphrases; one with an uppercase letter matches only in that case ("CI", "React"). */
  synonyms: readonly string[];
  /**
   * Everyday words that name the topic in a title or a label but not in running text ("search",
   * "test"): the body does not count them. The tag itself may be one.
   */
  commonWords?: readonly string[];
}
export type Vocabulary = readonly VocabularyTerm[];

/** Every problem with a vocabulary, e.g. `vocabulary[3].tag: "Big Data" is not kebab-case`. */
export function findVocabularyProblems(vocabulary: Vocabulary): string[] {
  const problems: string[] = [];
  const tags = new Set(vocabulary.map((term) => term.tag));
  for (const [at, { tag, category, broader }] of vocabulary.entries()) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tag)) {
      problems.push(`vocabulary[${at}].tag: "${tag}" is not lowercase kebab-case`);
    }
    if (category !== undefined && !CATEGORIES.includes(category)) {
      problems.push(
        `vocabulary[${at}].category: "${category}" is not one of ${CATEGORIES.join(", ")}`,
      );
    }
    if (broader !== undefined && !tags.has(broader)) {
      problems.push(`vocabulary[${at}].broader: "${broader}" is not a tag of this vocabulary`);
    }
  }
  return problems;
}
