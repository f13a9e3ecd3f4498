import { afterEach, describe, expect, it } from "vitest";
import { OLD_STORE_BACKENDS, type OldStore } from "../helpers/stores.js";

const MIGRATION = "020-consent-mailbox";
const T0 = new Date("2026-03-01T09:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

// Each subscriber as written before 020, the mailbox its consents are keyed by after it.
const SUBSCRIBERS: [email: string, mailbox: string][] = [
  ["Victim+1@Example.com", "victim@example.com"],
  ["victim@example.com", "victim@example.com"],
  ["v.ictim+x@googlemail.com", "victim@gmail.com"],
  ["bea@example.org", "bea@example.org"],
];
// More consents than one batch of the backfill (500), so that it goes on from where it stopped.
const CONSENTS = 1_200;

describe.each(OLD_STORE_BACKENDS)("migration 020 on $name", ({ openOld }) => {
  let old: OldStore;
  afterEach(() => old.dispose());

  it("keys every existing consent by its subscriber's mailbox, and the count finds them", async () => {
    old = await openOld(MIGRATION);
    const { id: listId } = await old.db
      .insertInto("lists")
      .values({ slug: "weekly", name: "Weekly", created_at: at(0) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (const [email] of SUBSCRIBERS) {
      const row = await old.db
        .insertInto("subscribers")
        .values({ email, email_key: email.toLowerCase(), created_at: at(0), updated_at: at(0) })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    // Consent n belongs to subscriber n mod 4, through the preferences form every tenth time.
    const consents = Array.from({ length: CONSENTS }, (_, n) => ({
      subscriber_id: ids[n % ids.length] as number,
      list_id: listId,
      form: n % 10 === 9 ? "preferences" : "signup",
      ip: "192.0.2.1",
      user_agent: "Browser",
      nonce: `nonce-${n}`,
      created_at: at(n),
      expires_at: at(n + 60),
    }));
    for (let start = 0; start < CONSENTS; start += 200)
      await old.db
        .insertInto("consents")
        .values(consents.slice(start, start + 200))
        .execute();

    const store = await old.upgrade();
    const rows = await store.db
      .selectFrom("consents")
      .select(["subscriber_id", "mailbox_key"])
      .orderBy("id")
      .execute();
    expect(rows).toHaveLength(CONSENTS);
    const mailboxOf = new Map(ids.map((id, i) => [id, SUBSCRIBERS[i]?.[1]]));
    expect(rows.filter((row) => row.mailbox_key !== mailboxOf.get(row.subscriber_id))).toEqual([]);

    // The signups of both victim@example.com spellings count as one mailbox's from now on.
    const signupsOf = (subscribers: number[]) =>
      consents.filter((c) => c.form === "signup" && subscribers.includes(c.subscriber_id)).length;
    const since = new Date(T0.getTime() - 1);
    expect(
      await store.audience.countMailboxConsentsSince("victim@example.com", "signup", since),
    ).toBe(signupsOf(ids.slice(0, 2)));
    expect(
      await store.audience.countMailboxConsentsSince("victim@gmail.com", "signup", since),
    ).toBe(signupsOf(ids.slice(2, 3)));
  });
});
