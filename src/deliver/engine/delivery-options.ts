import type { DeliveryConfig } from "../../config/index.js";
import { parseDuration } from "../../shared/duration.js";
import { parallelOf, type TransportConfig } from "../transports/registry.js";
import type { RateLimit } from "./rate-limiter.js";
import type { RetryPolicy } from "./retry-delay.js";

/** The `delivery:` config in the units sendIssue works in. */
export interface DeliveryOptions {
  batchSize: number;
  /** Messages handed to the transport and not yet answered, at most. */
  concurrency: number;
  /**
   * Sent rows marked together in one write (1: each right after its reply). After a crash, at
   * most `concurrency + markBatch` messages can be sent twice: the in-flight window.
   */
  markBatch: number;
  leaseMs: number;
  retry: RetryPolicy;
  rateLimit?: RateLimit;
  maxBounces: number;
  /** Relay failures in a row (connection refused, 421, timeouts) after which the send stops. */
  stopAfterRelayFailures: number;
}

/** Converts the config's durations and fills the defaults that depend on the transport. */
export function toDeliveryOptions(
  delivery: DeliveryConfig,
  transport: TransportConfig,
): DeliveryOptions {
  // Two per connection (or file write): while one message is on the wire the next is built.
  const pooled = parallelOf(transport);
  return {
    batchSize: delivery.batchSize,
    concurrency: delivery.concurrency ?? pooled * 2,
    markBatch: delivery.markBatch ?? delivery.concurrency ?? pooled * 2,
    leaseMs: parseDuration(delivery.leaseDuration),
    retry: {
      maxAttempts: delivery.retry.maxAttempts,
      baseDelayMs: parseDuration(delivery.retry.baseDelay),
      maxDelayMs: parseDuration(delivery.retry.maxDelay),
    },
    ...(delivery.rateLimit && { rateLimit: delivery.rateLimit }),
    maxBounces: delivery.maxBounces,
    stopAfterRelayFailures: 3,
  };
}
