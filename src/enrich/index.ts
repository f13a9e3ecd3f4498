export { chooseCategory } from "./choose-category.js";
export { clipText, joinSentences } from "./clip-text.js";
export { countReadMinutes } from "./count-read-minutes.js";
export { createSummarizer, type SummarizerDeps } from "./create-summarizer.js";
export { defaultVocabulary } from "./default-vocabulary.js";
export { type EnrichOptions, type EnrichReport, enrichArticles } from "./enrich-articles.js";
export { createTagExtractor, type ScoredTag, type TagInput } from "./extract-tags.js";
export {
  createExtractiveSummarizer,
  EXTRACTIVE_ID,
  type ExtractiveOptions,
} from "./extractive/extractive.js";
export { LOW_CONFIDENCE } from "./extractive/rate-confidence.js";
export type { WhyMethod } from "./extractive/select-why.js";
export { MAX_CHARS, MAX_TAGS, summarizeExtractively } from "./extractive/summarize-extractively.js";
export { publisherName } from "./publisher-name.js";
export { type Sentence, segmentDocument, segmentSentences } from "./segment-sentences.js";
export {
  parseRow,
  type SummarizeJsonlOptions,
  SummarizeRow,
  summarizeJsonl,
} from "./summarize-jsonl.js";
export type {
  ArticleSource,
  ChatModel,
  SummarizeInput,
  Summarizer,
  Summary,
  SummarySources,
  TokenUsage,
  UngroundedField,
} from "./types.js";
export {
  CATEGORIES,
  type Category,
  DEFAULT_CATEGORY,
  findVocabularyProblems,
  type Vocabulary,
  type VocabularyTerm,
} from "./vocabulary.js";
