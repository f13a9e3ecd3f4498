import { setTimeout as delay } from "node:timers/promises";
import type { LlmSummarizerConfig, SummarizerConfig } from "../config/index.js";
import { parseDuration } from "../shared/duration.js";
import { defaultVocabulary } from "./default-vocabulary.js";
import { createExtractiveSummarizer, EXTRACTIVE_ID } from "./extractive/extractive.js";
import { CHAT_PROVIDERS, type ChatModelOptions, KEYED_HOSTS } from "./llm/chat-providers.js";
import { createRunBudget } from "./llm/create-run-budget.js";
import { createLlmSummarizer } from "./llm/llm-summarizer.js";
import { loadPrompt } from "./llm/load-prompt.js";
import type { HttpOptions } from "./llm/post-model-request.js";
import type { ChatModel, Summarizer } from "./types.js";
import type { Vocabulary } from "./vocabulary.js";

/** The edges a summarizer touches, passed in so that tests can use their own. */
export interface SummarizerDeps {
  /** Where the API key variable is looked up. */
  env: NodeJS.ProcessEnv;
  /** The theme folder; its prompts/ folder wins over the built-in prompts. */
  templatesDir?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** The summarizer the config asks for; a new one per run, since it carries the run's budget. */
export function createSummarizer(config: SummarizerConfig, deps: SummarizerDeps): Summarizer {
  const vocabulary = configuredVocabulary(config);
  const extractive = createExtractiveSummarizer(vocabulary ? { vocabulary } : {});
  if (config.provider === "extractive") return extractive;
  const prompt = loadPrompt(config.prompt, deps.templatesDir);
  // A custom vocabulary changes the tags, so it is part of the identity, as for extractive.
  const vocabularySuffix = extractive.id.slice(EXTRACTIVE_ID.length);
  return createLlmSummarizer({
    id: `${config.provider}:${config.model}:${prompt.version}${vocabularySuffix}`,
    model: createChatModel(config, deps),
    prompt,
    fallback: extractive,
    vocabulary: vocabulary ?? defaultVocabulary,
    budget: createRunBudget(config),
    concurrency: config.maxConcurrency,
    maxOutputTokens: config.maxOutputTokens,
    pricing: config.pricing,
  });
}

function createChatModel(
  config: LlmSummarizerConfig,
  deps: SummarizerDeps,
): ChatModel | { unavailable: string } {
  const apiKey = deps.env[config.apiKeyEnv] || undefined;
  if (apiKey === undefined && KEYED_HOSTS.has(new URL(config.baseUrl).hostname)) {
    return { unavailable: `the environment variable ${config.apiKeyEnv} is not set` };
  }
  const http: HttpOptions = {
    fetch: deps.fetch ?? fetch,
    timeoutMs: parseDuration(config.timeout),
    retry: { retries: config.retries, sleep: deps.sleep ?? ((ms) => delay(ms)) },
  };
  const options: ChatModelOptions = {
    baseUrl: config.baseUrl,
    model: config.model,
    apiKey,
    maxOutputTokens: config.maxOutputTokens,
    http,
  };
  return CHAT_PROVIDERS[config.provider].create(options);
}

/** The config's terms ahead of the built-in ones (a redefined tag replaces its default), or alone. */
function configuredVocabulary(config: SummarizerConfig): Vocabulary | undefined {
  if (config.vocabulary === undefined) return undefined;
  const own = config.vocabulary.map(({ tag, category, broader, synonyms }) => ({
    tag,
    synonyms,
    ...(category !== undefined ? { category } : {}),
    ...(broader !== undefined ? { broader } : {}),
  }));
  if (config.replaceVocabulary) return own;
  const redefined = new Set(own.map((term) => term.tag));
  return [...own, ...defaultVocabulary.filter((term) => !redefined.has(term.tag))];
}
