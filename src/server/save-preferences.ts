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
    if (!membership || membership.status === "unsubscribed") {
      await deps.store.subscribers.join(listId, subscriberId, {
        status: "active",
        source: "preferences",
        now,
        force: true,
      });
      const nonce = randomBytes(16).toString("base64url");
      await deps.store.consents.record({
        subscriberId,
        listId,
        form: "preferences",
        ip: choice.ip,
        userAgent: choice.userAgent,
        nonce,
        now,
        expiresAt: now,
      });
      await deps.store.consents.confirm(nonce, now);
    }
    if (membership?.status !== "bounced" && membership?.status !== "complained")
      await deps.store.subscribers.setTopics(listId, subscriberId, choice.topics, now);
  }
}
