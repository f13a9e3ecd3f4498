import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-11-20T09:00:00Z");

// One subscriber, one identity: an address is the same person whatever its case (issue 14 #6).
describe.each(STORE_BACKENDS)("subscriber identity on $name", ({ open }) => {
  let handle: TestStore;
  let store: Store;
  let weekly: number;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
    weekly = (await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], T0)).get(
      "weekly",
    ) as number;
  });
  afterEach(() => handle.dispose());

  const statusOf = async (id: number) =>
    (await store.subscribers.membershipsOf(id)).map((m) => `${m.list_slug} ${m.status}`);

  it("keeps one subscriber per address whatever its case, shown as first written", async () => {
    const first = await store.subscribers.upsert("Alice@example.org", undefined, T0);
    const again = await store.subscribers.upsert("ALICE@example.org", "Alice", T0);
    const lower = await store.subscribers.upsert("alice@example.org", undefined, T0);
    expect(first.isNew).toBe(true);
    expect([again, lower]).toEqual([
      { id: first.id, isNew: false },
      { id: first.id, isNew: false },
    ]);
    for (const spelling of ["alice@example.org", "ALICE@EXAMPLE.ORG"])
      expect(await store.subscribers.byEmail(spelling)).toMatchObject({
        id: first.id,
        email: "Alice@example.org",
        name: "Alice",
      });
    expect(await store.db.selectFrom("subscribers").select("id").execute()).toHaveLength(1);
  });

  it("imports batches in one transaction: a dry run counts and keeps nothing, a failure keeps nothing", async () => {
    const rows = (...emails: string[]) =>
      emails.map((email) => ({ email, listIds: [weekly], status: "active" as const }));
    const count = async () => (await store.subscribers.members(weekly)).length;
    const dry = await store.subscribers.importBatches(batches(rows("a@x.org"), rows("b@x.org")), {
      source: "import",
      now: T0,
      dryRun: true,
    });
    expect(dry).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await count()).toBe(0);
    async function* failing() {
      yield rows("a@x.org");
      throw new Error("the file went away");
    }
    await expect(
      store.subscribers.importBatches(failing(), { source: "import", now: T0 }),
    ).rejects.toThrow("the file went away");
    expect(await count()).toBe(0);
    const real = await store.subscribers.importBatches(batches(rows("a@x.org"), rows("A@X.org")), {
      source: "import",
      now: T0,
    });
    expect(real).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect(await count()).toBe(1);
  });

  it("never lets a re-import or an add in another case re-subscribe someone who left", async () => {
    const { id } = await store.subscribers.upsert("bob@example.org", "Bob", T0);
    await store.subscribers.join(weekly, id, { status: "unsubscribed", source: "x", now: T0 });
    const counts = await store.subscribers.importBatches(
      batches([
        { email: "BOB@example.org", listIds: [weekly], status: "active" },
        { email: "Cy@example.org", listIds: [weekly], status: "active" },
      ]),
      { source: "import", now: T0 },
    );
    expect(counts).toEqual({ added: 1, updated: 0, unchanged: 1 });
    const added = await store.subscribers.upsert("Bob@Example.org", undefined, T0);
    expect(added.id).toBe(id);
    expect(
      await store.subscribers.join(weekly, added.id, { status: "active", source: "cli", now: T0 }),
    ).toBe("kept");
    expect(await statusOf(id)).toEqual(["weekly unsubscribed"]);
    expect((await store.subscribers.members(weekly)).map((m) => m.email)).toEqual([
      "Cy@example.org",
      "bob@example.org",
    ]);
    expect(await store.subscribers.leave("BOB@EXAMPLE.ORG", weekly)).toBe(1);
  });

  it("suppresses an address in every case, and the ledger leaves it out", async () => {
    const { id } = await store.subscribers.upsert("Dee@example.org", undefined, T0);
    await store.subscribers.join(weekly, id, { status: "active", source: "x", now: T0 });
    await store.suppressions.add("DEE@EXAMPLE.ORG", "complaint", T0);
    await store.suppressions.add("dee@example.org", "operator", T0);
    expect(await store.suppressions.byEmail("dee@Example.org")).toMatchObject({
      reason: "complaint",
    });
    expect(await store.suppressions.all()).toHaveLength(1);
    const issue = await store.issues.create({
      listId: weekly,
      periodStart: new Date(T0.getTime() - 3_600_000),
      periodEnd: T0,
      articleIds: [],
      now: T0,
    });
    const ledger = { issueId: issue.id, listId: weekly, now: T0, messageIdFor: () => "<m@x>" };
    expect(await store.deliveries.createLedger(ledger)).toBe(0);
    expect(await store.suppressions.remove("Dee@example.org")).toBe(true);
  });
});

async function* batches<T>(...lists: T[][]): AsyncGenerator<T[]> {
  yield* lists;
}
