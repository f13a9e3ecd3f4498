import type { Recipient, RenderedMessage } from "../../render/index.js";
import type { IssueMessage } from "../mime/message-template.js";
import type { SendLedger } from "../ports.js";
import type { Transport } from "../transports/types.js";
import type { DeliveryOptions } from "./delivery-options.js";
import type { RateLimiter } from "./rate-limiter.js";

export interface SendIssueInput {
  /** The issue's ledger in the store (store.sendLedger). */
  ledger: SendLedger;
  /** Where the messages go (see transports/registry.ts). */
  transport: Transport;
  /**
   * `send` (the default) hands each message over and records it; `dry-run` builds every message
   * the issue would send now — filled, encoded and, with a key, signed by the transport's check —
   * and records nothing, not even the ledger.
   */
  mode?: "send" | "dry-run";
  issue: { id: number; listId: number };
  /** The headers and subject the same for every recipient: the message is built once from them. */
  message: IssueMessage;
  /** Fills one subscriber's fields into the issue compiled once. */
  fill: (recipient: Recipient) => RenderedMessage;
  unsubscribeUrl: (subscriberId: number) => string;
  preferencesUrl: (subscriberId: number) => string;
  /** The opaque X-Gazette-Subscriber value of a subscriber (never their number). */
  subscriberRef: (subscriberId: number) => string;
  /** The Message-ID of a delivery; only a dry run needs it (a real send reads it from the row). */
  messageIdFor: (subscriberId: number) => string;
  /** The List-Unsubscribe mailto with the membership's token; default: the issue's mailto. */
  unsubscribeMailtoFor?: (subscriberId: number) => string;
  /** VERP (sender.returnPath): the envelope sender of one subscriber's message; default: From. */
  returnPathFor?: (subscriberId: number) => string;
  now: () => Date;
  /** How the rate limiter waits; tests pass one that advances their clock. */
  sleep?: (ms: number) => Promise<void>;
  /** The jitter of retry delays (0 ≤ r < 1). */
  random?: () => number;
  options?: Partial<DeliveryOptions>;
  /** A limiter shared with other senders (the workers' pacing row); replaces the in-process one. */
  limiter?: RateLimiter;
  /** Once aborted, the send stops at the next batch boundary, as a pause does (a worker's SIGTERM). */
  signal?: AbortSignal;
}
