import { randomBytes } from "node:crypto";
import { emailKey } from "../audience/index.js";
import { prepareMessage } from "../deliver/index.js";
import type { AppDeps } from "./app-deps.js";
import { type MemberList, personalLinksMessage } from "./links-message.js";

export type LinksOutcome = "sent" | "not-subscribed" | "throttled";

/**
 * "Email me my link": the subscriber's own unsubscribe and preferences links go to the address,
 * and only to it, when it is on a list (active or pending) and not suppressed, and when it has
 * not had such an email within `linkLimits` (one address is never flooded, whoever asks).
 */
export async function requestLinks(deps: AppDeps, email: string): Promise<LinksOutcome> {
  const subscriber = await deps.store.subscribers.byEmail(email);
  if (!subscriber || (await deps.store.suppressions.byEmail(email))) return "not-subscribed";
  const lists: MemberList[] = [];
  for (const membership of await deps.store.subscribers.membershipsOf(subscriber.id)) {
    if (membership.status !== "active" && membership.status !== "pending") continue;
    const list = await deps.lists.byId(membership.list_id);
    if (list) lists.push({ list, listId: membership.list_id });
  }
  // In the config's order, as the preferences page shows them.
  const order = (entry: MemberList) => deps.config.lists.indexOf(entry.list);
  const [first, ...rest] = lists.sort((a, b) => order(a) - order(b));
  if (!first) return "not-subscribed";
  if (!deps.linkLimiters.every((limiter) => limiter.take(emailKey(email)))) return "throttled";
  await deps.transport.send(
    prepareMessage(
      personalLinksMessage({
        config: deps.config,
        key: deps.signingKeys.current,
        subscriberId: subscriber.id,
        // The address as the subscriber wrote it when they joined, not as typed into the form.
        to: subscriber.email,
        lists: [first, ...rest],
        nonce: randomBytes(16).toString("base64url"),
      }),
      deps.clock.now(),
    ),
  );
  return "sent";
}
