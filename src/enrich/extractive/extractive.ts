import { createHash } from "node:crypto";
import { GazetteError } from "../../shared/errors.js";
import { withCappedInput } from "../cap-input.js";
import { defaultVocabulary } from "../default-vocabulary.js";
import { createTagExtractor } from "../extract-tags.js";
import type { Summarizer } from "../types.js";
import { findVocabularyProblems, type Vocabulary } from "../vocabulary.js";
import { loadLanguageDetector } from "./detect-language.js";
import { summarizeExtractively } from "./summarize-extractively.js";

/** The built-in summarizer's identity; bump the version when its output changes. */
export const EXTRACTIVE_ID = "extractive@13";

export interface ExtractiveOptions {
  /** Replaces the default tag vocabulary; spread `defaultVocabulary` to extend it instead. */
  vocabulary?: Vocabulary;
}

/** The offline, deterministic summarizer that needs no key: it picks the article's own sentences. */
export function createExtractiveSummarizer(options: ExtractiveOptions = {}): Summarizer {
  const vocabulary = options.vocabulary ?? defaultVocabulary;
  const problems = findVocabularyProblems(vocabulary);
  if (problems.length > 0) throw new GazetteError("CONFIG_INVALID", problems.join("\n"));
  const extractTags = createTagExtractor(vocabulary);
  // Every caller (enrich, `gazette summarize`, a model's fallback) reads a capped article.
  return withCappedInput({
    id: vocabularyId(options.vocabulary),
    summarize: async (input) =>
      summarizeExtractively(input, extractTags, await loadLanguageDetector()),
  });
}

// The id is part of an enrichment's identity: another vocabulary gives other tags, so it
// must not share cached enrichments with the default one.
function vocabularyId(vocabulary: Vocabulary | undefined): string {
  if (vocabulary === undefined || vocabulary === defaultVocabulary) return EXTRACTIVE_ID;
  const digest = createHash("sha256").update(JSON.stringify(vocabulary)).digest("hex");
  return `${EXTRACTIVE_ID}+vocabulary.${digest.slice(0, 8)}`;
}
