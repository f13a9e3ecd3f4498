import addressparser from "nodemailer/lib/addressparser";
import { GazetteError } from "../../shared/errors.js";

const ID_PART = /^[A-Za-z0-9_-]+$/;
const DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The identity of one delivery, as the store knows it. */
export interface DeliveryIds {
  /** Random id of this Gazette installation, so two installs never mint the same id. */
  installId: string;
  issueId: string | number;
  subscriberId: string | number;
  /** Usually the From address's domain, see domainOf. */
  domain: string;
  /**
   * The delivery's signed address token: a report that quotes the Message-ID proves with it that
   * it is about a message Gazette sent to that subscriber (the other parts are easy to guess).
   */
  seal?: string;
}

/**
 * `<gz.<installId>.<issueId>.<subscriberId>.<seal>@<domain>>` (no `.<seal>` without one): the
 * same on every retry of a delivery, since the store keeps it.
 */
export function messageIdFor(ids: DeliveryIds): string {
  const { installId, issueId, subscriberId, domain, seal } = ids;
  const parts = [installId, String(issueId), String(subscriberId), ...(seal ? [seal] : [])];
  // Dots separate the parts, so no part may contain one: "1.2"+"3" must not equal "1"+"2.3".
  for (const part of parts) {
    if (!ID_PART.test(part)) throw invalid("message id part", part);
  }
  if (!DOMAIN.test(domain)) throw invalid("message id domain", domain);
  return `<gz.${parts.join(".")}@${domain.toLowerCase()}>`;
}

/** `Name <label.domain>` for the List-Id header (RFC 2919), e.g. from a list's name and id. */
export function listIdFor(parts: { name: string; listSlug: string; domain: string }): string {
  const { name, listSlug, domain } = parts;
  return `${name} <${listSlug}.${domain.toLowerCase()}>`;
}

/** The domain of an address given as `"Name <a@b.c>"`, `a@b.c` or `{ name, address }`. */
export function domainOf(address: string | { name?: string; address: string }): string {
  const text = typeof address === "string" ? address : address.address;
  const [first] = addressparser(text, { flatten: true });
  const domain = first?.address.split("@").at(-1) ?? "";
  if (!first?.address.includes("@") || !DOMAIN.test(domain)) throw invalid("address", text);
  return domain.toLowerCase();
}

function invalid(what: string, value: string): GazetteError {
  return new GazetteError("HEADER_INVALID", `not a valid ${what}: ${JSON.stringify(value)}`);
}

/**
 * Gmail's Feedback-ID, `a:b:c:SenderId` — here `<issue>:<list>:gazette:<installId>` — so that
 * complaint rates can be told apart per issue and per list. No part may contain a colon.
 */
export function feedbackIdFor(parts: {
  issueNumber: number;
  listSlug: string;
  installId: string;
}): string {
  const { issueNumber, listSlug, installId } = parts;
  for (const part of [String(issueNumber), listSlug, installId]) {
    if (!ID_PART.test(part)) throw invalid("Feedback-ID part", part);
  }
  return `${issueNumber}:${listSlug}:gazette:${installId}`;
}
