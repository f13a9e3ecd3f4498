import { verifyWebhook } from "../standard-webhooks.js";
import { dateOf, objectOf, readJsonObject, stringOf } from "./read-json.js";
import { type EventRequest, type Reading, refuse } from "./types.js";

// Resend signs its webhooks with Svix (resend.com/docs/webhooks/verify-webhooks-requests):
// svix-id, svix-timestamp and svix-signature, the Standard Webhooks scheme.

const KINDS = {
  "email.bounced": "hard-bounce",
  "email.complained": "complaint",
  "email.delivered": "delivered",
} as const;

/** Verifies the Svix signature, then reads bounced, complained and delivered events. */
export function readResend(
  request: EventRequest,
  key: Buffer,
  options: { now: Date; maxAgeMs: number },
): Reading {
  const id = request.header("svix-id");
  const check = verifyWebhook({
    key,
    id,
    timestamp: request.header("svix-timestamp"),
    signature: request.header("svix-signature"),
    body: request.body,
    now: options.now,
    maxAgeMs: options.maxAgeMs,
  });
  if (check !== "ok") return refuse(check, `svix signature: ${check}`);
  const json = readJsonObject(request.body);
  const type = json && stringOf(json.type);
  if (!json || !type) return refuse("malformed", "no type");
  if (!(type in KINDS)) return { isAccepted: true, events: [], note: `ignored ${type}` };
  const data = objectOf(json.data);
  const serviceMessageId = stringOf(data.email_id);
  const recipients = (Array.isArray(data.to) ? data.to : [data.to]).filter(
    (to): to is string => typeof to === "string",
  );
  if (!serviceMessageId || recipients.length === 0)
    return refuse("malformed", `${type} without email_id or to`);
  const bounce = objectOf(data.bounce);
  // email.bounced is a permanent rejection; a Transient type, should one come, is soft.
  const kind =
    type === "email.bounced" && bounce.type === "Transient"
      ? "soft-bounce"
      : KINDS[type as keyof typeof KINDS];
  const detail =
    [stringOf(bounce.type), stringOf(bounce.subType), stringOf(bounce.message)]
      .filter(Boolean)
      .join(" ") || type;
  return {
    isAccepted: true,
    events: recipients.map((recipient) => ({
      service: "resend" as const,
      kind,
      recipient,
      serviceMessageId,
      eventKey: `${id}:${recipient.toLowerCase()}`,
      detail,
      occurredAt: dateOf(json.created_at, options.now),
    })),
  };
}
