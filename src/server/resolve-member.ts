import { type TokenClaims, type TokenPurpose, verifyToken } from "../audience/index.js";
import type { ListConfig } from "../config/index.js";
import type { SubscriberRow } from "../store/index.js";
import type { AppDeps } from "./app-deps.js";

export interface ResolvedMember {
  claims: TokenClaims;
  subscriber: SubscriberRow;
  list: ListConfig;
}

/** The subscriber and list a path token names, if it is valid for this purpose; reads only. */
export async function resolveMember(
  deps: AppDeps,
  token: string,
  purpose: TokenPurpose,
): Promise<ResolvedMember | undefined> {
  const claims = verifyToken(token, deps.signingKeys.all, { purpose, now: deps.clock.now() });
  if (!claims) return undefined;
  // A link sent before two spellings of one address were merged names the merged-away id.
  const subscriber = await deps.store.subscribers.resolve(claims.subscriberId);
  const list = await deps.lists.byId(claims.listId);
  if (!subscriber || !list) return undefined;
  return { claims, subscriber, list };
}

/** "a•••@example.com": enough for the owner to recognise, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}
