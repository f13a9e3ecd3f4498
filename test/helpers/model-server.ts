import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One canned answer; `body` objects are sent as JSON, strings as they are. */
export interface ModelReply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface ModelRequestRecord {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A local chat API on 127.0.0.1 and a free port that answers from a script of replies. */
export interface ModelServer {
  /** The base URL to configure: `http://127.0.0.1:<port>` (+ "/v1" for OpenAI-style). */
  baseUrl: string;
  requests: ModelRequestRecord[];
  /** Queues replies; when the queue is empty, `fallback` answers. */
  enqueue(...replies: ModelReply[]): void;
  close(): Promise<void>;
}

/**
 * Starts a server speaking one provider's wire format (paths as the real APIs have them:
 * POST /v1/chat/completions or POST /v1/messages); 404 for anything else.
 */
export async function startModelServer(
  provider: "openai" | "anthropic",
  fallback: (request: ModelRequestRecord) => ModelReply,
): Promise<ModelServer> {
  const queue: ModelReply[] = [];
  const requests: ModelRequestRecord[] = [];
  const path = provider === "openai" ? "/v1/chat/completions" : "/v1/messages";
  const server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => {
      raw += chunk.toString();
    });
    request.on("end", () => {
      if (request.method !== "POST" || request.url !== path) {
        response.writeHead(404).end();
        return;
      }
      const record = { path: request.url, headers: request.headers, body: JSON.parse(raw) };
      requests.push(record);
      const reply = queue.shift() ?? fallback(record);
      const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      response
        .writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers })
        .end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: provider === "openai" ? `${origin}/v1` : origin,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A chat completion as OpenAI documents it. */
export function openAiCompletion(
  content: string,
  usage = { prompt_tokens: 900, completion_tokens: 120 },
  finishReason = "stop",
): ModelReply {
  return {
    body: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 1_767_225_600,
      model: "test-model",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

/** A Messages API response as Anthropic documents it. */
export function anthropicMessage(
  text: string,
  usage = { input_tokens: 900, output_tokens: 120 },
  stopReason = "end_turn",
): ModelReply {
  return {
    body: {
      id: "msg_test",
      type: "message",
      role: "assistant",
      model: "test-model",
      content: [{ type: "text", text }],
      stop_reason: stopReason,
      stop_sequence: null,
      usage,
    },
  };
}

/** An error in the provider's own shape. */
export function providerError(
  provider: "openai" | "anthropic",
  status: number,
  message: string,
  headers: Record<string, string> = {},
): ModelReply {
  const type = status === 429 ? "rate_limit_error" : "api_error";
  return {
    status,
    headers,
    body:
      provider === "openai"
        ? { error: { message, type, param: null, code: null } }
        : { type: "error", error: { type, message } },
  };
}
