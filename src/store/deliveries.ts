import type { Kysely } from "kysely";
import type { Database, DeliveryStatus } from "./tables.js";

export interface ClaimedDelivery {
  id: number;
  subscriber_id: number;
  email: string;
  name: string | null;
  message_id: string;
  attempts: number;
}

/**
 * The send ledger: one row per (issue, subscriber). A row is marked `sent` only after the
 * transport accepted it, so a crash loses nothing; at most the claimed batch is uncertain.
 */
export class DeliveryRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Creates the rows for every active member, in one transaction, and marks the issue `sending`.
   * Idempotent: rows that exist are kept as they are. Returns how many rows were added.
   */
  createLedger(input: {
    issueId: number;
    listId: number;
    now: Date;
    messageIdFor: (subscriberId: number) => string;
  }): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const members = await trx
        .selectFrom("memberships")
        .innerJoin("subscribers", "subscribers.id", "memberships.subscriber_id")
        .select(["subscribers.id", "subscribers.email"])
        .where("memberships.list_id", "=", input.listId)
        .where("memberships.status", "=", "active")
        .orderBy("subscribers.id")
        .execute();
      const at = input.now.toISOString();
      let added = 0;
      for (let i = 0; i < members.length; i += 500) {
        const rows = members.slice(i, i + 500).map((member) => ({
          issue_id: input.issueId,
          subscriber_id: member.id,
          email: member.email,
          status: "pending" as const,
          attempts: 0,
          message_id: input.messageIdFor(member.id),
          created_at: at,
          updated_at: at,
        }));
        const result = await trx
          .insertInto("deliveries")
          .values(rows)
          .onConflict((oc) => oc.columns(["issue_id", "subscriber_id"]).doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      await trx
        .updateTable("issues")
        .set({ status: "sending" })
        .where("id", "=", input.issueId)
        .where("status", "=", "draft")
        .execute();
      return added;
    });
  }

  /**
   * Claims up to `limit` rows that are pending or whose lease expired, marking them `sending`.
   * Rows of subscribers who left the list meanwhile are settled as `skipped` instead.
   */
  claim(
    issueId: number,
    listId: number,
    limit: number,
    now: Date,
    leaseMs: number,
  ): Promise<ClaimedDelivery[]> {
    return this.db.transaction().execute(async (trx) => {
      const at = now.toISOString();
      const rows = await trx
        .selectFrom("deliveries")
        .innerJoin("subscribers", "subscribers.id", "deliveries.subscriber_id")
        .leftJoin("memberships", (join) =>
          join
            .onRef("memberships.subscriber_id", "=", "deliveries.subscriber_id")
            .on("memberships.list_id", "=", listId),
        )
        .select([
          "deliveries.id",
          "deliveries.subscriber_id",
          "deliveries.email",
          "subscribers.name",
          "deliveries.message_id",
          "deliveries.attempts",
          "memberships.status as membership",
        ])
        .where("deliveries.issue_id", "=", issueId)
        .where((eb) =>
          eb.or([
            eb("deliveries.status", "=", "pending"),
            eb.and([
              eb("deliveries.status", "=", "sending"),
              eb("deliveries.lease_until", "<", at),
            ]),
          ]),
        )
        .orderBy("deliveries.id")
        .limit(limit)
        .execute();
      const gone = rows.filter((row) => row.membership !== "active").map((row) => row.id);
      const claimed = rows.filter((row) => row.membership === "active");
      if (gone.length > 0) {
        await trx
          .updateTable("deliveries")
          .set({ status: "skipped", error: "no longer subscribed", updated_at: at })
          .where("id", "in", gone)
          .execute();
      }
      if (claimed.length > 0) {
        await trx
          .updateTable("deliveries")
          .set((eb) => ({
            status: "sending",
            lease_until: new Date(now.getTime() + leaseMs).toISOString(),
            attempts: eb("attempts", "+", 1),
            updated_at: at,
          }))
          .where(
            "id",
            "in",
            claimed.map((row) => row.id),
          )
          .execute();
      }
      return claimed.map(({ membership: _membership, ...row }) => ({
        ...row,
        attempts: row.attempts + 1,
      }));
    });
  }

  async markSent(id: number, response: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db
      .updateTable("deliveries")
      .set({
        status: "sent",
        smtp_response: response,
        error: null,
        lease_until: null,
        sent_at: at,
        updated_at: at,
      })
      .where("id", "=", id)
      .execute();
  }

  /**
   * Settles a row as failed or bounced (permanent), or puts it back to pending (transient).
   * `refundAttempt` un-counts the attempt when the failure was not the recipient's.
   */
  async markUnsent(
    id: number,
    status: "failed" | "bounced" | "pending",
    error: string,
    now: Date,
    options: { refundAttempt?: boolean } = {},
  ): Promise<void> {
    await this.db
      .updateTable("deliveries")
      .set((eb) => ({
        status,
        error,
        lease_until: null,
        updated_at: now.toISOString(),
        ...(options.refundAttempt ? { attempts: eb("attempts", "-", 1) } : {}),
      }))
      .where("id", "=", id)
      .execute();
  }

  /** Puts a claimed row that was never tried back to pending, its attempt un-counted. */
  async release(id: number, now: Date): Promise<void> {
    await this.db
      .updateTable("deliveries")
      .set((eb) => ({
        status: "pending",
        lease_until: null,
        updated_at: now.toISOString(),
        attempts: eb("attempts", "-", 1),
      }))
      .where("id", "=", id)
      .where("status", "=", "sending")
      .execute();
  }

  async counts(issueId: number): Promise<Partial<Record<DeliveryStatus, number>>> {
    const rows = await this.db
      .selectFrom("deliveries")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .where("issue_id", "=", issueId)
      .groupBy("status")
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }

  failures(
    issueId: number,
  ): Promise<{ email: string; status: DeliveryStatus; error: string | null; attempts: number }[]> {
    return this.db
      .selectFrom("deliveries")
      .select(["email", "status", "error", "attempts"])
      .where("issue_id", "=", issueId)
      .where("status", "in", ["failed", "bounced", "pending"])
      .where("error", "is not", null)
      .orderBy("id")
      .execute();
  }
}
