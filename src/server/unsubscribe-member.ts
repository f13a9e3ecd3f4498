import type { AppDeps } from "./app-deps.js";

/**
 * Ends a membership: active or pending becomes unsubscribed. Idempotent, and a bounced or
 * complained status is kept (it says more than "unsubscribed").
 */
export async function unsubscribeMember(
  deps: AppDeps,
  listId: number,
  subscriberId: number,
): Promise<void> {
  const memberships = await deps.store.subscribers.membershipsOf(subscriberId);
  const membership = memberships.find((m) => m.list_id === listId);
  if (membership && (membership.status === "active" || membership.status === "pending"))
    await deps.store.subscribers.setStatus(listId, subscriberId, "unsubscribed", deps.clock.now());
}
