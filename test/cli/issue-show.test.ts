import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { writeCliProject } from "../helpers/cli-project.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";

describe("gazette issue show", () => {
  let dir: string;
  let server: FeedServer;
  const cli = (...args: string[]) => runCli(["-c", "gazette.yaml", ...args], { cwd: dir });

  beforeAll(async () => {
    // A short post whose only result is the summary's: the summarizer gives it no why. Its page
    // answers 404, so the excerpt stays the text.
    server = await startFeedServer({
      "/feed.xml": {
        body: `<rss version="2.0"><channel><title>Cache Blog</title><link>https://cache.example/</link>
<item><title>We cut latency</title><link>/latency</link><pubDate>${new Date().toUTCString()}</pubDate>
<description>We cut p99 latency by 40% by moving the cache closer to the database. The change took two weeks.</description></item>
</channel></rss>`,
      },
    });
    dir = mkdtempSync(path.join(tmpdir(), "gazette-issue-show-"));
    writeCliProject(dir, { feedUrl: server.url("/feed.xml"), subscribers: ["a@example.com"] });
  });
  afterAll(() => server.close());

  it("prints (none) for a card without a why, never a label with nothing after it", async () => {
    expect((await cli("run")).code).toBe(0);
    const show = await cli("issue", "show", "1");
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^1\. \[\d+\] We cut latency$/m);
    expect(show.stdout).toMatch(/^ {3}Summary: .*cut p99 latency by 40%/m);
    expect(show.stdout).toContain("   Why it matters: (none)");
    expect(show.stdout).not.toMatch(/: $/m);
  });
});
