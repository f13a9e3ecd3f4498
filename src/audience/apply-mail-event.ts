import { createHash } from "node:crypto";
import { dropLineControls } from "../shared/control-characters.js";
import type { MailEventKind, MailEventLedger, MailEventResult, MailEventWrite } from "./ports.js";

/**
 * Every route by which mail talks back — the bounce mailbox (DSN, ARF), a mailto unsubscribe, an
 * email service's webhook (SES, Postmark, Resend), the unsubscribe link — ends here, so that each
 * has the same effect:
 * - hard-bounce: the delivery is marked bounced; at `maxBounces` hard bounces (every issue, every
 *   route) the address is suppressed on every list;
 * - soft-bounce: recorded only (a full mailbox, a delay, a block of one message);
 * - complaint: the address is suppressed on every list at once and its memberships marked
 *   complained;
 * - unsubscribe: the membership named by a token ends, or, with only an address, every active
 *   membership of that subscriber.
 * The event and its effect are written in one transaction; an event with an `eventId` seen before
 * changes nothing (outcome `duplicate`), so a message read twice counts once.
 */
export interface MailEvent {
  kind: MailEventKind;
  /** The route: inbox, mailto, link, one-click, smtp, ses, postmark, resend, operator. */
  source: string;
  /** The event's own id within its source (a DSN's Message-ID, a webhook's event id). */
  eventId?: string;
  /** The address the event is about, when the event names one. */
  email?: string;
  /** The Message-ID Gazette sent (what a DSN or ARF report quotes, or a service echoes). */
  messageId?: string;
  /** A delivery known by its issue and subscriber (a VERP token). */
  delivery?: { issueId: number; subscriberId: number };
  /** A membership known by a token (mailto or link unsubscribe). */
  membership?: { listId: number; subscriberId: number };
  /** RFC 3463 status code, when there is one. */
  status?: string;
  /** A line for the operator: the diagnostic, the complaint type… */
  detail?: string;
  at: Date;
}

export type { MailEventOutcome, MailEventResult } from "./ports.js";

/** Records the event and applies its effect (see MailEvent); one transaction. */
export async function applyMailEvent(
  store: { audience: MailEventLedger },
  event: MailEvent,
  options: { maxBounces: number },
): Promise<MailEventResult> {
  const deliveryId = event.delivery
    ? await store.audience.deliveryIdOf(event.delivery.issueId, event.delivery.subscriberId)
    : undefined;
  const write: MailEventWrite = {
    source: event.source,
    kind: event.kind,
    at: event.at,
    maxBounces: options.maxBounces,
    ...(event.eventId !== undefined ? { eventKey: eventKeyOf(event.source, event.eventId) } : {}),
    ...(event.email !== undefined ? { email: event.email } : {}),
    ...(event.messageId !== undefined ? { messageId: event.messageId } : {}),
    ...(deliveryId !== undefined ? { deliveryId } : {}),
    ...(event.membership ?? {}),
    ...(event.delivery && deliveryId === undefined
      ? { subscriberId: event.delivery.subscriberId }
      : {}),
    ...(event.status !== undefined ? { status: event.status } : {}),
    ...(event.detail !== undefined ? { detail: dropLineControls(event.detail) } : {}),
  };
  return store.audience.applyMailEvent(write);
}

/**
 * `<source>:<eventId>`, or `<source>:sha256:<hex>` when the id is long or holds a control
 * character: a message's own Message-ID is whatever its sender wrote, and PostgreSQL refuses a
 * NUL or an index entry of kilobytes (the event would never be recorded, its message read forever).
 */
function eventKeyOf(source: string, eventId: string): string {
  if (eventId.length <= 250 && dropLineControls(eventId) === eventId) return `${source}:${eventId}`;
  return `${source}:sha256:${createHash("sha256").update(eventId).digest("hex")}`;
}
