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

/**
 * The chat APIs a summarizer can speak, keyed by `summarizer.provider`: one file per wire
 * format. A new provider is one adapter file and one line here (and its config schema).
 */
export const CHAT_PROVIDERS = {
  openai: createOpenAiChat,
  anthropic: createAnthropicMessages,
} satisfies Record<string, (options: ChatModelOptions) => ChatModel>;

export type ChatProvider = keyof typeof CHAT_PROVIDERS;
