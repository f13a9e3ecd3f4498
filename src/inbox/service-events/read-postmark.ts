import { isSameSecret } from "../../shared/is-same-secret.js";
import { dateOf, readJsonObject, stringOf } from "./read-json.js";
import { type EventRequest, type Reading, refuse, type ServiceEvent } from "./types.js";

// Postmark webhooks (postmarkapp.com/developer/webhooks): no signature; the webhook URL carries
// HTTP basic auth and/or the webhook sends a custom header. Every configured check must pass.

export interface PostmarkAuth {
  username?: string;
  password?: string;
  token?: string;
  tokenHeader: string;
}

// Bounce types (Postmark's BounceType enum) that mean the mailbox will never take mail.
const HARD = new Set(["HardBounce", "BadEmailAddress", "ManuallyDeactivated"]);
// Not bounces at all: an auto-reply, a challenge, a subscribe request…
const NOT_BOUNCES = new Set([
  "AutoResponder",
  "Subscribe",
  "Unsubscribe",
  "AddressChange",
  "ChallengeVerification",
  "OpenRelayTest",
  "VirusNotification",
  "SpamNotification",
]);

/** Checks the credentials, then reads Bounce, SpamComplaint and Delivery records. */
export function readPostmark(request: EventRequest, auth: PostmarkAuth, received: Date): Reading {
  if (auth.password !== undefined) {
    const header = request.header("authorization");
    if (!header) return refuse("unsigned", "no Authorization header");
    const match = /^Basic\s+(\S+)$/i.exec(header);
    if (!match) return refuse("malformed", "Authorization is not Basic");
    const expected = `${auth.username ?? ""}:${auth.password}`;
    if (!isSameSecret(Buffer.from(match[1] as string, "base64").toString("utf8"), expected))
      return refuse("forged", "wrong basic auth credentials");
  }
  if (auth.token !== undefined) {
    const token = request.header(auth.tokenHeader.toLowerCase());
    if (!token) return refuse("unsigned", `no ${auth.tokenHeader} header`);
    if (!isSameSecret(token, auth.token)) return refuse("forged", `wrong ${auth.tokenHeader}`);
  }
  const json = readJsonObject(request.body);
  const recordType = json && stringOf(json.RecordType);
  if (!json || !recordType) return refuse("malformed", "no RecordType");
  const serviceMessageId = stringOf(json.MessageID);
  const base = { service: "postmark" as const, ...(serviceMessageId && { serviceMessageId }) };
  const one = (event: Omit<ServiceEvent, "service">): Reading => ({
    isAccepted: true,
    events: [{ ...base, ...event }],
  });
  if (recordType === "Bounce" || recordType === "SpamComplaint") {
    const email = stringOf(json.Email);
    const id = json.ID;
    if (!email || (typeof id !== "number" && typeof id !== "string"))
      return refuse("malformed", `${recordType} without Email or ID`);
    const type = stringOf(json.Type) ?? "";
    if (recordType === "Bounce" && NOT_BOUNCES.has(type))
      return { isAccepted: true, events: [], note: `ignored ${type}` };
    const kind =
      recordType === "SpamComplaint" || type === "SpamComplaint"
        ? "complaint"
        : HARD.has(type)
          ? "hard-bounce"
          : "soft-bounce";
    return one({
      kind,
      recipient: email,
      eventKey: `${recordType}:${id}`,
      detail: [type, stringOf(json.Description), stringOf(json.Details)].filter(Boolean).join(": "),
      occurredAt: dateOf(json.BouncedAt, received),
    });
  }
  if (recordType === "Delivery") {
    const recipient = stringOf(json.Recipient);
    if (!recipient || !serviceMessageId) return refuse("malformed", "Delivery without Recipient");
    return one({
      kind: "delivered",
      recipient,
      eventKey: `${serviceMessageId}:delivered:${recipient.toLowerCase()}`,
      detail: stringOf(json.Details) ?? "delivered",
      occurredAt: dateOf(json.DeliveredAt, received),
    });
  }
  // Open, Click, SubscriptionChange: nothing Gazette records.
  return { isAccepted: true, events: [], note: `ignored ${recordType}` };
}
