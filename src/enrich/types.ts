export interface SummarizeInput {
  title: string;
  /** Plain text of the article, paragraphs separated by blank lines. */
  text: string;
  url?: string;
  /** Categories the feed gave the item. */
  categories?: string[];
  /** Tags the operator gave the feed in config. */
  feedTags?: string[];
}

export interface Summary {
  /** One or two sentences, at most 300 characters. */
  summary: string;
  /** "Why it matters": the outcome or lesson, not repeating the summary; at most 300 characters. */
  why: string;
  tags: string[];
  category: string;
  readMinutes: number;
}

/** Every summarizer (the built-in extractive one, later LLM providers) has this shape. */
export interface Summarizer {
  /** Name and version, e.g. "extractive@1": part of an enrichment's identity. */
  readonly id: string;
  summarize(input: SummarizeInput): Promise<Summary>;
}
