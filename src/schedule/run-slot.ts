import type { ListConfig } from "../config/index.js";
import { parseDuration } from "../shared/duration.js";
import type { Store } from "../store/index.js";
import { currentSlot } from "./current-slot.js";

export type SlotOutcome =
  | { kind: "ran"; slot: Date }
  | { kind: "taken"; slot: Date }
  | { kind: "missed"; slot: Date; isNew: boolean }
  | { kind: "failed"; slot: Date; error: string };

export interface RunSlotInput {
  store: Store;
  list: ListConfig;
  /** Who is asking (host:pid), recorded with the lease. */
  owner: string;
  now: () => Date;
  /** How long a claim holds before another scheduler may take the slot over. */
  leaseMs: number;
  /** The work of the slot, called only once the slot is claimed. */
  run: (slot: Date) => Promise<void>;
}

/**
 * Runs the list's current slot if nobody has: claim (the lease in the store) → run → finish. A
 * slot older than the list's missWindow is recorded as missed and never run late.
 */
export async function runSlot(input: RunSlotInput): Promise<SlotOutcome> {
  const { store, list } = input;
  const now = input.now();
  const slot = currentSlot(list.schedule, now);
  if (now.getTime() - slot.getTime() > parseDuration(list.schedule.missWindow)) {
    const late = Math.round((now.getTime() - slot.getTime()) / 60_000);
    const isNew = await store.slots.recordMissed(
      list.id,
      slot,
      now,
      `found ${late} min late; skipped`,
    );
    return { kind: "missed", slot, isNew };
  }
  if (!(await store.slots.claim(list.id, slot, input.owner, now, input.leaseMs)))
    return { kind: "taken", slot };
  try {
    await input.run(slot);
    await store.slots.finish(list.id, slot, "done", input.now());
    return { kind: "ran", slot };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await store.slots.finish(list.id, slot, "failed", input.now(), message);
    return { kind: "failed", slot, error: message };
  }
}
