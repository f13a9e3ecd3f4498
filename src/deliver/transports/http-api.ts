import { Agent, errors, request } from "undici";
import { describeError } from "../../shared/errors.js";
import { readBodyStart } from "../../shared/read-body-start.js";
import { retryAfterMs } from "../../shared/retry-after.js";
import { type FailureKind, TransportError } from "./types.js";

/** What an email API answered: its status, headers and body (its first MAX_ANSWER bytes). */
export interface ApiAnswer {
  status: number;
  header(name: string): string | undefined;
  body: string;
}

/** A keep-alive connection pool to one API, and a POST over it with a deadline. */
export interface ApiClient {
  post(url: URL, headers: Record<string, string>, body: string): Promise<ApiAnswer>;
  close(): Promise<void>;
}

// An API's answer is a few hundred bytes of JSON; past this much it is not the API talking, and
// reading on would hold a hostile or broken endpoint's gigabytes in memory.
const MAX_ANSWER = 256 * 1024;

/**
 * POSTs over `connections` keep-alive connections. A request that cannot connect is
 * `transport-down` (nothing would pass now); one that got no full answer within `timeoutMs` is
 * `retry-later` (the message may or may not have been taken: an API with an idempotency key
 * makes the retry safe).
 */
export function createApiClient(
  service: string,
  options: { connections: number; timeoutMs: number },
): ApiClient {
  const agent = new Agent({
    connections: options.connections,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connectTimeout: Math.min(options.timeoutMs, 10_000),
  });
  return {
    async post(url, headers, body) {
      try {
        const answer = await request(url, {
          method: "POST",
          headers,
          body,
          dispatcher: agent,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const { text } = await readBodyStart(answer.body, MAX_ANSWER);
        return {
          status: answer.statusCode,
          header: (name) => {
            const value = answer.headers[name.toLowerCase()];
            return Array.isArray(value) ? value[0] : value;
          },
          body: text,
        };
      } catch (error) {
        throw new TransportError(networkKind(error), `${service}: ${describeNetworkError(error)}`, {
          cause: error,
        });
      }
    },
    close: () => agent.close(),
  };
}

function networkKind(error: unknown): FailureKind {
  if (
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
  )
    return "retry-later";
  return "transport-down";
}

function describeNetworkError(error: unknown): string {
  if (networkKind(error) === "retry-later") return "no answer in time";
  const code =
    (error as { code?: string; cause?: { code?: string } }).cause?.code ??
    (error as { code?: string }).code;
  return code ? `${code} (${describeError(error)})` : describeError(error);
}

/**
 * The kind of an HTTP failure most APIs share: 429 and other 5xx are this request's trouble
 * (retry later), 401/403 a bad key and 503 an outage (nothing would pass), other 4xx the
 * message's. A service's own error codes refine this first (a rejected recipient). An answer
 * that is not a JSON object is not the API's (a proxy's or captive portal's page, a wrong
 * endpoint's 404, a body cut off): it says nothing about the message, so it counts as the
 * transport down (three in a row pause the send) rather than failing every recipient for good.
 */
export function kindOfAnswer(answer: ApiAnswer): FailureKind {
  const { status } = answer;
  if (status === 401 || status === 403 || status === 503) return "transport-down";
  if (status === 429 || status === 408 || status >= 500) return "retry-later";
  return parseObject(answer.body) === undefined ? "transport-down" : "message-rejected";
}

/** A TransportError for an API's answer, with what it asked to wait (Retry-After) when it did. */
export function apiFailure(
  kind: FailureKind,
  service: string,
  answer: ApiAnswer,
  detail: string,
): TransportError {
  const error = new TransportError(
    kind,
    `${service}: HTTP ${answer.status}: ${detail}`.slice(0, 500),
  );
  const wait = retryAfterMs(answer.header("retry-after"), new Date());
  if (wait !== undefined) error.retryAfterMs = wait;
  return error;
}

/** The body as JSON, or {} when it is not JSON (a proxy's HTML error page). */
export function readAnswer(answer: ApiAnswer): Record<string, unknown> {
  return parseObject(answer.body) ?? {};
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
