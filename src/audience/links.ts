import { type SigningKey, signToken } from "./tokens.js";

/** The public URLs behind the links in each email, all under the newsletter's base URL. */
export function unsubscribeUrl(
  baseUrl: string,
  key: SigningKey,
  listId: number,
  subscriberId: number,
): string {
  return signedLink(baseUrl, "unsubscribe", key, listId, subscriberId);
}

/** The subscriber's preferences page: the same signed token, for purpose "preferences". */
export function preferencesUrl(
  baseUrl: string,
  key: SigningKey,
  listId: number,
  subscriberId: number,
): string {
  return signedLink(baseUrl, "preferences", key, listId, subscriberId);
}

function signedLink(
  baseUrl: string,
  purpose: "unsubscribe" | "preferences",
  key: SigningKey,
  listId: number,
  subscriberId: number,
): string {
  return joinUrl(baseUrl, `${purpose}/${signToken({ purpose, listId, subscriberId }, key)}`);
}

export function webVersionUrl(baseUrl: string, listSlug: string, issueNumber: number): string {
  return joinUrl(baseUrl, `archive/${encodeURIComponent(listSlug)}/${issueNumber}.html`);
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path}`;
}
