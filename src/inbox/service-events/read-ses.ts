import { dateOf, objectOf, readJsonObject, stringOf } from "./read-json.js";
import type { ServiceEvent } from "./types.js";

// SES notifications (notificationType) and event publishing (eventType) carry the same objects:
// docs.aws.amazon.com/ses/latest/dg/notification-contents.html, event-publishing-retrieving-sns-contents.

/**
 * The events in an SES notification (the SNS message's body): a Permanent bounce is hard,
 * Transient and Undetermined are soft; complaints and deliveries per recipient. Other kinds
 * (Send, Open, Click…) give nothing. Undefined when the message is not SES JSON.
 */
export function readSesNotification(message: string, received: Date): ServiceEvent[] | undefined {
  const json = readJsonObject(message);
  if (!json) return undefined;
  const type = stringOf(json.notificationType) ?? stringOf(json.eventType);
  const mail = objectOf(json.mail);
  const serviceMessageId = stringOf(mail.messageId);
  if (!type || !serviceMessageId) return undefined;
  const messageId = ourMessageId(mail);
  const base = { service: "ses" as const, serviceMessageId, ...(messageId && { messageId }) };
  const each = (
    recipients: unknown,
    kind: ServiceEvent["kind"],
    detailOf: (r: Record<string, unknown>) => string,
    at: unknown,
  ) =>
    (Array.isArray(recipients) ? recipients : [])
      .map((entry) => (typeof entry === "string" ? { emailAddress: entry } : objectOf(entry)))
      .filter((r) => typeof r.emailAddress === "string")
      .map((r) => ({
        ...base,
        kind,
        recipient: r.emailAddress as string,
        eventKey: `${serviceMessageId}:${kind}:${(r.emailAddress as string).toLowerCase()}`,
        detail: detailOf(r),
        occurredAt: dateOf(at, received),
      }));
  if (type === "Bounce") {
    const bounce = objectOf(json.bounce);
    const kind = bounce.bounceType === "Permanent" ? "hard-bounce" : "soft-bounce";
    const summary = `${bounce.bounceType ?? "?"}/${bounce.bounceSubType ?? "?"}`;
    return each(
      bounce.bouncedRecipients,
      kind,
      (r) => [summary, stringOf(r.status), stringOf(r.diagnosticCode)].filter(Boolean).join(" "),
      bounce.timestamp,
    );
  }
  if (type === "Complaint") {
    const complaint = objectOf(json.complaint);
    const detail =
      `complaint ${stringOf(complaint.complaintFeedbackType) ?? stringOf(complaint.complaintSubType) ?? ""}`.trim();
    return each(complaint.complainedRecipients, "complaint", () => detail, complaint.timestamp);
  }
  if (type === "Delivery") {
    const delivery = objectOf(json.delivery);
    const detail = stringOf(delivery.smtpResponse) ?? "delivered";
    return each(delivery.recipients, "delivered", () => detail, delivery.timestamp);
  }
  return [];
}

/** Our Message-ID, from the common headers or the original headers SES may include. */
function ourMessageId(mail: Record<string, unknown>): string | undefined {
  const common = stringOf(objectOf(mail.commonHeaders).messageId);
  if (common) return common;
  const headers = Array.isArray(mail.headers) ? mail.headers : [];
  for (const header of headers) {
    const { name, value } = objectOf(header);
    if (typeof name === "string" && name.toLowerCase() === "message-id") return stringOf(value);
  }
  return undefined;
}
