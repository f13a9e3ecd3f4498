import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  approveIssue,
  articleEdit,
  discardIssue,
  reorderIssue,
  setIntro,
} from "../../src/review/index.js";
import { openStore, type Store } from "../../src/store/index.js";

const T0 = new Date("2026-05-04T09:00:00Z");

describe("the review's draft rule, one owner for the CLI and the preview", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(mkdtempSync(path.join(tmpdir(), "gazette-review-rules-")));
  });
  afterEach(() => store.close());

  async function issueIn(status: "draft" | "sending" | "sent") {
    const lists = await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], T0);
    const created = await store.issues.create({
      listId: lists.get("weekly") as number,
      periodStart: new Date(T0.getTime() - 7 * 86_400_000),
      periodEnd: T0,
      articleIds: [],
      now: T0,
    });
    if (status !== "draft") await store.issues.setStatus(created.id, status, T0);
    return (await store.issues.byNumber(created.listId, created.number)) ?? created;
  }

  it.each(["sending", "sent"] as const)(
    "refuses to approve, reorder, write the intro of or discard a %s issue",
    async (status) => {
      const issue = await issueIn(status);
      const refusals = [
        [() => approveIssue(store, issue, T0), "approved"],
        [() => reorderIssue(store, issue, ""), "reordered"],
        [() => setIntro(store, issue, "Too late."), "given an intro"],
        [() => discardIssue(store, issue), "discarded"],
      ] as const;
      for (const [act, verb] of refusals) {
        await expect(act()).rejects.toMatchObject({
          code: "USAGE",
          message: `issue #1 is ${status}; only a draft can be ${verb}`,
        });
      }
      const after = await store.issues.byNumber(issue.listId, 1);
      expect(after).toMatchObject({ intro: null, approvedAt: null });
    },
  );

  it("writes a draft's intro trimmed, clears it when blank, and approves it", async () => {
    const issue = await issueIn("draft");
    expect(await setIntro(store, issue, "  A short week.  ")).toBe("A short week.");
    expect((await store.issues.byNumber(issue.listId, 1))?.intro).toBe("A short week.");
    expect(await setIntro(store, issue, "   ")).toBeNull();
    await approveIssue(store, issue, T0);
    expect((await store.issues.byNumber(issue.listId, 1))?.approvedAt).toEqual(T0);
  });

  it("checks an edit's texts against the email's limit, wherever it comes from", () => {
    expect(articleEdit({ summary: " Short. ", why: "" })).toEqual({ summary: "Short.", why: null });
    expect(() => articleEdit({ why: "x".repeat(301) })).toThrow(
      "why: 301 characters; at most 300 fit the email",
    );
    expect(() => articleEdit({ tags: "Data Bases" })).toThrow(
      'tags: "data bases" is not kebab-case',
    );
  });
});
