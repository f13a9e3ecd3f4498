import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { unsubscribeUrl } from "../../src/audience/links.js";
import { readSigningKeys } from "../../src/audience/signing-keys.js";
import { parseConfigText } from "../../src/config/index.js";
import { createApp } from "../../src/server/index.js";
import { fixedClock } from "../../src/shared/clock.js";
import { migrateToLatest } from "../../src/store/migrate.js";
import { openSqlite } from "../../src/store/open-database.js";
import type { Database } from "../../src/store/tables.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { OLD_STORE_BACKENDS, type OldStore } from "../helpers/stores.js";
import { outboxTransport } from "../helpers/transports.js";
import { CONFIG_YAML } from "../server/app-fixture.js";

const MIGRATION = "012-subscriber-identity";
const T0 = "2026-01-01T00:00:00.000Z";
const T1 = "2026-01-02T00:00:00.000Z";

/**
 * Two lists and six subscribers as a store could hold them before 012: Alice in three spellings,
 * Bob in two (one complained), Carol once; two issues whose ledgers both Alices and both Bobs are
 * in; a consent; a suppression of Bob in two spellings. Returns the subscriber ids in order.
 */
async function seed(db: Kysely<Database>): Promise<number[]> {
  const lists = await db
    .insertInto("lists")
    .values([
      { slug: "weekly", name: "Weekly", created_at: T0 },
      { slug: "ai", name: "AI", created_at: T0 },
    ])
    .returning("id")
    .execute();
  const [weekly, ai] = lists.map((row) => row.id) as [number, number];
  const ids: number[] = [];
  for (const [email, name] of [
    ["Alice@Example.org", null],
    ["ALICE@example.org", "Alice"],
    ["alice@example.org", null],
    ["bob@example.org", "Bob"],
    ["BOB@example.org", null],
    ["carol@example.org", null],
  ]) {
    const { rows } = await sql<{
      id: number;
    }>`insert into subscribers (email, name, created_at, updated_at)
      values (${email}, ${name}, ${T0}, ${T0}) returning id`.execute(db);
    ids.push(rows[0]?.id as number);
  }
  const [alice1, alice2, alice3, bob1, bob2, carol] = ids as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const member = (list: number, subscriber: number, status: string, topics: string | null = null) =>
    ({
      list_id: list,
      subscriber_id: subscriber,
      status,
      source: "import",
      created_at: T0,
      updated_at: T0,
      topics,
    }) as Database["memberships"];
  await db
    .insertInto("memberships")
    .values([
      member(weekly, alice1, "active"),
      member(ai, alice1, "pending"),
      member(weekly, alice2, "unsubscribed", '["AI"]'),
      member(ai, alice3, "active"),
      member(weekly, bob1, "active"),
      member(weekly, bob2, "complained"),
      member(weekly, carol, "active"),
    ])
    .execute();
  const issue = async (number: number, status: "sent" | "sending") =>
    (
      await db
        .insertInto("issues")
        .values({
          list_id: weekly,
          number,
          period_start: number === 1 ? T0 : T1,
          period_end: T1,
          status,
          subject: `#${number}`,
          created_at: T1,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const first = await issue(1, "sent");
  const second = await issue(2, "sending");
  const delivery = (issueId: number, subscriber: number, status: "sent" | "pending") => ({
    issue_id: issueId,
    subscriber_id: subscriber,
    email: `s${subscriber}@example.org`,
    status,
    attempts: status === "sent" ? 1 : 0,
    message_id: `<${issueId}.${subscriber}@x>`,
    created_at: T1,
    updated_at: T1,
  });
  await db
    .insertInto("deliveries")
    .values([
      delivery(first, alice1, "sent"),
      delivery(first, alice2, "sent"),
      delivery(first, bob1, "sent"),
      delivery(first, carol, "sent"),
      delivery(second, alice1, "pending"),
      delivery(second, alice3, "sent"),
      delivery(second, bob2, "pending"),
      delivery(second, carol, "pending"),
    ])
    .execute();
  await db
    .insertInto("consents")
    .values({
      subscriber_id: alice3,
      list_id: ai,
      form: "signup",
      ip: "192.0.2.1",
      user_agent: "Browser",
      nonce: "nonce-of-alice3",
      created_at: T0,
      expires_at: T1,
      confirmed_at: T0,
    })
    .execute();
  await db
    .insertInto("suppressions")
    .values([
      { email: "BOB@Example.org", reason: "complaint", created_at: T0 },
      { email: "bob@example.org", reason: "operator", created_at: T1 },
    ])
    .execute();
  return ids;
}

describe.each(OLD_STORE_BACKENDS)("migration 012 on $name", ({ openOld }) => {
  let old: OldStore;
  afterEach(() => old.dispose());

  it("merges the spellings of one address, the strictest status winning, nothing lost", async () => {
    old = await openOld(MIGRATION);
    const [alice1, alice2, alice3, bob1, bob2, carol] = (await seed(old.db)) as number[];
    const store = await old.upgrade();

    const subscribers = await store.db
      .selectFrom("subscribers")
      .select(["id", "email", "email_key", "name"])
      .orderBy("id")
      .execute();
    expect(subscribers).toEqual([
      { id: alice1, email: "Alice@Example.org", email_key: "alice@example.org", name: "Alice" },
      { id: bob1, email: "bob@example.org", email_key: "bob@example.org", name: "Bob" },
      { id: carol, email: "carol@example.org", email_key: "carol@example.org", name: null },
    ]);
    const memberships = async (id: number) =>
      (await store.subscribers.membershipsOf(id)).map((m) => [m.list_slug, m.status, m.topics]);
    expect(await memberships(alice1 as number)).toEqual([
      ["ai", "active", null],
      ["weekly", "unsubscribed", ["AI"]],
    ]);
    expect(await memberships(bob1 as number)).toEqual([["weekly", "complained", null]]);

    // One row per issue × person: the one furthest along kept, so nobody gets #2 twice.
    const deliveries = await store.db
      .selectFrom("deliveries")
      .innerJoin("issues", "issues.id", "deliveries.issue_id")
      .select([
        "issues.number",
        "deliveries.subscriber_id",
        "deliveries.status",
        "deliveries.email",
      ])
      .orderBy("issues.number")
      .orderBy("deliveries.subscriber_id")
      .execute();
    // A settled row keeps the address it went to; one still to send goes to the survivor's.
    expect(deliveries.map((d) => [d.number, d.subscriber_id, d.status, d.email])).toEqual([
      [1, alice1, "sent", `s${alice1}@example.org`],
      [1, bob1, "sent", `s${bob1}@example.org`],
      [1, carol, "sent", `s${carol}@example.org`],
      [2, alice1, "sent", `s${alice3}@example.org`],
      [2, bob1, "pending", "bob@example.org"],
      [2, carol, "pending", `s${carol}@example.org`],
    ]);
    expect(await store.consents.ofSubscriber(alice1 as number)).toMatchObject([
      { nonce: "nonce-of-alice3", list_id: expect.any(Number) },
    ]);
    expect(await store.suppressions.all()).toMatchObject([
      { email: "bob@example.org", reason: "complaint" },
    ]);

    // Links already sent to a merged spelling reach the survivor.
    for (const [merged, survivor] of [
      [alice2, alice1],
      [alice3, alice1],
      [bob2, bob1],
    ])
      expect((await store.subscribers.resolve(merged as number))?.id).toBe(survivor);
    expect(await store.subscribers.resolve(9999)).toBeUndefined();
    expect((await store.subscribers.upsert("ALICE@EXAMPLE.ORG", undefined, new Date())).id).toBe(
      alice1,
    );

    // What was merged is said once.
    const [notice, ...more] = await store.runs.takeNotices();
    expect(more).toEqual([]);
    expect(notice).toMatch(/3 duplicates merged into 2 subscribers/);
    expect(notice).toContain(
      "Alice@Example.org ← ALICE@example.org, alice@example.org (ai: active, weekly: unsubscribed)",
    );
    expect(notice).toContain("bob@example.org ← BOB@example.org (weekly: complained)");
    expect(notice).toMatch(/2 delivery rows of an issue both spellings had dropped/);
    expect(notice).toMatch(/1 suppression of an address in another case folded/);
    expect(await store.runs.takeNotices()).toEqual([]);
  });

  it("an unsubscribe link sent to a merged spelling unsubscribes the person", async () => {
    old = await openOld(MIGRATION);
    const [alice1, , alice3] = (await seed(old.db)) as number[];
    const store = await old.upgrade();
    const config = parseConfigText(CONFIG_YAML, "fixture.yaml", {});
    const signingKeys = readSigningKeys({ GAZETTE_SECRET: "s", GAZETTE_SECRET_ID: "k1" }, "x");
    const ai = (await store.subscribers.listIds()).get("ai") as number;
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-identity-app-"));
    const app = createApp({
      store,
      config,
      signingKeys,
      clock: fixedClock(T1),
      transport: outboxTransport(dir),
      archiveDir: dir,
    });
    // The link in the issue alice@example.org got before the merge names her old id.
    const link = new URL(unsubscribeUrl("https://x", signingKeys.current, ai, alice3 as number));
    const response = await app.request(link.pathname, {
      method: "POST",
      body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
    });
    expect(response.status).toBe(200);
    const memberships = await store.subscribers.membershipsOf(alice1 as number);
    expect(memberships.find((m) => m.list_slug === "ai")?.status).toBe("unsubscribed");
  });
});

describe("the CLI after migration 012", () => {
  it("prints what was merged once", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-identity-cli-"));
    const db = openSqlite(path.join(dir, "data", "gazette.db"));
    await migrateToLatest(db as Kysely<unknown>, undefined, { before: MIGRATION });
    await seed(db);
    await db.destroy();
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      CONFIG_YAML.replace(
        "feeds:",
        `dataDir: ${path.join(dir, "data")}\ntemplates: ${path.join(ROOT, "templates")}\nfeeds:`,
      ),
    );
    const cli = () => runCli(["-c", "gazette.yaml", "subscribers", "list"], { cwd: dir });
    const first = await cli();
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/3 duplicates merged into 2 subscribers/);
    expect(first.stdout).toMatch(/^Alice@Example\.org\tAlice\tweekly\tunsubscribed$/m);
    const second = await cli();
    expect(second.stderr).not.toMatch(/merged/);
    expect(second.stdout).toBe(first.stdout);
  });
});
