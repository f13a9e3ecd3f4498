import type { Kysely, Selectable } from "kysely";
import type { Database, ScheduleSlotsTable } from "./tables.js";

export type SlotRow = Selectable<ScheduleSlotsTable>;

/**
 * Schedule slots: a scheduler runs a list's slot only after claiming it here. The primary key
 * (list, slot) makes a second claim impossible; an expired lease lets a restarted scheduler take
 * over a slot whose run died.
 */
export class SlotRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** True when `owner` now holds the slot: newly claimed, or taken over after its lease expired. */
  async claim(
    list: string,
    slot: Date,
    owner: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean> {
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const inserted = await this.db
      .insertInto("schedule_slots")
      .values({
        list_slug: list,
        slot: slot.toISOString(),
        status: "running",
        owner,
        claimed_at: at,
        lease_until: leaseUntil,
      })
      .onConflict((oc) => oc.columns(["list_slug", "slot"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
    // One conditional UPDATE: of two schedulers taking over the same dead slot, only one matches.
    const taken = await this.db
      .updateTable("schedule_slots")
      .set({ owner, claimed_at: at, lease_until: leaseUntil })
      .where("list_slug", "=", list)
      .where("slot", "=", slot.toISOString())
      .where("status", "=", "running")
      .where("lease_until", "<", at)
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1;
  }

  /** Extends the lease of a slot the owner still runs. */
  async renew(list: string, slot: Date, owner: string, now: Date, leaseMs: number): Promise<void> {
    await this.db
      .updateTable("schedule_slots")
      .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString() })
      .where("list_slug", "=", list)
      .where("slot", "=", slot.toISOString())
      .where("owner", "=", owner)
      .execute();
  }

  async finish(
    list: string,
    slot: Date,
    status: "done" | "failed",
    now: Date,
    note?: string,
  ): Promise<void> {
    await this.db
      .updateTable("schedule_slots")
      .set({ status, finished_at: now.toISOString(), note: note ?? null })
      .where("list_slug", "=", list)
      .where("slot", "=", slot.toISOString())
      .execute();
  }

  /** Records a slot that was missed by more than the window; returns false if it was known. */
  async recordMissed(list: string, slot: Date, now: Date, note: string): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .insertInto("schedule_slots")
      .values({
        list_slug: list,
        slot: slot.toISOString(),
        status: "missed",
        owner: "-",
        claimed_at: at,
        lease_until: at,
        finished_at: at,
        note,
      })
      .onConflict((oc) => oc.columns(["list_slug", "slot"]).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  recent(list: string, limit: number): Promise<SlotRow[]> {
    return this.db
      .selectFrom("schedule_slots")
      .selectAll()
      .where("list_slug", "=", list)
      .orderBy("slot", "desc")
      .limit(limit)
      .execute();
  }
}
