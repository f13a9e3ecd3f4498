import { randomBytes } from "node:crypto";
import type { Recipient, RenderedMessage } from "../../render/index.js";
import { encodeQuotedPrintable } from "./qp-encode.js";

/**
 * A recipient's field as the bodies show it. A name is cut in two, its first word and the rest
 * ("Ada" and "Lovelace"): a theme that greets by first name ({{firstName}}) shows the first alone.
 */
export type Field = Exclude<keyof Recipient, "name"> | "firstName" | "nameRest";
const FIELDS: Field[] = ["email", "firstName", "nameRest", "unsubscribeUrl", "preferencesUrl"];
const SOFT_BREAK = Buffer.from("=\r\n", "latin1");
// A value the templates show unchanged: nothing HTML escapes, no control character, no blank
// that a fallback or a trim would replace. Anything else takes the slow path.
const PLAIN = /^[^\s&<>"'\p{Cc}](?:[^&<>"'\p{Cc}]*[^\s&<>"'\p{Cc}])?$/u;
const PROBE: Required<Recipient> = {
  email: "probe.reader@example.com",
  name: "Probe Reader",
  unsubscribeUrl: "https://example.com/unsubscribe/probe-1",
  preferencesUrl: "https://example.com/preferences/probe-1",
};

/** A body cut at the recipient's fields, its fixed parts quoted-printable encoded once. */
export interface BodyPlan {
  /**
   * The encoded body for this recipient, or undefined when a value is not plain. `values` shares
   * the encoded values between the bodies of one message.
   */
  encode(recipient: Recipient, values?: Map<Field, Buffer | null>): Buffer[] | undefined;
}

interface Cut {
  literals: string[];
  fields: Field[];
}

/**
 * Learns where the recipient's fields go in the filled bodies by filling them once with marker
 * values, and checks the cut against a real fill of a probe recipient: when the two differ (a
 * theme that transforms the values), there is no plan and every body is filled and encoded whole.
 */
export function planBody(
  fill: (recipient: Recipient) => RenderedMessage,
): { text: BodyPlan; html: BodyPlan } | undefined {
  const nonce = randomBytes(6).toString("hex");
  const mark = (field: Field) => `gz${nonce}f${FIELDS.indexOf(field)}z`;
  const marked = fill({
    email: mark("email"),
    name: `${mark("firstName")} ${mark("nameRest")}`,
    unsubscribeUrl: mark("unsubscribeUrl"),
    preferencesUrl: mark("preferencesUrl"),
  });
  const marker = new RegExp(`gz${nonce}f(\\d)z`);
  const text = cut(marked.text, marker);
  const html = cut(marked.html, marker);
  const probe = fill(PROBE);
  if (join(text, PROBE) !== probe.text || join(html, PROBE) !== probe.html) return undefined;
  return { text: toPlan(text), html: toPlan(html) };
}

function cut(document: string, marker: RegExp): Cut {
  const pieces = document.split(marker);
  return {
    literals: pieces.filter((_, i) => i % 2 === 0),
    fields: pieces.filter((_, i) => i % 2 === 1).map((n) => FIELDS[Number(n)] as Field),
  };
}

function join({ literals, fields }: Cut, recipient: Recipient): string {
  return literals.reduce(
    (out, literal, i) =>
      out + literal + (fields[i] ? (fieldValue(recipient, fields[i]) ?? "") : ""),
    "",
  );
}

/**
 * The field's value; for a name, its first word or the rest after one space, undefined (the
 * slow path) when the name is not two or more words with single spaces between the first two.
 */
function fieldValue(recipient: Recipient, field: Field): string | undefined {
  if (field !== "firstName" && field !== "nameRest") return recipient[field];
  const name = recipient.name ?? "";
  const space = name.indexOf(" ");
  const first = name.slice(0, space);
  if (space <= 0 || /\s/.test(first)) return undefined;
  return field === "firstName" ? first : name.slice(space + 1);
}

/**
 * Each piece is encoded on its own, starting a line: a soft line break (RFC 2045 §6.7 rule 5)
 * ends every piece that does not end with a line break, so no line grows past 76 characters
 * whatever the values' lengths, and decoding removes the breaks again.
 */
function toPlan({ literals, fields }: Cut): BodyPlan {
  const encoded = literals.map((literal, i) => {
    const text = encodeQuotedPrintable(literal);
    const isFollowed = i < fields.length && text !== "" && !text.endsWith("\r\n");
    return Buffer.from(isFollowed ? `${text}=\r\n` : text, "latin1");
  });
  return {
    encode(recipient, values = new Map()) {
      const chunks: Buffer[] = [encoded[0] as Buffer];
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i] as Field;
        let value = values.get(field);
        if (value === undefined) {
          value = encodeValue(fieldValue(recipient, field));
          values.set(field, value);
        }
        if (value === null) return undefined;
        chunks.push(value, SOFT_BREAK, encoded[i + 1] as Buffer);
      }
      return chunks;
    },
  };
}

/** A value's encoding on a line of its own, or null when it is not plain. */
function encodeValue(value: string | undefined): Buffer | null {
  if (value === undefined || !PLAIN.test(value)) return null;
  // A soft break follows the value.
  return Buffer.from(encodeQuotedPrintable(value, true), "latin1");
}
