import { describeError, GazetteError } from "../../shared/errors.js";
import { parseRetryAfter, RetryableError, type RetryOptions, withRetries } from "./with-retries.js";

export interface HttpOptions {
  fetch: typeof fetch;
  /** Time allowed for one attempt, answer body included. */
  timeoutMs: number;
  retry: RetryOptions;
}

/**
 * POSTs a JSON body to a model API and returns the parsed JSON answer. 429, 5xx, network errors
 * and timeouts are retried (honouring Retry-After); any other failure throws SUMMARIZE_FAILED.
 */
export function postModelRequest(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  options: HttpOptions,
): Promise<unknown> {
  return withRetries(async () => {
    let status: number;
    let text: string;
    let responseHeaders: Headers;
    try {
      const response = await options.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = response.status;
      responseHeaders = response.headers;
      text = await response.text();
    } catch (cause) {
      const isTimeout = cause instanceof Error && cause.name === "TimeoutError";
      throw new RetryableError(
        isTimeout
          ? `no answer within ${options.timeoutMs} ms`
          : `request failed: ${describeError(cause)}`,
      );
    }
    if (status === 429 || status >= 500) {
      throw new RetryableError(
        `HTTP ${status}: ${errorMessage(text)}`,
        parseRetryAfter(responseHeaders),
      );
    }
    if (status < 200 || status >= 300) {
      throw new GazetteError("SUMMARIZE_FAILED", `HTTP ${status}: ${errorMessage(text)}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new GazetteError("SUMMARIZE_FAILED", `HTTP ${status}: the response is not JSON`);
    }
  }, options.retry);
}

/** The message of an error body: OpenAI's {error:{message}}, Anthropic's {type:"error",error:{type,message}}. */
function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { type?: unknown; message?: unknown } };
    const { type, message } = body.error ?? {};
    if (typeof message === "string")
      return typeof type === "string" ? `${type}: ${message}` : message;
  } catch {
    // Not JSON: a proxy's HTML page, say; its start is the best we have.
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 200) || "(empty body)";
}
