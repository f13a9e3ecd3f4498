import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { renderArchiveFeed, renderArchiveIndex } from "../../src/archive/index.js";
import { runCli } from "../helpers/cli.js";
import { linksOf } from "../render/html-links.js";
import { writeFeed, writeWorkspace } from "./write-workspace.js";

const run = (dir: string) => runCli(["--config", "gazette.yaml", "run"], { cwd: dir });
const read = (dir: string, file: string) =>
  readFileSync(path.join(dir, "data", "archive", "weekly", file), "utf8");

describe("the web archive", () => {
  it("gets each sent issue, an index newest first and an Atom feed, without personal data", async () => {
    const dir = writeWorkspace();
    const first = await run(dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Archive: .*data\/archive\/weekly\/1\.html/);

    writeFeed(path.join(dir, "acme.xml"), [
      { slug: "cdc", title: "Change data capture without losing sleep", age: 0 },
      { slug: "queue", title: "Moving our job queue onto PostgreSQL", age: 2 },
      { slug: "flaky", title: "Quarantining flaky tests", age: 3 },
    ]);
    expect((await run(dir)).code).toBe(0);

    const archive = path.join(dir, "data", "archive", "weekly");
    expect(readdirSync(archive).sort()).toEqual(["1.html", "2.html", "feed.xml", "index.html"]);
    const issue = read(dir, "1.html");
    expect(issue).toContain("Moving our job queue onto PostgreSQL");
    expect(issue).not.toMatch(/ada@example\.com|grace@example\.com|Hi Ada|Hi Grace/);
    expect(linksOf(issue)).toContainEqual({
      href: "https://news.example.com/unsubscribe",
      text: "Unsubscribe",
    });

    const index = read(dir, "index.html");
    expect(linksOf(index).map((link) => link.href)).toEqual(["feed.xml", "2.html", "1.html"]);
    expect(index).toContain('<html lang="en">');
    expect(index).toContain('<link rel="alternate" type="application/atom+xml" href="feed.xml"');

    const feed = await new Parser().parseString(read(dir, "feed.xml"));
    expect(feed.title).toBe("Email Test · Weekly");
    expect(feed.items.map((item) => item.link)).toEqual([
      "https://news.example.com/archive/weekly/2.html",
      "https://news.example.com/archive/weekly/1.html",
    ]);
    expect(feed.items[0]?.title).toBe("Email Test #2: Change data capture without losing sleep");
    expect(feed.items[0]?.summary).toBe("Change data capture without losing sleep");
  });

  it("escapes subjects and titles in the index page and the feed", () => {
    const info = {
      newsletterName: "A & B",
      listName: "<Weekly>",
      language: "en",
      baseUrl: "https://news.example.com/archive/weekly/",
    };
    const entries = [
      {
        number: 1,
        subject: '<script>alert("x")</script>',
        sentAt: new Date("2026-11-23T09:00:00Z"),
        url: "https://news.example.com/archive/weekly/1.html",
        articleTitles: ["Rust & Go"],
      },
    ];
    const index = renderArchiveIndex(info, entries);
    const feed = renderArchiveFeed(info, entries);
    for (const page of [index, feed]) {
      expect(page).not.toContain("<script>");
      expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
      expect(page).toContain("A &amp; B");
    }
    expect(feed).toContain("<summary>Rust &amp; Go</summary>");
    expect(index).toContain('<time datetime="2026-11-23T09:00:00.000Z">Nov 23, 2026</time>');
  });
});
