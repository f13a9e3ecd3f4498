import type { MessageKind } from "./classify-message.js";
import { STATUS_CODE } from "./report-fields.js";

interface SesVerdict {
  kind: MessageKind;
  reason: string;
  recipient?: string;
  status?: string;
  messageId?: string;
  detail?: string;
}

/**
 * Amazon SES's bounce, complaint and delivery notifications as SNS delivers them by email: a JSON
 * envelope whose `Message` is the notification (notificationType Bounce / Complaint / Delivery;
 * bounceType Permanent is a hard bounce, Transient and Undetermined soft).
 */
export function readSesNotification(text: string): SesVerdict | undefined {
  if (!text.includes("notificationType")) return undefined;
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return undefined;
  // Mail clients and archives wrap long lines; a line break is never part of the JSON.
  const notification = parseNotification(text.slice(start, end + 1).replace(/\r?\n/g, ""));
  if (!notification) return undefined;
  const type = String(notification.notificationType ?? notification.eventType ?? "");
  const mail = (notification.mail ?? {}) as Record<string, unknown>;
  const messageId = headerValue(mail, "Message-ID")?.replace(/^<|>$/g, "");
  const withId = messageId ? { messageId } : {};
  if (type === "Complaint") {
    const complaint = (notification.complaint ?? {}) as Record<string, unknown>;
    const first = firstOf(complaint.complainedRecipients);
    return {
      kind: "complaint",
      reason: String(complaint.complaintFeedbackType ?? "abuse"),
      ...(first?.emailAddress ? { recipient: String(first.emailAddress) } : {}),
      ...withId,
    };
  }
  if (type === "Bounce") {
    const bounce = (notification.bounce ?? {}) as Record<string, unknown>;
    const first = firstOf(bounce.bouncedRecipients);
    const detail = first?.diagnosticCode ? String(first.diagnosticCode) : undefined;
    const status = STATUS_CODE.exec(String(first?.status ?? detail ?? ""))?.[0];
    return {
      kind: bounce.bounceType === "Permanent" ? "hard-bounce" : "soft-bounce",
      reason: `${String(bounce.bounceType)}/${String(bounce.bounceSubType ?? "")}`,
      ...(first?.emailAddress ? { recipient: String(first.emailAddress) } : {}),
      ...(status ? { status } : {}),
      ...(detail ? { detail } : {}),
      ...withId,
    };
  }
  if (type === "Delivery") {
    const delivery = (notification.delivery ?? {}) as Record<string, unknown>;
    const recipient = Array.isArray(delivery.recipients) ? delivery.recipients[0] : undefined;
    return {
      kind: "other",
      reason: "delivered",
      ...(recipient ? { recipient: String(recipient) } : {}),
      ...withId,
    };
  }
  return undefined;
}

function parseNotification(json: string): Record<string, unknown> | undefined {
  try {
    const outer = JSON.parse(json) as Record<string, unknown>;
    // SNS wraps the notification as a JSON string in Message; SES can also send it bare.
    if (typeof outer.Message === "string")
      return JSON.parse(outer.Message) as Record<string, unknown>;
    return outer;
  } catch {
    return undefined;
  }
}

function firstOf(list: unknown): Record<string, unknown> | undefined {
  return Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined;
}

function headerValue(mail: Record<string, unknown>, name: string): string | undefined {
  const headers = Array.isArray(mail.headers) ? (mail.headers as Record<string, unknown>[]) : [];
  const found = headers.find((h) => String(h.name).toLowerCase() === name.toLowerCase());
  if (found) return String(found.value);
  const common = (mail.commonHeaders ?? {}) as Record<string, unknown>;
  return typeof common.messageId === "string" ? common.messageId : undefined;
}
