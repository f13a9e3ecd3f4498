import { randomBytes } from "node:crypto";
import type { AppDeps } from "./app-deps.js";
import { unsubscribeMember } from "./unsubscribe-member.js";

/**
 * Applies a preferences form: the same topics on every list kept; lists ticked are joined
 * (active at once: the link came to this mailbox, and the join is recorded as consent), lists
 * unticked are left. A bounced or complained membership is never reactivated.
 */
export async function savePreferences(
  deps: AppDeps,
  subscriberId: number,
  choice: { topics: string[]; lists: string[]; ip: string; userAgent: string },
): Promise<void> {
  const now = deps.clock.now();
  const memberships = await deps.store.subscribers.membershipsOf(subscriberId);
  for (const list of deps.config.lists) {
    const listId = await deps.lists.idOf(list.id);
    if (listId === undefined) continue;
    const membership = memberships.find((m) => m.list_id === listId);
    const isWanted = choice.lists.includes(list.id);
    if (!isWanted) {
      if (membership) await unsubscribeMember(deps, listId, subscriberId, "preferences");
      continue;
    }
    if (!membership || membership.status === "unsubscribed")
      await joinWithConsent(deps, listId, subscriberId, { form: "preferences", ...choice });
    if (membership?.status !== "bounced" && membership?.status !== "complained")
      await deps.store.subscribers.setTopics(listId, subscriberId, choice.topics, now);
  }
}

/**
 * Makes the membership active again, for a subscriber who acted through a link that came to
 * their mailbox, and records that act as a confirmed consent (`form`: where they acted).
 */
export async function joinWithConsent(
  deps: AppDeps,
  listId: number,
  subscriberId: number,
  act: { form: string; ip: string; userAgent: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.store.subscribers.join(listId, subscriberId, {
    status: "active",
    source: act.form,
    now,
    force: true,
  });
  const nonce = randomBytes(16).toString("base64url");
  await deps.store.consents.record({
    subscriberId,
    listId,
    form: act.form,
    ip: act.ip,
    userAgent: act.userAgent.slice(0, 512),
    nonce,
    now,
    expiresAt: now,
  });
  await deps.store.consents.confirm(nonce, now);
}
