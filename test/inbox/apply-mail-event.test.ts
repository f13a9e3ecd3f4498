import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMailEvent, type MailEvent } from "../../src/audience/apply-mail-event.js";
import type { Store } from "../../src/store/index.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-12-01T09:00:00Z");

// Every route (inbox, mailto, webhooks, links) ends in one rule: applyMailEvent (issue 18).
describe.each(STORE_BACKENDS)("applyMailEvent on $name", ({ open }) => {
  let handle: TestStore;
  let store: Store;
  let weekly: number;
  let daily: number;
  let alice: number;
  let issueId: number;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
    const lists = await store.subscribers.syncLists(
      [
        { id: "weekly", name: "Weekly" },
        { id: "daily", name: "Daily" },
      ],
      T0,
    );
    weekly = lists.get("weekly") as number;
    daily = lists.get("daily") as number;
    alice = (await store.subscribers.upsert("Alice@example.org", undefined, T0)).id;
    for (const list of [weekly, daily])
      await store.subscribers.join(list, alice, { status: "active", source: "cli", now: T0 });
    issueId = (
      await store.issues.create({
        listId: weekly,
        periodStart: new Date(T0.getTime() - 86_400_000),
        periodEnd: T0,
        articleIds: [],
        now: T0,
      })
    ).id;
    await store.deliveries.createLedger({
      issueId,
      listId: weekly,
      now: T0,
      messageIdFor: (id) => `<gz.test.${issueId}.${id}@example.org>`,
    });
    const [claimed] = await store.deliveries.claim(issueId, weekly, 10, T0, 60_000);
    await store.deliveries.markSent(claimed?.id as number, "250 ok", T0);
  });
  afterEach(() => handle.dispose());

  const apply = (event: Omit<MailEvent, "at">, maxBounces = 2) =>
    applyMailEvent(store, { at: T0, ...event }, { maxBounces });
  const statuses = async () =>
    (await store.subscribers.membershipsOf(alice)).map((m) => `${m.list_slug} ${m.status}`);

  it("suppresses a complaint on every list at once and marks each membership complained", async () => {
    const result = await apply({
      kind: "complaint",
      source: "inbox",
      messageId: `gz.test.${issueId}.${alice}@example.org`,
    });
    expect(result).toMatchObject({
      outcome: "suppressed",
      email: "Alice@example.org",
      memberships: 2,
    });
    expect(await store.suppressions.byEmail("alice@EXAMPLE.org")).toMatchObject({
      reason: "complaint (inbox)",
      source: "inbox",
    });
    expect(await statuses()).toEqual(["daily complained", "weekly complained"]);
  });

  it("counts hard bounces over routes and suppresses at maxBounces; a soft bounce only records", async () => {
    const messageId = `<gz.test.${issueId}.${alice}@example.org>`;
    expect(
      await apply({ kind: "soft-bounce", source: "inbox", messageId, status: "4.2.2" }),
    ).toMatchObject({
      outcome: "recorded",
    });
    const first = await apply({ kind: "hard-bounce", source: "inbox", messageId, status: "5.1.1" });
    expect(first).toMatchObject({ outcome: "counted", bounces: 1 });
    expect((await store.deliveries.counts(issueId)).bounced).toBe(1);
    expect(await store.suppressions.byEmail("alice@example.org")).toBeUndefined();
    // A second hard bounce by another route, tied to no delivery but to the address.
    const second = await apply({ kind: "hard-bounce", source: "ses", email: "ALICE@example.org" });
    expect(second).toMatchObject({ outcome: "suppressed", bounces: 2 });
    expect(await store.suppressions.byEmail("alice@example.org")).toMatchObject({
      reason: "2 hard bounces",
      source: "ses",
    });
    expect(await store.mailEvents.counts()).toEqual([
      { kind: "hard-bounce", source: "inbox", count: 1 },
      { kind: "hard-bounce", source: "ses", count: 1 },
      { kind: "soft-bounce", source: "inbox", count: 1 },
    ]);
  });

  it("records an event once: the same message read twice is a duplicate", async () => {
    const event = {
      kind: "hard-bounce" as const,
      source: "inbox",
      eventId: "dsn-1@mx",
      email: "alice@example.org",
    };
    expect((await apply(event, 1)).outcome).toBe("suppressed");
    await store.suppressions.remove("alice@example.org");
    expect((await apply(event, 1)).outcome).toBe("duplicate");
    expect(await store.suppressions.byEmail("alice@example.org")).toBeUndefined();
  });

  it("applies an event whose id and detail carry NUL, escapes and kilobytes, once", async () => {
    // What a hostile bounce puts in its own Message-ID and its Diagnostic-Code.
    const event = {
      kind: "hard-bounce" as const,
      source: "inbox",
      eventId: `\u0000${"x".repeat(8000)}@evil`,
      delivery: { issueId, subscriberId: alice },
      detail: "550 5.1.1 \u0000\u001b]0;owned\u0007 user unknown",
    };
    expect((await apply(event)).outcome).toBe("counted");
    expect((await apply(event)).outcome).toBe("duplicate");
    const rows = await store.db.selectFrom("mail_events").select(["detail"]).execute();
    expect(rows.map((row) => row.detail)).toEqual(["550 5.1.1 ]0;owned user unknown"]);
  });

  it("ties a VERP token's issue and subscriber to the delivery", async () => {
    const result = await apply({
      kind: "hard-bounce",
      source: "inbox",
      delivery: { issueId, subscriberId: alice },
    });
    expect(result).toMatchObject({ outcome: "counted", email: "Alice@example.org" });
    expect(result.deliveryId).toBeTypeOf("number");
  });

  it("reports a DSN for an unknown delivery and address as unknown, changing nothing", async () => {
    const result = await apply({
      kind: "hard-bounce",
      source: "inbox",
      messageId: "<nobody@else>",
      email: "stranger@example.net",
    });
    expect(result.outcome).toBe("unknown");
    expect(await store.suppressions.all()).toEqual([]);
  });

  it("ends the one membership a token names, or every one for a bare address", async () => {
    const byToken = await apply({
      kind: "unsubscribe",
      source: "mailto",
      membership: { listId: daily, subscriberId: alice },
    });
    expect(byToken).toMatchObject({ outcome: "unsubscribed", memberships: 1 });
    expect(await statuses()).toEqual(["daily unsubscribed", "weekly active"]);
    const byAddress = await apply({
      kind: "unsubscribe",
      source: "mailto",
      email: "alice@example.org",
    });
    expect(byAddress).toMatchObject({ outcome: "unsubscribed", memberships: 1 });
    expect(await statuses()).toEqual(["daily unsubscribed", "weekly unsubscribed"]);
    const stranger = await apply({
      kind: "unsubscribe",
      source: "mailto",
      email: "who@example.net",
    });
    expect(stranger.outcome).toBe("not-a-member");
  });
});
