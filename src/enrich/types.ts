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
  /** Set when another summarizer wrote all of it (the model failed): its id, and why. */
  fallback?: { summarizer: string; reason: string };
  /** Fields the model wrote with claims not found in the article, replaced by the built-in ones. */
  ungrounded?: UngroundedField[];
  /** Tokens the model read and wrote for this article. */
  usage?: TokenUsage;
}

export interface UngroundedField {
  field: "summary" | "why";
  /** The numbers and names that the article does not contain. */
  claims: string[];
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
