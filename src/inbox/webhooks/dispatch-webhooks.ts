import type { WebhookConfig } from "../../config/index.js";
import { type RetryPolicy, retryDelay } from "../../deliver/index.js";
import type { Clock } from "../../shared/clock.js";
import { parseDuration } from "../../shared/duration.js";
import { describeError } from "../../shared/errors.js";
import { retryAfterMs } from "../../shared/retry-after.js";
import type { ClaimedWebhookDelivery, WebhookAttemptOutcome, WebhookOutbox } from "../ports.js";
import { signWebhook, webhookKey } from "../standard-webhooks.js";

export interface DispatchInput {
  store: { readonly webhookOutbox: WebhookOutbox };
  webhooks: readonly WebhookConfig[];
  /** Where each webhook's `secretEnv` is read. */
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** The jitter of retry delays (0 ≤ r < 1). */
  random?: () => number;
  /** Rows claimed at a time (default 50). */
  batchSize?: number;
}

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
}

const LEASE_MS = 5 * 60_000;

/**
 * Posts every webhook delivery that is due, once each: claim a batch (with a lease) → sign and
 * POST each → record the attempt (sent; retried later with backoff, or after the receiver's
 * Retry-After; failed after the last attempt) → next batch, until none is due.
 */
export async function dispatchWebhooks(input: DispatchInput): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retried: 0, failed: 0 };
  const byUrl = new Map(input.webhooks.map((webhook) => [webhook.url, webhook]));
  for (;;) {
    const batch = await input.store.webhookOutbox.claimDue(
      input.clock.now(),
      input.batchSize ?? 50,
      LEASE_MS,
    );
    if (batch.length === 0) return report;
    await Promise.all(
      batch.map(async (row) => {
        const outcome = await attempt(row, byUrl.get(row.url), input);
        report[outcome.status === "pending" ? "retried" : outcome.status]++;
        await input.store.webhookOutbox.settle(row.id, outcome, input.clock.now());
      }),
    );
  }
}

/** The JSON body of an event: the same bytes on every attempt. */
export function eventBody(
  row: Pick<ClaimedWebhookDelivery, "eventId" | "type" | "data" | "occurredAt">,
): string {
  return `{"id":${JSON.stringify(eventIdOf(row.eventId))},"type":${JSON.stringify(row.type)},"createdAt":${JSON.stringify(row.occurredAt.toISOString())},"data":${JSON.stringify(row.data)}}`;
}

/** The webhook-id of an event: stable across retries, so a receiver can drop duplicates. */
export function eventIdOf(eventId: number): string {
  return `evt_${eventId}`;
}

async function attempt(
  row: ClaimedWebhookDelivery,
  webhook: WebhookConfig | undefined,
  input: DispatchInput,
): Promise<WebhookAttemptOutcome> {
  if (!webhook)
    return { status: "failed", responseStatus: null, error: "webhook no longer configured" };
  const secret = input.env[webhook.secretEnv];
  if (!secret)
    return retryOrFail(row, webhook, input, null, `${webhook.secretEnv} is not set`, undefined);
  const body = eventBody(row);
  const id = eventIdOf(row.eventId);
  const timestamp = Math.floor(input.clock.now().getTime() / 1000);
  try {
    const response = await fetch(webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Gazette-Webhooks/1",
        "webhook-id": id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(webhookKey(secret), id, timestamp, body),
      },
      body,
      // A redirect would carry a signed event somewhere the operator never named.
      redirect: "manual",
      signal: AbortSignal.timeout(parseDuration(webhook.timeout)),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300)
      return { status: "sent", responseStatus: response.status };
    const wait = retryAfterMs(response.headers.get("retry-after"), input.clock.now());
    return retryOrFail(row, webhook, input, response.status, `HTTP ${response.status}`, wait);
  } catch (error) {
    return retryOrFail(row, webhook, input, null, describeFetchError(error), undefined);
  }
}

/** Another attempt after the backoff (or the receiver's Retry-After, capped), or the last one. */
function retryOrFail(
  row: ClaimedWebhookDelivery,
  webhook: WebhookConfig,
  input: DispatchInput,
  responseStatus: number | null,
  error: string,
  retryAfter: number | undefined,
): WebhookAttemptOutcome {
  const attempts = row.attempts + 1;
  if (attempts >= webhook.retry.maxAttempts)
    return {
      status: "failed",
      responseStatus,
      error: `gave up after ${attempts} attempts: ${error}`,
    };
  const policy: RetryPolicy = {
    maxAttempts: webhook.retry.maxAttempts,
    baseDelayMs: parseDuration(webhook.retry.baseDelay),
    maxDelayMs: parseDuration(webhook.retry.maxDelay),
  };
  const backoff = retryDelay(attempts, policy, input.random ?? Math.random);
  const wait = Math.min(policy.maxDelayMs, Math.max(backoff, retryAfter ?? 0));
  const nextAttemptAt = new Date(input.clock.now().getTime() + wait);
  return { status: "pending", responseStatus, error, nextAttemptAt };
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "timed out";
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? describeError(error);
}
