import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { runCli, withoutCreatedNotice } from "../helpers/cli.js";
import { writeCliProject } from "../helpers/cli-project.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";

const SUBSCRIBERS = ["ada@example.com", "grace@example.com"];
const HOUR = 3_600_000;
// What must never reach a header, the store or a terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

interface Item {
  id: string;
  title: string;
}

function jsonFeed(items: Item[], base: string): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Hostile\u0000 Engineering",
    home_page_url: `${base}/`,
    items: items.map((item, i) => ({
      id: item.id,
      url: `${base}/posts/${item.id}`,
      title: item.title,
      date_published: new Date(Date.now() - (i + 1) * HOUR).toISOString(),
      content_text: `The team measured ${item.id} and cut latency by 40% in a week of work.`,
    })),
  });
}

describe("a control character in a title never blocks a list (issue 14)", () => {
  let feeds: FeedServer;
  let smtp: SmtpSink;
  let dir: string;
  const items: Item[] = [];
  const cli = (...args: string[]) =>
    runCli(["--config", "gazette.yaml", ...args], {
      cwd: dir,
      env: { GAZETTE_TRANSPORT: smtp.url },
    });
  const publish = (item: Item) => {
    items.unshift(item);
    const base = feeds.url("").replace(/\/$/, "");
    feeds.route("/feed.json", {
      body: jsonFeed(items, base),
      headers: { "content-type": "application/feed+json" },
    });
  };

  beforeAll(async () => {
    feeds = await startFeedServer({});
    smtp = await startSmtpSink();
    dir = mkdtempSync(path.join(tmpdir(), "gazette-stuck-"));
    writeCliProject(dir, {
      feedUrl: feeds.url("/feed.json"),
      subscribers: SUBSCRIBERS,
    });
  });

  afterAll(async () => {
    await feeds?.close();
    await smtp?.close();
  });

  it("drops a NUL from the newest title at collect: the issue goes out with a clean subject", async () => {
    publish({ id: "nul", title: "A NUL\u0000 in the \u001b[31mtitle" });
    const result = await cli("run");
    expect(withoutCreatedNotice(result.stderr)).toBe("");
    expect(result.code).toBe(0);
    const messages = await smtp.waitFor(SUBSCRIBERS.length);
    for (const message of messages) {
      const mail = await message.parse();
      expect(mail.subject).toBe("Test Weekly #1: A NUL in the [31mtitle");
    }
  });

  it("a title stored with controls (before this fix) reaches neither a terminal nor a header", async () => {
    publish({ id: "old-data", title: "Stored before the fix" });
    expect((await cli("collect")).code).toBe(0);
    const store = await openStore(path.join(dir, "data"));
    await store.db
      .updateTable("articles")
      .set({ title: "Old\u0000 \u001b]0;owned\u0007 \u009b2J title" })
      .where("title", "=", "Stored before the fix")
      .execute();
    await store.close();

    const list = await cli("article", "list");
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("Old ]0;owned 2J title");
    expect(list.stdout.replace(/[\t\n]/g, "")).not.toMatch(CONTROL);

    const run = await cli("run");
    expect(run.code).toBe(0);
    const [mail] = await Promise.all(
      (await smtp.waitFor(2 * SUBSCRIBERS.length)).slice(-1).map((m) => m.parse()),
    );
    expect(mail?.subject).toBe("Test Weekly #2: Old ]0;owned 2J title");

    const show = await cli("issue", "show", "2");
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("Old ]0;owned 2J title");
    expect(show.stdout.replace(/\n/g, "")).not.toMatch(CONTROL);
  });

  it("gazette issue cancel N gets a stuck send out; the next run composes the next issue", async () => {
    publish({ id: "stuck", title: "An issue that stops half way" });
    expect((await cli("collect")).code).toBe(0);
    expect((await cli("compose")).code).toBe(0);
    // A send that stopped with its ledger written: issue #3 is `sending`, every row pending.
    const store = await openStore(path.join(dir, "data"));
    const list = await store.db.selectFrom("lists").select("id").executeTakeFirstOrThrow();
    const issue = await store.issues.byNumberOrThrow(list.id, "weekly", 3);
    await store.deliveries.createLedger({
      issueId: issue.id,
      listId: list.id,
      now: new Date(),
      messageIdFor: (subscriberId) => `<stuck.${subscriberId}@news.example.com>`,
    });
    await store.close();

    const cancel = await cli("issue", "cancel", "3", "--reason", "subject could not be sent");
    expect(cancel.stderr).toBe("");
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toContain(
      "Cancelled issue #3 of weekly: 0 sent before, 2 not sent. Reason: subject could not be sent",
    );
    const show = await cli("issue", "show", "3");
    expect(show.stdout).toMatch(/^Issue #3 of weekly: cancelled/);
    expect(show.stdout).toMatch(/Cancelled .*: subject could not be sent/);
    const send = await cli("send", "--issue", "3");
    expect(send.code).toBe(0);
    expect(send.stdout).toContain("was cancelled (subject could not be sent); nothing to send.");
    const again = await cli("issue", "cancel", "3");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("issue #3 is cancelled");

    const after = await openStore(path.join(dir, "data"));
    const rows = await after.db
      .selectFrom("deliveries")
      .select(["status", "error"])
      .where("issue_id", "=", issue.id)
      .execute();
    await after.close();
    expect(rows).toEqual(
      SUBSCRIBERS.map(() => ({
        status: "skipped",
        error: "issue cancelled: subject could not be sent",
      })),
    );

    const sentBefore = smtp.messages.length;
    publish({ id: "next", title: "The list goes on" });
    const run = await cli("run");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/issue #4 with 1 article/);
    const messages = await smtp.waitFor(sentBefore + SUBSCRIBERS.length);
    expect((await messages.at(-1)?.parse())?.subject).toBe("Test Weekly #4: The list goes on");
  });
});
