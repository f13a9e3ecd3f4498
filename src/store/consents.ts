import type { Kysely, Selectable } from "kysely";
import type { ConsentToRecord } from "../audience/ports.js";
import type { ConsentsTable, Database } from "./tables.js";

export type ConsentRow = Selectable<ConsentsTable>;

/** Consent records of the signup form: the proof of a double opt-in. */
export class ConsentRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async record(input: ConsentToRecord): Promise<ConsentRow> {
    return this.db
      .insertInto("consents")
      .values({
        subscriber_id: input.subscriberId,
        mailbox_key: input.mailboxKey,
        list_id: input.listId,
        form: input.form,
        ip: input.ip,
        user_agent: input.userAgent,
        nonce: input.nonce,
        created_at: input.now.toISOString(),
        expires_at: input.expiresAt.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  byNonce(nonce: string): Promise<ConsentRow | undefined> {
    return this.db.selectFrom("consents").selectAll().where("nonce", "=", nonce).executeTakeFirst();
  }

  /**
   * Marks the consent confirmed if it was not already: true for the one call that confirmed it,
   * false for every later one (the link is single-use even under concurrent clicks).
   */
  async confirm(nonce: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("consents")
      .set({ confirmed_at: now.toISOString() })
      .where("nonce", "=", nonce)
      .where("confirmed_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * How many consents through `form` were given after `since` for addresses of the mailbox, on
   * any list (index consents_mailbox).
   */
  async countOfMailboxSince(mailboxKey: string, form: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom("consents")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("mailbox_key", "=", mailboxKey)
      .where("form", "=", form)
      .where("created_at", ">", since.toISOString())
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Deletes a consent record that led to nothing (no confirmation was sent for it). */
  async remove(id: number): Promise<void> {
    await this.db.deleteFrom("consents").where("id", "=", id).execute();
  }

  ofSubscriber(subscriberId: number): Promise<ConsentRow[]> {
    return this.db
      .selectFrom("consents")
      .selectAll()
      .where("subscriber_id", "=", subscriberId)
      .orderBy("id")
      .execute();
  }
}
