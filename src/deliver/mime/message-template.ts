import { randomBytes } from "node:crypto";
import type { Recipient, RenderedMessage } from "../../render/index.js";
import { GazetteError } from "../../shared/errors.js";
import type { OutgoingMessage, PreparedMessage } from "../transports/types.js";
import { composeRaw, formatDate } from "./compose-raw.js";
import type { MessageBuffers } from "./message-buffers.js";
import { type BodyPlan, type Field, planBody } from "./plan-body.js";
import { bareAddress, wireHeaders } from "./prepare-message.js";
import { createQuotedPrintableEncoder } from "./qp-encode.js";
import { checkedMessageId, singleAddress, toMailOptions } from "./to-mail-options.js";
import { unsubscribeValues } from "./unsubscribe-values.js";

/** The parts of an issue's message that are the same for every recipient. */
export type IssueMessage = Omit<
  OutgoingMessage,
  "to" | "messageId" | "html" | "text" | "unsubscribe"
> & {
  unsubscribeMailto?: string;
};

/** What one recipient's message adds to the issue's. */
export interface RecipientParts {
  recipient: Recipient;
  messageId: string;
  /** X-Gazette-Subscriber: the subscriber, sealed (audience/subscriber-ref.ts). */
  subscriberRef: string;
  date: Date;
  /** The envelope sender (VERP, sender.returnPath); default: the From address. */
  returnPath?: string;
  /** The List-Unsubscribe mailto with this membership's token (`local+<token>@domain`). */
  unsubscribeMailto?: string;
}

/** An issue's message built once; `build` fills one recipient's parts in. */
export interface MessageTemplate {
  /** With `buffers`, the message is written into one of them (see MessageBuffers). */
  build(parts: RecipientParts, buffers?: MessageBuffers): Promise<Buffer>;
  /**
   * One recipient's message for a transport: `raw()` is `build` (into `buffers`), the bodies are
   * filled only when a transport reads `html` or `text`.
   */
  prepare(parts: RecipientParts, buffers?: MessageBuffers): PreparedMessage;
}

type Slot = "to" | "mid" | "unsub" | "mto" | "sub" | "date" | "text" | "html";
const SLOTS: Slot[] = ["to", "mid", "unsub", "sub", "date", "text", "html"];

/**
 * Throws HEADER_INVALID, naming the header, when the issue's own headers (subject, From,
 * Reply-To, List-Id, extra headers) cannot go out; the per-recipient ones are Gazette's own.
 * Called before the ledger exists, so that a bad subject never leaves an issue `sending`.
 */
export function checkIssueMessage(issue: IssueMessage): void {
  toMailOptions({
    ...issue,
    to: "recipient@gazette.invalid",
    messageId: "<check@gazette.invalid>",
    unsubscribe: { url: "https://gazette.invalid/unsubscribe", mailto: issue.unsubscribeMailto },
    text: "",
    html: "",
  });
}

/**
 * Builds the issue's message once with nodemailer — every header check and encoding of
 * toMailOptions — with placeholder tokens where per-recipient values go, and cuts it at them.
 * The bodies are cut the same way (see planBody) and their fixed parts encoded once, so that a
 * recipient's message is a copy of prepared buffers with a few short values in between. A
 * recipient whose values need escaping gets the whole body filled and encoded instead.
 */
