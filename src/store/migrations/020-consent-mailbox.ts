import type { Kysely } from "kysely";
import { mailboxKey } from "../../audience/index.js";
import type { Database } from "../tables.js";

// The signup form's per-mailbox limit in the store: `victim+1@`, `victim+2@` and Gmail's dotted
// spellings are one mailbox (audience/email-address.ts mailboxKey), and a count kept in each
// `gazette serve` process's memory reset on restart and did not hold across processes.
// - consents.mailbox_key: mailboxKey of the subscriber's address, indexed for the count of a
//   mailbox's consents through one form within a window;
// - existing rows get theirs from their subscriber's address, in JS (the rule is not SQL), in
//   batches. All of it in one transaction on both backends: SQLite migrations run outside one
//   (Kysely: no transactional DDL there), and a half-done run could not be run again.
export async function up(db: Kysely<unknown>): Promise<void> {
  const store = db as unknown as Kysely<Database>;
  if (store.isTransaction) await addMailboxKeys(store);
  else await store.transaction().execute(addMailboxKeys);
}

const BATCH = 500;

async function addMailboxKeys(db: Kysely<Database>): Promise<void> {
  await db.schema.alterTable("consents").addColumn("mailbox_key", "text").execute();
  await db.schema
    .createIndex("consents_mailbox")
    .on("consents")
    .columns(["mailbox_key", "form", "created_at"])
    .execute();
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom("consents")
      .innerJoin("subscribers", "subscribers.id", "consents.subscriber_id")
      .select(["consents.id", "subscribers.email"])
      .where("consents.id", ">", after)
      .orderBy("consents.id")
      .limit(BATCH)
      .execute();
    const last = rows.at(-1);
    if (!last) return;
    const idsByKey = new Map<string, number[]>();
    for (const row of rows) {
      const key = mailboxKey(row.email);
      const ids = idsByKey.get(key);
      if (ids) ids.push(row.id);
      else idsByKey.set(key, [row.id]);
    }
    for (const [key, ids] of idsByKey)
      await db.updateTable("consents").set({ mailbox_key: key }).where("id", "in", ids).execute();
    after = last.id;
  }
}
