import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importSubscribers } from "../../src/audience/import-subscribers.js";
import type { ImportRow } from "../../src/audience/ports.js";
import { syncSubscribers } from "../../src/audience/sync-subscribers.js";
import type { Store } from "../../src/store/index.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const NOW = new Date("2026-05-01T10:00:00Z");
const CRM = "https://crm.example.com/hook";
const CHAT = "https://chat.example.com/hook";

describe.each(STORE_BACKENDS)("an import tells the webhooks ($name)", ({ open }) => {
  let handle: TestStore;
  let store: Store;
  let dir: string;
  let listIds: Map<string, number>;

  beforeEach(async () => {
    handle = await open();
    store = handle.store;
    dir = mkdtempSync(path.join(tmpdir(), "gazette-import-events-"));
    listIds = await store.subscribers.syncLists(
      [
        { id: "weekly", name: "Weekly" },
        { id: "ai", name: "AI" },
      ],
      NOW,
    );
  });
  afterEach(() => handle.dispose());

  const csv = (text: string) => {
    const file = path.join(dir, "people.csv");
    writeFileSync(file, text);
    return file;
  };
  const importCsv = (file: string, extra: { dryRun?: boolean } = {}) =>
    importSubscribers(store.subscribers, file, {
      listIds,
      defaultLists: ["weekly"],
      source: "import",
      now: NOW,
      ...extra,
    });
  const events = async () =>
    (await store.db.selectFrom("events").select(["type", "data"]).orderBy("id").execute()).map(
      (row) => ({ type: row.type, data: JSON.parse(row.data) }),
    );
  const deliveries = async () =>
    (
      await store.db
        .selectFrom("webhook_deliveries")
        .select(["event_id", "url", "status", "attempts", "next_attempt_at"])
        .orderBy("event_id")
        .orderBy("url")
        .execute()
    ).map((row) => ({ ...row, event_id: Number(row.event_id) }));

  /** ann@example.com, on the weekly list through join (the signup and `subscribers add` path). */
  const joinAnn = async () => {
    const { id } = await store.subscribers.upsert("ann@example.com", "Ann", NOW);
    const weekly = listIds.get("weekly") as number;
    await store.subscribers.join(weekly, id, { status: "active", source: "cli", now: NOW });
  };

  it("records subscriber.subscribed per new membership as join does, a delivery per webhook that wants it", async () => {
    store.events.configure([
      { url: CRM, events: ["subscriber.subscribed"] },
      { url: CHAT, events: ["subscriber.subscribed", "issue.sent"] },
      { url: "https://other.example.com/hook", events: ["subscriber.unsubscribed"] },
    ]);
    await joinAnn();
    const report = await importCsv(
      csv("email,name,lists\nANN@example.com,Ann Lovelace,weekly;ai\nbo@example.com,,weekly\n"),
    );
    expect(report).toMatchObject({ added: 1, updated: 1 });
    // The address as stored (first spelling), the name as it is after the import.
    expect(await events()).toEqual([
      {
        type: "subscriber.subscribed",
        data: {
          email: "ann@example.com",
          name: "Ann",
          list: "weekly",
          status: "active",
          source: "cli",
        },
      },
      {
        type: "subscriber.subscribed",
        data: {
          email: "ann@example.com",
          name: "Ann Lovelace",
          list: "ai",
          status: "active",
          source: "import",
        },
      },
      {
        type: "subscriber.subscribed",
        data: {
          email: "bo@example.com",
          name: null,
          list: "weekly",
          status: "active",
          source: "import",
        },
      },
    ]);
    const ids = (await store.db.selectFrom("events").select("id").orderBy("id").execute()).map(
      (row) => Number(row.id),
    );
    expect(await deliveries()).toEqual(
      ids.flatMap((id) =>
        [CHAT, CRM].map((url) => ({
          event_id: id,
          url,
          status: "pending",
          attempts: 0,
          next_attempt_at: NOW.toISOString(),
        })),
      ),
    );
  });

  // An export read back: the people who left are records, not subscriptions.
  it("tells nobody of a membership imported unsubscribed, bounced or complained", async () => {
    store.events.configure([{ url: CRM, events: ["subscriber.subscribed"] }]);
    await importCsv(
      csv(
        "email,name,lists,status\nann@example.com,,weekly,active\nbo@example.com,,weekly,unsubscribed\ncy@example.com,,weekly,bounced\ndi@example.com,,weekly,complained\n",
      ),
    );
    expect((await events()).map((event) => event.data.email)).toEqual(["ann@example.com"]);
    const { id } = await store.subscribers.upsert("ed@example.com", undefined, NOW);
    const weekly = listIds.get("weekly") as number;
    await store.subscribers.join(weekly, id, { status: "unsubscribed", source: "cli", now: NOW });
    expect(await events()).toHaveLength(1);
  });

  it("a dry run and a re-import record nothing", async () => {
    store.events.configure([{ url: CRM, events: ["subscriber.subscribed"] }]);
    const file = csv("email,lists\nann@example.com,weekly;ai\nbo@example.com,\n");
    expect(await importCsv(file, { dryRun: true })).toMatchObject({ added: 2 });
    expect(await events()).toEqual([]);
    expect(await importCsv(file)).toMatchObject({ added: 2 });
    expect(await events()).toHaveLength(3);
    expect(await importCsv(file)).toMatchObject({ added: 0, unchanged: 2 });
    expect(await events()).toHaveLength(3);
    expect(await deliveries()).toHaveLength(3);
  });

  it("records nothing when no webhook wants subscriber.subscribed", async () => {
    store.events.configure([{ url: CRM, events: ["subscriber.unsubscribed"] }]);
    await importCsv(csv("email\nann@example.com\n"));
    store.events.configure([]);
    await importCsv(csv("email\nbo@example.com\n"));
    expect((await store.subscribers.members()).map((m) => m.email)).toEqual([
      "ann@example.com",
      "bo@example.com",
    ]);
    expect(await events()).toEqual([]);
    expect(await deliveries()).toEqual([]);
  });

  it("the subscribers-file sync records them too", async () => {
    store.events.configure([{ url: CRM, events: ["subscriber.subscribed"] }]);
    const file = csv("email,name,lists\nann@example.com,Ann,ai\n");
    const sync = () =>
      syncSubscribers(store, file, { listIds, defaultLists: ["weekly"], now: NOW });
    await sync();
    await sync();
    expect(await events()).toEqual([
      {
        type: "subscriber.subscribed",
        data: {
          email: "ann@example.com",
          name: "Ann",
          list: "ai",
          status: "active",
          source: "subscribers-file",
        },
      },
    ]);
  });

  it("an import that fails leaves neither memberships nor events", async () => {
    store.events.configure([{ url: CRM, events: ["subscriber.subscribed"] }]);
    const weekly = listIds.get("weekly") as number;
    async function* batches(): AsyncGenerator<ImportRow[]> {
      yield [{ email: "ann@example.com", listIds: [weekly], status: "active" }];
      throw new Error("the file went away");
    }
    await expect(
      store.subscribers.importBatches(batches(), { source: "import", now: NOW }),
    ).rejects.toThrow("the file went away");
    expect(await store.subscribers.members()).toEqual([]);
    expect(await events()).toEqual([]);
  });

  it("a batch of thousands of memberships fits the databases' parameter limits", async () => {
    store.events.configure([
      { url: CRM, events: ["subscriber.subscribed"] },
      { url: CHAT, events: ["subscriber.subscribed"] },
    ]);
    const both = [listIds.get("weekly") as number, listIds.get("ai") as number];
    const rows = Array.from({ length: 1500 }, (_, i) => ({
      email: `reader${i}@example.com`,
      listIds: both,
      status: "active" as const,
    }));
    async function* batches(): AsyncGenerator<ImportRow[]> {
      yield rows;
    }
    await store.subscribers.importBatches(batches(), { source: "import", now: NOW });
    expect(await events()).toHaveLength(3000);
    expect(await deliveries()).toHaveLength(6000);
  });
});
