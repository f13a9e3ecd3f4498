import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  confirmSignup,
  joinWithConsent,
  savePreferences,
  unsubscribeAll,
} from "../../src/audience/index.js";
import type { Store } from "../../src/store/index.js";
import { type RefusedWrite, refuseWrites } from "../helpers/refuse-writes.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";
import { snapshotAudience } from "../server/app-fixture.js";

const T0 = new Date("2026-11-20T09:00:00Z");
const HOOK = "https://hooks.example.com/gazette";
const ACT = { ip: "192.0.2.1", userAgent: "Browser/1.0" };

// A membership action is one store transaction: when its last write fails, its first ones are
// not kept (a confirmation link used up with nobody confirmed, half a preferences form).
describe.each(STORE_BACKENDS)("membership actions on $name", ({ name, open }) => {
  let handle: TestStore;
  let store: Store;
  let weekly: number;
  let ai: number;
  let ada: number;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
    const lists = await store.subscribers.syncLists(
      [
        { id: "weekly", name: "Weekly" },
        { id: "ai", name: "AI" },
      ],
      T0,
    );
    weekly = lists.get("weekly") as number;
    ai = lists.get("ai") as number;
    ada = await store.audience.subscriberIdOf("ada@example.com", T0);
  });
  afterEach(() => handle.dispose());

  /** Ada as a consent names her. */
  const adaAddress = () => ({ id: ada, email: "ada@example.com" });
  const statusOn = async (listId: number) =>
    (await store.audience.membershipsOf(ada)).find((m) => m.listId === listId)?.status;

  /** Ada pending on weekly, with the consent whose link confirms it. */
  async function signedUp(): Promise<{ nonce: string; listNumber: number; subscriberId: number }> {
    await store.audience.join(weekly, ada, { status: "pending", source: "signup", now: T0 });
    await store.audience.recordConsent({
      subscriberId: ada,
      mailboxKey: "ada@example.com",
      listId: weekly,
      form: "signup",
      ...ACT,
      nonce: "n1",
      now: T0,
      expiresAt: new Date(T0.getTime() + 3_600_000),
    });
    return { nonce: "n1", listNumber: weekly, subscriberId: ada };
  }

  it.each<{ step: string; refused: () => RefusedWrite }>([
    {
      step: "the membership's activation",
      refused: () => ({ table: "memberships", op: "update" }),
    },
    { step: "its subscriber.confirmed event", refused: () => ({ table: "events", op: "insert" }) },
  ])(
    "a confirm whose $step fails keeps the link, which confirms when clicked again",
    async ({ refused }) => {
      store.events.configure([{ url: HOOK, events: ["subscriber.confirmed"] }]);
      const member = await signedUp();
      const lift = await refuseWrites(store, name, refused());
      await expect(confirmSignup(store, member, T0)).rejects.toThrow(/refused/);
      expect((await store.consents.byNonce("n1"))?.confirmed_at).toBeNull();
      expect(await statusOn(weekly)).toBe("pending");

      await lift();
      expect(await confirmSignup(store, member, T0)).toBe("activated");
      expect(await statusOn(weekly)).toBe("active");
      expect((await store.consents.byNonce("n1"))?.confirmed_at).toBe(T0.toISOString());
      const events = await store.db.selectFrom("events").select("type").execute();
      expect(events.map((row) => row.type)).toEqual(["subscriber.confirmed"]);
      expect(await confirmSignup(store, member, T0)).toBe("used");
    },
  );

  it("of two clicks at once on one link, one confirms and the other finds it used", async () => {
    store.events.configure([{ url: HOOK, events: ["subscriber.confirmed"] }]);
    const member = await signedUp();
    const outcomes = await Promise.all([
      confirmSignup(store, member, T0),
      confirmSignup(store, member, T0),
    ]);
    expect(outcomes.sort()).toEqual(["activated", "used"]);
    const events = await store.db.selectFrom("events").select("type").execute();
    expect(events.map((row) => row.type)).toEqual(["subscriber.confirmed"]);
  });

  it("a resubscribe whose consent cannot be recorded leaves the membership as it was", async () => {
    await store.audience.join(weekly, ada, { status: "unsubscribed", source: "test", now: T0 });
    const before = await snapshotAudience(store);
    const lift = await refuseWrites(store, name, { table: "consents", op: "insert" });
    await expect(
      joinWithConsent(store, weekly, adaAddress(), { form: "resubscribe", ...ACT }, T0),
    ).rejects.toThrow(/consents insert refused/);
    expect(await snapshotAudience(store)).toBe(before);

    await lift();
    await joinWithConsent(store, weekly, adaAddress(), { form: "resubscribe", ...ACT }, T0);
    expect(await statusOn(weekly)).toBe("active");
    expect(await store.consents.ofSubscriber(ada)).toMatchObject([
      { form: "resubscribe", confirmed_at: T0.toISOString(), mailbox_key: "ada@example.com" },
    ]);
  });

  it("a preferences form whose last list fails is saved not at all, then whole", async () => {
    await store.audience.join(weekly, ada, { status: "active", source: "test", now: T0 });
    const before = await snapshotAudience(store);
    const lift = await refuseWrites(store, name, {
      table: "memberships",
      op: "insert",
      when: `new.list_id = ${ai}`,
    });
    const lists = [
      { slug: "weekly", number: weekly },
      { slug: "ai", number: ai },
    ];
    const choice = { topics: ["AI"], lists: ["ai"], ...ACT };
    // Leaving weekly comes first, joining ai fails after it.
    await expect(
      savePreferences(store, lists, adaAddress(), choice, T0, { maxBounces: 3 }),
    ).rejects.toThrow(/memberships insert refused/);
    expect(await snapshotAudience(store)).toBe(before);

    await lift();
    await savePreferences(store, lists, adaAddress(), choice, T0, { maxBounces: 3 });
    expect(await store.subscribers.membershipsOf(ada)).toMatchObject([
      { list_slug: "ai", status: "active", topics: ["AI"] },
      { list_slug: "weekly", status: "unsubscribed" },
    ]);
  });

  it("an unsubscribe from everything that fails on one list leaves every list", async () => {
    for (const listId of [weekly, ai])
      await store.audience.join(listId, ada, { status: "active", source: "test", now: T0 });
    const before = await snapshotAudience(store);
    // Memberships come by slug: ai is left first, weekly fails after it.
    const lift = await refuseWrites(store, name, {
      table: "memberships",
      op: "update",
      when: `new.list_id = ${weekly}`,
    });
    const act = { source: "preferences" as const, maxBounces: 3 };
    await expect(unsubscribeAll(store, ada, T0, act)).rejects.toThrow(/refused/);
    expect(await snapshotAudience(store)).toBe(before);

    await lift();
    await unsubscribeAll(store, ada, T0, act);
    expect([await statusOn(ai), await statusOn(weekly)]).toEqual(["unsubscribed", "unsubscribed"]);
  });
});
