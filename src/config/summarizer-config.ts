import { z } from "zod";
import {
  CHAT_PROVIDER_NAMES,
  CHAT_PROVIDERS,
  type ChatProvider,
} from "../enrich/llm/chat-providers.js";
import { CATEGORIES } from "../shared/categories.js";
import { Duration } from "../shared/duration.js";
import { EnvName } from "../shared/env-name.js";
import { orList } from "../shared/or-list.js";

// The summarizer section of gazette.yaml. API keys never live in the file: `apiKeyEnv` names
// the environment variable that holds one.

/** One tag of a custom controlled vocabulary. */
export const VocabularyTermConfig = z.strictObject({
  tag: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case, e.g. ci-cd"),
  category: z.enum(CATEGORIES).optional(),
  /** A wider tag of the same vocabulary that gets half this tag's weight. */
  broader: z.string().optional(),
  /** Keyphrases that map onto the tag; one with a capital letter matches only in that case. */
  synonyms: z.array(z.string().min(1)).default([]),
});

const vocabularyKeys = {
  /** Tags added to the built-in vocabulary (or replacing it, with replaceVocabulary). */
  vocabulary: z.array(VocabularyTermConfig).optional(),
  /** Use only `vocabulary`, not the built-in one. */
  replaceVocabulary: z.boolean().optional(),
};

function llmKeys(defaults: { baseUrl: string; apiKeyEnv: string }) {
  return {
    ...vocabularyKeys,
    model: z.string().min(1),
    baseUrl: z.url({ protocol: /^https?$/ }).default(defaults.baseUrl),
    apiKeyEnv: EnvName.default(defaults.apiKeyEnv),
    /** Requests in flight at once. */
    maxConcurrency: z.int().positive().default(4),
    /** Per run: articles sent to the model at most; the rest get the built-in summarizer. */
    maxArticles: z.int().positive().optional(),
    /** Per run: input + output tokens at most. */
    maxTokens: z.int().positive().optional(),
    /** Per request: the longest answer the model may write. */
    maxOutputTokens: z.int().positive().default(600),
    timeout: Duration.default("60s"),
    /** Retries after a 429, a 5xx or a network error, with backoff. */
    retries: z.int().nonnegative().default(3),
    /** The prompt file under templates/prompts/ (without .hbs); its name is its version. */
    prompt: z
      .string()
      .regex(/^[\w-]+\.v\d+$/, 'must be a prompt name with a version, e.g. "summarize.v2"')
      .default("summarize.v2"),
    /** Prices in your currency per million tokens, for the cost estimate in the run report. */
    pricing: z
      .strictObject({
        inputPerMillion: z.number().nonnegative(),
        outputPerMillion: z.number().nonnegative(),
      })
      .optional(),
  };
}

/** One LLM provider's section, with the defaults its registry entry gives. */
function llmConfig<P extends ChatProvider>(provider: P) {
  return z.strictObject({ provider: z.literal(provider), ...llmKeys(CHAT_PROVIDERS[provider]) });
}

const PROVIDER_NAMES = ["extractive", ...CHAT_PROVIDER_NAMES].map((name) => `"${name}"`);

export const SummarizerConfig = z.discriminatedUnion(
  "provider",
  [
    z.strictObject({
      provider: z.literal("extractive").default("extractive"),
      ...vocabularyKeys,
    }),
    ...CHAT_PROVIDER_NAMES.map(llmConfig),
  ],
  {
    error: () => `must be ${orList(PROVIDER_NAMES)}`,
  },
);
export type SummarizerConfig = z.infer<typeof SummarizerConfig>;
export type LlmSummarizerConfig = Exclude<SummarizerConfig, { provider: "extractive" }>;
