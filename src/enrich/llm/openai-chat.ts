import { z } from "zod";
import { GazetteError } from "../../shared/errors.js";
import type { ChatModel } from "../types.js";
import { type HttpOptions, postModelRequest } from "./post-model-request.js";

// POST {baseUrl}/chat/completions, as OpenAI documents it and Ollama, vLLM, llama.cpp's server
// and LM Studio implement it.
const Response = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable().optional() }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().default(0), completion_tokens: z.number().default(0) })
    .optional(),
});

export interface OpenAiChatOptions {
  baseUrl: string;
  model: string;
  /** Local servers need none; then no Authorization header is sent. */
  apiKey?: string | undefined;
  maxOutputTokens: number;
  http: HttpOptions;
}

/** An OpenAI-compatible chat completions endpoint, asked for a JSON object at temperature 0. */
export function createOpenAiChat(options: OpenAiChatOptions): ChatModel {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  // OpenAI's newer models refuse max_tokens; other servers mostly know only max_tokens.
  const limitField =
    new URL(options.baseUrl).hostname === "api.openai.com" ? "max_completion_tokens" : "max_tokens";
  const headers: Record<string, string> = options.apiKey
    ? { authorization: `Bearer ${options.apiKey}` }
    : {};
  return {
    async complete(prompt) {
      const body = await postModelRequest(
        url,
        headers,
        {
          model: options.model,
          messages: [
            { role: "system", content: prompt.system },
            { role: "user", content: prompt.user },
          ],
          response_format: { type: "json_object" },
          temperature: 0,
          [limitField]: options.maxOutputTokens,
        },
        options.http,
      );
      const parsed = Response.safeParse(body);
      if (!parsed.success) {
        throw new GazetteError("SUMMARIZE_FAILED", "the response has no choices[0].message");
      }
      const [choice] = parsed.data.choices;
      return {
        text: choice?.message.content ?? "",
        usage: {
          inputTokens: parsed.data.usage?.prompt_tokens ?? 0,
          outputTokens: parsed.data.usage?.completion_tokens ?? 0,
        },
        isTruncated: choice?.finish_reason === "length",
      };
    },
  };
}
