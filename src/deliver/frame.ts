import { randomBytes } from "node:crypto";
import type { Config, ListConfig } from "../config/index.js";
import type { RenderedMessage } from "../render/index.js";
import { formatAddress } from "./mime/format-address.js";
import { domainOf, listIdFor } from "./mime/message-id.js";
import { prepareMessage } from "./mime/prepare-message.js";
import type { OutgoingMessage, SendResult, Transport } from "./transports/types.js";

/**
 * What every email of a list carries besides its content — the deliveries, test copies,
 * signup confirmations and "email me my links" alike. The one rule: the list's `sender` replaces the top-level one
 * as a whole; the unsubscribe mailto is the newsletter's; the List-Id header is
 * `List name <list-slug.host of baseUrl>`; Message-IDs end in the From address's domain.
 */
export interface OutgoingFrame {
  from: string;
  replyTo?: string;
  /** The List-Id header's value. */
  listIdHeader: string;
  unsubscribeMailto?: string;
  /** The From address's domain, which every Message-ID of the list ends in. */
  domain: string;
}

/**
 * The mailto advertised in List-Unsubscribe: only when `inbox:` is configured, since an
 * unsubscribe mailed to an address nobody reads is not honoured (mailbox providers and
 * anti-spam law count that against the sender).
 */
export function advertisedMailto(config: Config): string | undefined {
  return config.inbox ? config.sender.unsubscribeMailto : undefined;
}

export function outgoingFrame(config: Config, list: ListConfig): OutgoingFrame {
  const sender = list.sender ?? config.sender;
  const from = formatAddress(sender.from);
  const unsubscribeMailto = advertisedMailto(config);
  return {
    from,
    ...(sender.replyTo && { replyTo: formatAddress(sender.replyTo) }),
    listIdHeader: listIdFor({
      name: list.name,
      listSlug: list.id,
      domain: new URL(config.newsletter.baseUrl).hostname,
    }),
    ...(unsubscribeMailto && { unsubscribeMailto }),
    domain: domainOf(from),
  };
}

/** A one-off message of the list (not an issue delivery): `<gz.<kind>.<token>@domain>`. */
export function framedMessage(
  frame: OutgoingFrame,
  content: {
    kind: "test" | "confirm" | "links" | "welcome";
    /** Unique per message: random, or the confirmation's nonce. */
    token: string;
    to: string;
    subject: string;
    html: string;
    text: string;
    unsubscribeUrl: string;
    headers?: Record<string, string>;
  },
): OutgoingMessage {
  return {
    from: frame.from,
    ...(frame.replyTo && { replyTo: frame.replyTo }),
    to: content.to,
    subject: content.subject,
    html: content.html,
    text: content.text,
    messageId: `<gz.${content.kind}.${content.token}@${frame.domain}>`,
    listIdHeader: frame.listIdHeader,
    unsubscribe: {
      url: content.unsubscribeUrl,
      ...(frame.unsubscribeMailto && { mailto: frame.unsubscribeMailto }),
    },
    ...(content.headers && { headers: content.headers }),
  };
}

/**
 * A test copy (`gazette send --to`, the preview's "send a test"): the email as filled for one
 * reader, subject "[Test] …", marked X-Gazette-Test, in the list's frame; nothing is recorded.
 */
export function sendTestCopy(
  transport: Transport,
  frame: OutgoingFrame,
  copy: { to: string; body: RenderedMessage; unsubscribeUrl: string; now: Date },
): Promise<SendResult> {
  const message = framedMessage(frame, {
    kind: "test",
    token: randomBytes(8).toString("hex"),
    to: copy.to,
    subject: `[Test] ${copy.body.subject}`,
    html: copy.body.html,
    text: copy.body.text,
    unsubscribeUrl: copy.unsubscribeUrl,
    headers: { "X-Gazette-Test": "1" },
  });
  return transport.send(prepareMessage(message, copy.now));
}
