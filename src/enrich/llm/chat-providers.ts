import type { ChatModel } from "../types.js";
import { createAnthropicMessages } from "./anthropic-messages.js";
import { createOpenAiChat } from "./openai-chat.js";
import type { HttpOptions } from "./post-model-request.js";

/** What every provider's adapter is built from. */
export interface ChatModelOptions {
  baseUrl: string;
  model: string;
  /** Local servers need none; then no key header is sent. */
  apiKey?: string | undefined;
  maxOutputTokens: number;
  http: HttpOptions;
}

/** One chat API: its adapter and the defaults of its `summarizer:` config section. */
export interface ChatProviderEntry {
  create: (options: ChatModelOptions) => ChatModel;
  /** The official endpoint, the default `baseUrl`; a request to its host always needs a key. */
  baseUrl: string;
  /** The default `apiKeyEnv`: the environment variable that holds the key. */
  apiKeyEnv: string;
}

/**
 * The chat APIs a summarizer can speak, keyed by `summarizer.provider`: one file per wire
 * format. A new provider is its adapter file and one entry here; the config schema
 * (config/summarizer-config.ts) and the key check are built from this registry.
 */
export const CHAT_PROVIDERS = {
  /** Any OpenAI-compatible chat completions endpoint: OpenAI, Ollama, vLLM, llama.cpp, LM Studio. */
  openai: {
    create: createOpenAiChat,
    baseUrl: "https://api.openai.com/v1",
    apiKeyEnv: "OPENAI_API_KEY",
  },
  anthropic: {
    create: createAnthropicMessages,
    baseUrl: "https://api.anthropic.com",
    apiKeyEnv: "ANTHROPIC_API_KEY",
  },
} satisfies Record<string, ChatProviderEntry>;

export type ChatProvider = keyof typeof CHAT_PROVIDERS;

export const CHAT_PROVIDER_NAMES = Object.keys(CHAT_PROVIDERS) as ChatProvider[];

/** The hosts of the official endpoints, which always need a key (local servers usually none). */
export const KEYED_HOSTS: ReadonlySet<string> = new Set(
  Object.values(CHAT_PROVIDERS).map((provider) => new URL(provider.baseUrl).hostname),
);
