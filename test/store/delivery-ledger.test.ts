import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-11-20T09:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

// The send ledger's contract, on every backend: retry times, group marks, suppression, pause.
describe.each(STORE_BACKENDS)("the delivery ledger on $name", ({ open }) => {
  let handle: TestStore;
  let store: Store;
  let issueId: number;
  let listId: number;
  const emails = ["a@example.com", "b@example.com", "c@example.com", "d@example.com"];

  beforeEach(async () => {
    handle = await open();
    store = handle.store;
    listId = (await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], T0)).get(
      "weekly",
    ) as number;
    for (const email of emails) {
      const { id } = await store.subscribers.upsert(email, undefined, T0);
      await store.subscribers.join(listId, id, { status: "active", source: "test", now: T0 });
    }
    const issue = await store.issues.create({
      listId,
      periodStart: at(-3600),
      periodEnd: T0,
      articleIds: [],
      now: T0,
    });
    issueId = issue.id;
    await store.suppressions.add("d@example.com", "complaint", T0);
    await store.deliveries.createLedger({
      issueId,
      listId,
      now: T0,
      messageIdFor: (id) => `<gz.t.${issueId}.${id}@example.com>`,
    });
  });
  afterEach(() => handle.dispose());

  it("leaves suppressed addresses out of the ledger", async () => {
    expect(await store.deliveries.counts(issueId)).toEqual({ pending: 3 });
  });

  // A list of a million took SQLite 12 s of one synchronous stretch, in which nothing else ran:
  // not a timer, not a signal, not the garbage collector's own tasks (the peak RSS of
  // `bench:send` at 1,000,000 rose from 174 to 267 MiB in it).
  it("lets the event loop turn between the pages of a long list", async () => {
    const created_at = T0.toISOString();
    const members = await store.db
      .insertInto("subscribers")
      .values(
        Array.from({ length: 1_200 }, (_, i) => ({
          email: `m${i}@example.com`,
          email_key: `m${i}@example.com`,
          created_at,
          updated_at: created_at,
        })),
      )
      .returning("id")
      .execute();
    await store.db
      .insertInto("memberships")
      .values(
        members.map(({ id }) => ({
          list_id: listId,
          subscriber_id: id,
          status: "active" as const,
          source: "test",
          created_at,
          updated_at: created_at,
        })),
      )
      .execute();
    const issue = await store.issues.create({
      listId,
      periodStart: T0,
      periodEnd: at(3600),
      articleIds: [],
      now: at(3600),
    });
    let turns = 0;
    let isDone = false;
    const turn = () => {
      turns++;
      if (!isDone) setImmediate(turn);
    };
    setImmediate(turn);
    const added = await store.deliveries.createLedger({
      issueId: issue.id,
      listId,
      now: at(3600),
      messageIdFor: (id) => `<gz.t.${issue.id}.${id}@example.com>`,
    });
    isDone = true;
    expect(added).toBe(1_203);
    // Three pages of 500: the loop turned after each.
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  // The send stage checks the theme in the MJML thread while the ledger is written: a theme
  // that fails leaves no delivery row and the issue a draft.
  it("commits the ledger only once keepIf resolves, and rolls it back when it rejects", async () => {
    const next = (hour: number) =>
      store.issues.create({
        listId,
        periodStart: at(hour * 3600),
        periodEnd: at((hour + 1) * 3600),
        articleIds: [],
        now: at((hour + 1) * 3600),
      });
    const statusOf = async (issue: { number: number }) =>
      (await store.issues.byNumber(listId, issue.number))?.status;
    const ledgerOf = (id: number, keepIf: Promise<void>) =>
      store.deliveries.createLedger({
        issueId: id,
        listId,
        now: T0,
        messageIdFor: (subscriberId) => `<gz.t.${id}.${subscriberId}@example.com>`,
        keepIf,
      });
    const refused = await next(1);
    const failure = new Error("the theme's footer has an unclosed {{#if}}");
    await expect(ledgerOf(refused.id, Promise.reject(failure))).rejects.toBe(failure);
    expect(await store.deliveries.counts(refused.id)).toEqual({});
    expect(await statusOf(refused)).toBe("draft");
    let pass = () => {};
    const check = new Promise<void>((resolve) => {
      pass = resolve;
    });
    const kept = await next(2);
    const ledger = ledgerOf(kept.id, check);
    pass();
    expect(await ledger).toBe(3);
    expect(await store.deliveries.counts(kept.id)).toEqual({ pending: 3 });
    expect(await statusOf(kept)).toBe("sending");
  });

  it("claims a row put back for a retry only once its time has come", async () => {
    const [first, ...rest] = await store.deliveries.claim(issueId, listId, 10, T0, 60_000);
    expect(rest).toHaveLength(2);
    await store.deliveries.markUnsent(first?.id as number, "pending", "451 later", T0, {
      nextAttemptAt: at(30),
    });
    for (const row of rest) await store.deliveries.release(row.id, T0);

    expect(
      (await store.deliveries.claim(issueId, listId, 10, at(29), 60_000)).map((d) => d.email),
    ).toEqual(["b@example.com", "c@example.com"]);
    expect(await store.deliveries.waiting(issueId, at(29))).toEqual({ count: 3, nextAt: at(30) });
    const retried = await store.deliveries.claim(issueId, listId, 10, at(30), 60_000);
    expect(retried.map((d) => [d.email, d.attempts])).toEqual([["a@example.com", 2]]);
  });

  it("marks a group sent in one write, each row with its own reply", async () => {
    const claimed = await store.deliveries.claim(issueId, listId, 10, T0, 60_000);
    await store.deliveries.markSentMany(
      claimed.map((d) => ({ id: d.id, response: `250 queued as ${d.email}` })),
      at(1),
    );
    const rows = await store.db
      .selectFrom("deliveries")
      .select(["email", "status", "smtp_response", "sent_at"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual(
      ["a", "b", "c"].map((name) => ({
        email: `${name}@example.com`,
        status: "sent",
        smtp_response: `250 queued as ${name}@example.com`,
        sent_at: at(1).toISOString(),
      })),
    );
  });

  it("skips a row whose subscriber left or was suppressed after the ledger was made", async () => {
    const claimed = await store.deliveries.claim(issueId, listId, 1, T0, 60_000);
    const row = claimed[0] as (typeof claimed)[number];
    expect(await store.deliveries.skipReasonNow(listId, row)).toBeUndefined();
    await store.suppressions.add(row.email, "2 hard bounces", T0);
    expect(await store.deliveries.skipReasonNow(listId, row)).toBe("suppressed (2 hard bounces)");
    const next = await store.deliveries.claim(issueId, listId, 1, T0, 60_000);
    await store.subscribers.setStatus(listId, next[0]?.subscriberId as number, "unsubscribed", T0);
    expect(await store.deliveries.skipReasonNow(listId, next[0] as (typeof next)[number])).toBe(
      "no longer subscribed",
    );
  });

  it("sees a consent write committed on another connection after the claim", async () => {
    const [row] = await store.deliveries.claim(issueId, listId, 1, T0, 60_000);
    if (!row) throw new Error("nothing claimed");
    expect(await store.deliveries.skipReasonNow(listId, row)).toBeUndefined();
    // As `gazette serve` in another process would: its own connection, its own commit.
    const other = await handle.reopen();
    try {
      await other.subscribers.setStatus(listId, row.subscriberId, "unsubscribed", T0);
    } finally {
      await other.close();
    }
    expect(await store.deliveries.skipReasonNow(listId, row)).toBe("no longer subscribed");
  });

  it("puts failed rows back with --resend-failed and re-opens a sent issue", async () => {
    const claimed = await store.deliveries.claim(issueId, listId, 10, T0, 60_000);
    const [failed, bounced, sent] = claimed;
    await store.deliveries.markUnsent(failed?.id as number, "failed", "gave up", T0);
    await store.deliveries.markUnsent(bounced?.id as number, "bounced", "550", T0);
    await store.deliveries.markSent(sent?.id as number, "250 ok", T0);
    await store.issues.setStatus(issueId, "sent", T0);

    expect(await store.deliveries.resetFailed(issueId, at(60))).toBe(1);
    expect(await store.deliveries.counts(issueId)).toEqual({ pending: 1, bounced: 1, sent: 1 });
    expect((await store.issues.byNumber(listId, 1))?.status).toBe("sending");
    expect(await store.deliveries.bounceCount(bounced?.email as string)).toBe(1);
  });

  it("renews a lease only for rows still held under it: another sender's claim is not extended", async () => {
    const [taken, mine] = await store.deliveries.claim(issueId, listId, 2, T0, 60_000);
    if (!mine || !taken) throw new Error("nothing claimed");
    // Both leases ran out; another sender claimed the first row (under a lease of its own).
    const [theirs] = await store.deliveries.claim(issueId, listId, 1, at(61), 60_000);
    expect(theirs?.id).toBe(taken.id);
    const ids = [mine.id, taken.id];
    expect(await store.deliveries.renewLeases(ids, mine.leaseUntil, at(90), at(30))).toEqual([
      mine.id,
    ]);
    // Renewed to 90 s: not claimable at 61 s (its first lease, 60 s, has passed), at 91 s it is.
    expect(await store.deliveries.claim(issueId, listId, 10, at(61), 60_000)).toEqual([
      expect.objectContaining({ email: "c@example.com" }),
    ]);
    expect(
      (await store.deliveries.claim(issueId, listId, 10, at(91), 60_000)).map((d) => d.id),
    ).toEqual([mine.id]);
  });

  it("reads the topics of only the members who chose some: the others get the whole issue", async () => {
    const { id } = await store.subscribers.upsert("b@example.com", undefined, T0);
    await store.subscribers.setTopics(listId, id, ["Databases"], T0);
    expect(await store.subscribers.activeTopics(listId)).toEqual([
      { email: "b@example.com", topics: ["Databases"] },
    ]);
  });

  it("pauses and resumes an issue", async () => {
    await store.issues.setPaused(issueId, T0);
    expect(await store.issues.isPaused(issueId)).toBe(true);
    await store.issues.setPaused(issueId, null);
    expect(await store.issues.isPaused(issueId)).toBe(false);
  });
  it("hands the send engine claims in its own terms (store.sendLedger)", async () => {
    const ledger = store.sendLedger;
    const a = await store.subscribers.byEmail("a@example.com");
    const claimed = await ledger.claim(issueId, listId, 1, T0, 60_000);
    expect(claimed).toEqual([
      {
        id: expect.any(Number),
        subscriberId: a?.id,
        email: "a@example.com",
        name: null,
        messageId: `<gz.t.${issueId}.${a?.id}@example.com>`,
        attempts: 1,
        leaseUntil: at(60),
      },
    ]);
    // A dry run's recipients: those with no settled row, in subscriber order.
    expect((await ledger.unsentRecipients(issueId, listId, 0, 10)).map((r) => r.email)).toEqual([
      "a@example.com",
      "b@example.com",
      "c@example.com",
    ]);
    expect(await ledger.isPaused(issueId)).toBe(false);
    await ledger.suppress("B@example.com", "2 hard bounces", T0, "smtp");
    expect(await store.suppressions.byEmail("b@example.com")).toMatchObject({ source: "smtp" });
    await ledger.markIssueSent(issueId, at(5));
    expect(await store.issues.byNumber(listId, 1)).toMatchObject({
      status: "sent",
      sentAt: at(5),
    });
  });
});