export async function compileMessage(
  issue: IssueMessage,
  fill: (recipient: Recipient) => RenderedMessage,
): Promise<MessageTemplate> {
  const nonce = randomBytes(9).toString("hex");
  const token = (slot: Slot | "") => `gz${nonce}${slot}`;
  const prototype = await composeRaw(
    {
      ...issue,
      to: `${token("to")}@gazette.invalid`,
      messageId: `<${token("mid")}@gazette.invalid>`,
      unsubscribe: {
        url: `https://gazette.invalid/${token("unsub")}`,
        // Each recipient's mailto carries their membership's token: a slot of its own.
        ...(issue.unsubscribeMailto ? { mailto: `${token("mto")}@gazette.invalid` } : {}),
      },
      headers: { ...issue.headers, "X-Gazette-Subscriber": token("sub") },
      text: token("text"),
      html: token("html"),
    },
    token("date"),
  );
  // nodemailer picks 7bit for the ASCII tokens; the real bodies are always quoted-printable.
  const source = prototype
    .toString("latin1")
    .replace(
      new RegExp(`Content-Transfer-Encoding: 7bit(\\r\\n\\r\\n${token("")}(?:text|html))`, "g"),
      "Content-Transfer-Encoding: quoted-printable$1",
    );
  const pieces = source.split(
    new RegExp(
      `(${token("to")}@gazette\\.invalid|${token("mto")}@gazette\\.invalid|<${token("mid")}@gazette\\.invalid>|https://gazette\\.invalid/${token("unsub")}|${token("")}(?:sub|date|text|html))`,
    ),
  );
  const literals = pieces
    .filter((_, i) => i % 2 === 0)
    .map((piece) => Buffer.from(piece, "latin1"));
  const slots = pieces.filter((_, i) => i % 2 === 1).map((piece) => slotOf(piece, nonce));
  const expected: Slot[] = issue.unsubscribeMailto ? [...SLOTS, "mto"] : SLOTS;
  if (!expected.every((slot) => slots.filter((s) => s === slot).length === 1)) {
    throw new GazetteError("HEADER_INVALID", "the issue's message could not be cut into parts");
  }
  const plans = planBody(fill);
  const encodeText = createQuotedPrintableEncoder();
  const encodeHtml = createQuotedPrintableEncoder();
  const bodies = (recipient: Recipient): Record<"text" | "html", Buffer[]> => {
    const planned = plans && plannedBodies(plans, recipient);
    if (planned) return planned;
    const body = fill(recipient);
    return {
      text: [Buffer.from(encodeText(body.text || "\n"), "latin1")],
      html: [Buffer.from(encodeHtml(body.html || "\n"), "latin1")],
    };
  };
  const envelopeFrom = bareAddress(issue.from);
  const build = async (parts: RecipientParts, buffers?: MessageBuffers) => {
    const { recipient } = parts;
    if (!isAscii(recipient.email)) return buildFallback(issue, parts, fill(recipient));
    const header = (value: string) => [Buffer.from(value, "latin1")];
    const body = bodies(recipient);
    const values: Record<Slot, Buffer[]> = {
      to: header(recipientAddress(recipient.email)),
      mid: header(checkedMessageId(parts.messageId)),
      unsub: header(unsubscribeValues({ url: recipient.unsubscribeUrl })[0] as string),
      mto: issue.unsubscribeMailto
        ? header(mailtoAddress(parts.unsubscribeMailto ?? issue.unsubscribeMailto))
        : [],
      sub: header(parts.subscriberRef),
      date: header(formatDate(parts.date)),
      text: body.text,
      html: body.html,
    };
    const chunks: Buffer[] = [literals[0] as Buffer];
    for (let i = 0; i < slots.length; i++) {
      chunks.push(...values[slots[i] as Slot], literals[i + 1] as Buffer);
    }
    return join(chunks, buffers);
  };
  return {
    build,
    prepare(parts, buffers) {
      const { recipient } = parts;
      let body: RenderedMessage | undefined;
      const filled = () => (body ??= fill(recipient));
      let raw: Promise<Buffer> | undefined;
      let headers: Record<string, string> | undefined;
      return {
        envelope: { from: parts.returnPath ?? envelopeFrom, to: recipient.email },
        messageId: parts.messageId,
        from: issue.from,
        ...(issue.replyTo !== undefined && { replyTo: issue.replyTo }),
        to: recipient.email,
        subject: issue.subject,
        get html() {
          return filled().html;
        },
        get text() {
          return filled().text;
        },
        // Only a transport that reads the parts pays for them.
        get headers() {
          headers ??= {
            ...wireHeaders({
              listIdHeader: issue.listIdHeader,
              unsubscribe: {
                url: recipient.unsubscribeUrl,
                mailto: parts.unsubscribeMailto ?? issue.unsubscribeMailto,
              },
              headers: issue.headers,
            }),
            "X-Gazette-Subscriber": parts.subscriberRef,
          };
          return headers;
        },
        date: parts.date,
        raw: () => {
          raw ??= build(parts, buffers);
          return raw;
        },
      };
    },
  };
}

/** The chunks in one buffer: one of `buffers` when given, else a new one. */
function join(chunks: Buffer[], buffers: MessageBuffers | undefined): Buffer {
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  if (!buffers) return Buffer.concat(chunks, size);
  const message = buffers.take(size);
  let offset = 0;
  for (const chunk of chunks) {
    message.set(chunk, offset);
    offset += chunk.length;
  }
  return message.subarray(0, size);
}

function plannedBodies(
  plans: { text: BodyPlan; html: BodyPlan },
  recipient: Recipient,
): Record<"text" | "html", Buffer[]> | undefined {
  const values = new Map<Field, Buffer | null>();
  const text = plans.text.encode(recipient, values);
  const html = text && plans.html.encode(recipient, values);
  return text && html ? { text, html } : undefined;
}

// A plain ASCII addr-spec: the address as the ledger holds it, checked without a full parse.
const PLAIN_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** The To header's value: one address, nothing that could end the header. */
function recipientAddress(email: string): string {
  return PLAIN_ADDRESS.test(email) ? email : singleAddress("To", email);
}

/** A recipient's mailto address: a plain addr-spec, nothing that could end the header or the <…>. */
function mailtoAddress(address: string): string {
  if (!PLAIN_ADDRESS.test(address))
    throw new GazetteError(
      "HEADER_INVALID",
      `List-Unsubscribe: not a mailto address: ${JSON.stringify(address)}`,
    );
  return address;
}

function slotOf(piece: string, nonce: string): Slot {
  return piece
    .replace(/^<?(https:\/\/gazette\.invalid\/)?/, "")
    .slice(2 + nonce.length)
    .replace(/@.*$/, "") as Slot;
}

function isAscii(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

/** An internationalized address needs nodemailer's encoding of the To header: build it whole. */
function buildFallback(
  issue: IssueMessage,
  parts: RecipientParts,
  body: RenderedMessage,
): Promise<Buffer> {
  return composeRaw(
    {
      ...issue,
      to: parts.recipient.email,
      messageId: parts.messageId,
      unsubscribe: {
        url: parts.recipient.unsubscribeUrl,
        mailto: parts.unsubscribeMailto ?? issue.unsubscribeMailto,
      },
      headers: { ...issue.headers, "X-Gazette-Subscriber": parts.subscriberRef },
      text: body.text,
      html: body.html,
    },
    formatDate(parts.date),
  );
}
