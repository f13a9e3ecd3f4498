export interface SummarizeInput {
  title: string;
  /** Plain text of the article, paragraphs separated by blank lines (kept). */
  text: string;
  /** The article's sanitized HTML when the feed (or the full-text page) gave it: read its structure. */
  html?: string;
  url?: string;
  /** Categories the feed gave the item. */
  categories?: string[];
  /** Tags the operator gave the feed in config. */
  feedTags?: string[];
  /**
   * Who published it: the feed's display name as the email shows it (config `feeds[].name`, else
   * the feed's title, else its host) and the item's author. The summary names the publisher in the
   * third person ("Netflix moved…"); on a personal blog, the author.
   */
  source?: ArticleSource;
}

/** Who published an article. */
export interface ArticleSource {
  name: string;
  author?: string;
  /**
   * A personal blog: its "I" is the author. Unset, a feed is personal when its name names the
   * author ("Stories by Amelia Kusiak on Medium"); enrich sets it for a feed whose articles all
   * have the same author.
   */
  isPersonal?: boolean;
}

export interface Summary {
  /** One or two sentences, at most 300 characters. */
  summary: string;
  /** "Why it matters": the outcome or lesson, not repeating the summary; at most 300 characters. */
  why: string;
  tags: string[];
  category: string;
  readMinutes: number;
  /** Set when another summarizer wrote all of it (the model failed): its id, and why. */
  fallback?: { summarizer: string; reason: string };
  /** Fields the model wrote with claims not found in the article, replaced by the built-in ones. */
  ungrounded?: UngroundedField[];
  /** Fields the model wrote that could not be shown (markup, cut off, first person, too long). */
  rejected?: RejectedField[];
  /** Tokens the model read and wrote for this article. */
  usage?: TokenUsage;
  /** ISO 639-1 language detected from the text, when the detector is confident. */
  language?: string;
  /** How the entry was chosen, e.g. "thesis+outcome", "lead+lesson", "fallback+none". */
  method?: string;
  /** 0–1: how sure the summarizer is that the entry reads well (compose and the preview use it). */
  confidence?: number;
  /** The article's own sentences (as they stand in `text`, before any rewrite) behind each field. */
  sources?: SummarySources;
}

/** The article's sentences a summary and a why were made from (for text-fragment links). */
export interface SummarySources {
  summary: string[];
  why: string[];
}

export interface UngroundedField {
  field: "summary" | "why";
  /** The numbers and names that the article does not contain. */
  claims: string[];
}

export interface RejectedField {
  field: "summary" | "why";
  /** What is wrong with it, e.g. "it is in the first person". */
  reason: string;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Every summarizer (the built-in extractive one and the LLM providers) has this shape. */
export interface Summarizer {
  /** Name and version, e.g. "extractive@2": part of an enrichment's identity. */
  readonly id: string;
  /** How many articles it may summarize at once (1 when unset). */
  readonly concurrency?: number;
  summarize(input: SummarizeInput): Promise<Summary>;
  /** The estimated price of these tokens, when prices are configured. */
  estimateCost?(usage: TokenUsage): number | undefined;
}

/** One request to a chat model: the system prompt and the user message. */
export interface ChatPrompt {
  system: string;
  user: string;
}

/** A chat model's answer: its text, what it cost, and whether it hit the output limit. */
export interface ChatReply {
  text: string;
  usage: TokenUsage;
  isTruncated: boolean;
}

/** A provider's chat API (OpenAI-compatible or Anthropic), behind one shape. */
export interface ChatModel {
  complete(prompt: ChatPrompt): Promise<ChatReply>;
}
