import { dropLineControls } from "../../shared/control-characters.js";
import { describeError, GazetteError } from "../../shared/errors.js";
import { type BodyStart, readBodyStart } from "../../shared/read-body-start.js";
import { parseRetryAfter, RetryableError, type RetryOptions, withRetries } from "./with-retries.js";

export interface HttpOptions {
  fetch: typeof fetch;
  /** Time allowed for one attempt, answer body included. */
  timeoutMs: number;
  retry: RetryOptions;
}

// A chat answer of maxOutputTokens is kilobytes; one past this is no answer, and reading it whole
// would hold whatever a broken or hostile endpoint sends until the timeout.
const MAX_ANSWER_BYTES = 1024 * 1024;

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
    let answer: BodyStart;
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
      answer = await readBodyStart(response.body, MAX_ANSWER_BYTES);
    } catch (cause) {
      const isTimeout = cause instanceof Error && cause.name === "TimeoutError";
      throw new RetryableError(
        isTimeout
          ? `no answer within ${options.timeoutMs} ms`
          : `request failed: ${describeError(cause)}`,
      );
    }
    if (answer.isCut)
      throw new GazetteError(
        "SUMMARIZE_FAILED",
        `HTTP ${status}: the answer is over ${MAX_ANSWER_BYTES} bytes`,
      );
    const { text } = answer;
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
      return oneLine(typeof type === "string" ? `${type}: ${message}` : message);
  } catch {
    // Not JSON: a proxy's HTML page, say; its start is the best we have.
  }
  return oneLine(text) || "(empty body)";
}

// The far end's words go into the enrich report and the stored fallback reason: one short line.
function oneLine(text: string): string {
  return dropLineControls(text).replace(/\s+/g, " ").trim().slice(0, 200);
}
