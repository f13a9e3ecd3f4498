import { z } from "zod";
import { GazetteError } from "../../shared/errors.js";
import type { ChatModel } from "../types.js";
import { type HttpOptions, postModelRequest } from "./post-model-request.js";

/** The Messages API version this adapter speaks (the `anthropic-version` header). */
export const ANTHROPIC_VERSION = "2023-06-01";

const Response = z.object({
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
  stop_reason: z.string().nullable().optional(),
  usage: z
    .object({ input_tokens: z.number().default(0), output_tokens: z.number().default(0) })
    .optional(),
});

export interface AnthropicMessagesOptions {
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  maxOutputTokens: number;
  http: HttpOptions;
}

/** Anthropic's Messages API: POST {baseUrl}/v1/messages at temperature 0. */
export function createAnthropicMessages(options: AnthropicMessagesOptions): ChatModel {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/v1/messages`;
  const headers: Record<string, string> = { "anthropic-version": ANTHROPIC_VERSION };
  if (options.apiKey) headers["x-api-key"] = options.apiKey;
  return {
    async complete(prompt) {
      const body = await postModelRequest(
        url,
        headers,
        {
          model: options.model,
          max_tokens: options.maxOutputTokens,
          system: prompt.system,
          messages: [{ role: "user", content: prompt.user }],
          temperature: 0,
        },
        options.http,
      );
      const parsed = Response.safeParse(body);
      if (!parsed.success)
        throw new GazetteError("SUMMARIZE_FAILED", "the response has no content");
      return {
        text: parsed.data.content
          .filter((block) => block.type === "text")
          .map((block) => block.text ?? "")
          .join(""),
        usage: {
          inputTokens: parsed.data.usage?.input_tokens ?? 0,
          outputTokens: parsed.data.usage?.output_tokens ?? 0,
        },
        isTruncated: parsed.data.stop_reason === "max_tokens",
      };
    },
  };
}
