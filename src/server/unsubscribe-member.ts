import { applyMailEvent } from "../audience/apply-mail-event.js";
import type { AppDeps } from "./app-deps.js";

/**
 * Ends a membership: active or pending becomes unsubscribed. Idempotent, and a bounced or
 * complained status is kept (it says more than "unsubscribed"). The same rule as a mailto
 * unsubscribe (applyMailEvent), recorded with its source: link, one-click or preferences.
 */
export async function unsubscribeMember(
  deps: AppDeps,
  listId: number,
  subscriberId: number,
  source: "link" | "one-click" | "preferences" = "link",
): Promise<void> {
  await applyMailEvent(
    deps.store,
    {
      kind: "unsubscribe",
      source,
      membership: { listId, subscriberId },
      at: deps.clock.now(),
    },
    { maxBounces: deps.config.delivery.maxBounces },
  );
}
