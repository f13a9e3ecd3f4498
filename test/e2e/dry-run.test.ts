import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { runCli, withoutCreatedNotice } from "../helpers/cli.js";
import { writeCliProject } from "../helpers/cli-project.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";

const HOUR = 3_600_000;
const SUBSCRIBERS = ["ada@example.com", "grace@example.com"];

function rss(titles: string[], base: string): string {
  const items = titles.map(
    (title, i) => `<item><title>${title}</title><link>${base}/posts/${i}</link>
<pubDate>${new Date(Date.now() - (titles.length - i) * HOUR).toUTCString()}</pubDate>
<description>The team measured ${title} and cut costs by 30% over a quarter.</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Acme</title><link>${base}/</link>${items.join("")}</channel></rss>`;
}

describe("run --dry-run writes nothing (issue 14)", () => {
  let feeds: FeedServer;
  let smtp: SmtpSink;
  let dir: string;
  const titles = ["Before the dry run"];
  const cli = (...args: string[]) =>
    runCli(["--config", "gazette.yaml", ...args], {
      cwd: dir,
      env: { GAZETTE_TRANSPORT: smtp.url },
    });
  const publish = () => {
    const base = feeds.url("").replace(/\/$/, "");
    feeds.route("/feed.xml", { body: rss(titles, base) });
  };
  const issues = async () => {
    const store = await openStore(path.join(dir, "data"));
    try {
      return await store.db.selectFrom("issues").select(["number", "status"]).execute();
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    feeds = await startFeedServer({});
    smtp = await startSmtpSink();
    dir = mkdtempSync(path.join(tmpdir(), "gazette-dry-"));
    writeCliProject(dir, {
      feedUrl: feeds.url("/feed.xml"),
      feedName: "Acme",
      subscribers: SUBSCRIBERS,
    });
    publish();
  });

  afterAll(async () => {
    await feeds?.close();
    await smtp?.close();
  });

  it("builds every message but stores no issue, no ledger and no web version", async () => {
    const dry = await cli("run", "--dry-run");
    expect(withoutCreatedNotice(dry.stderr)).toBe("");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("issue #1 with 1 article (dry run: not saved)");
    expect(dry.stdout).toContain("Messages: 2 messages built, none sent (dry run)");
    expect(await issues()).toEqual([]);
    expect(existsSync(path.join(dir, "data", "issues"))).toBe(false);
    expect(smtp.messages).toHaveLength(0);
  });

  it("the next real run composes afresh, with what was published in between", async () => {
    titles.push("Published after the dry run");
    publish();
    const run = await cli("run");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/issue #1 with 2 articles\n/);
    const messages = await smtp.waitFor(SUBSCRIBERS.length);
    const text = (await messages[0]?.parse())?.text ?? "";
    expect(text).toContain("Before the dry run");
    expect(text).toContain("Published after the dry run");
    expect(await issues()).toEqual([{ number: 1, status: "sent" }]);
  });
});
