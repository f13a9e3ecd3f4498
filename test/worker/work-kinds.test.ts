import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";
import { TEST_DATABASE_URL } from "../helpers/stores.js";

const DEMO_FEEDS = ["lumen-labs", "northwind-engineering", "orbit-mobile", "quarry-data"];
const DEMO_ITEMS = 24;

const schemas: string[] = [];
const servers: FeedServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

/** A temp directory with a gazette.yaml reading these feeds; returns it and its data dir. */
function writeConfig(feedUrls: string[], collect: string): { dir: string; dataDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-work-kinds-"));
  const dataDir = path.join(dir, "data");
  writeFileSync(
    path.join(dir, "gazette.yaml"),
    `newsletter: { name: Work Kinds, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Work Kinds <digest@news.example.com>" }
dataDir: ${dataDir}
templates: ${path.join(ROOT, "templates")}
collect: ${collect}
feeds:
${feedUrls.map((url) => `  - url: ${url}`).join("\n")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
`,
  );
  return { dir, dataDir };
}

async function countRows(store: Store): Promise<{ articles: number; enriched: number }> {
  const articles = await store.db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const enriched = await store.db
    .selectFrom("enrichments")
    .select((eb) => eb.fn.count<number>("article_id").distinct().as("n"))
    .executeTakeFirstOrThrow();
  return { articles: Number(articles.n), enriched: Number(enriched.n) };
}

function reported(stdout: string): { feeds: number; articles: number } {
  const match = /^Worker: .*?(\d+) feeds? collected, (\d+) articles? enriched/m.exec(stdout);
  if (!match) throw new Error(`no worker report in: ${stdout}`);
  return { feeds: Number(match[1]), articles: Number(match[2]) };
}

describe("gazette worker --kinds feeds,articles", () => {
  it("collects the due feeds and enriches their articles, then finds nothing due", async () => {
    const { dir, dataDir } = writeConfig(
      DEMO_FEEDS.map((feed) => path.join(ROOT, "examples/feeds", `${feed}.xml`)),
      "{ fullText: never }",
    );
    const args = ["-c", "gazette.yaml", "worker", "--once", "--kinds", "feeds,articles"];
    const first = await runCli(args, { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(reported(first.stdout)).toEqual({ feeds: 4, articles: DEMO_ITEMS });
    // Each round's work is logged as it happens, not only in the final line.
    const stamp = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    expect(first.stdout).toMatch(new RegExp(`^${stamp} worker started: feeds, articles$`, "m"));
    expect(first.stdout).toMatch(
      new RegExp(`^${stamp} round 1: 4 feeds collected, \\d+ articles enriched$`, "m"),
    );
    const store = await openStore(dataDir);
    try {
      expect(await countRows(store)).toEqual({ articles: DEMO_ITEMS, enriched: DEMO_ITEMS });
      // Every claim was given back once its work was done.
      const leased = await store.db
        .selectFrom("feeds")
        .select("id")
        .where("lease_until", "is not", null)
        .execute();
      expect(leased).toEqual([]);
    } finally {
      await store.close();
    }
    // Fetched a moment ago: not due again before --collect-every (1 h) has passed.
    const second = await runCli(args, { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    expect(reported(second.stdout)).toEqual({ feeds: 0, articles: 0 });
  });

  it("shares the feeds of one PostgreSQL schema between two workers: each fetched once", async () => {
    const routes = Object.fromEntries(
      DEMO_FEEDS.map((feed) => [
        `/${feed}.xml`,
        {
          file: path.join(ROOT, "examples/feeds", `${feed}.xml`),
          headers: { "content-type": "application/xml" },
        },
      ]),
    );
    const server = await startFeedServer(routes);
    servers.push(server);
    // One fetch slot per worker, so a batch is two feeds and both workers get some work.
    const { dir } = writeConfig(
      DEMO_FEEDS.map((feed) => server.url(`/${feed}.xml`)),
      `{ fullText: never, concurrency: 1, allowPrivate: ["127.0.0.1"] }`,
    );
    const schema = `gz_test_${randomBytes(6).toString("hex")}`;
    schemas.push(schema);
    const env = { DATABASE_URL: TEST_DATABASE_URL, GAZETTE_DATABASE_SCHEMA: schema };
    const args = ["-c", "gazette.yaml", "worker", "--once", "--kinds", "feeds,articles"];
    // Migrate first: the workers then race for the feeds, not for the schema.
    await (await openStore("", { databaseUrl: TEST_DATABASE_URL, schema })).close();
    const results = await Promise.all([
      runCli(args, { cwd: dir, env }),
      runCli(args, { cwd: dir, env }),
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);

    const fetches = new Map<string, number>();
    for (const request of server.requests)
      fetches.set(request.path, (fetches.get(request.path) ?? 0) + 1);
    expect(Object.fromEntries(fetches)).toEqual(
      Object.fromEntries(DEMO_FEEDS.map((feed) => [`/${feed}.xml`, 1])),
    );
    const totals = results.map((result) => reported(result.stdout));
    expect(totals.reduce((sum, total) => sum + total.feeds, 0)).toBe(4);
    expect(totals.reduce((sum, total) => sum + total.articles, 0)).toBe(DEMO_ITEMS);
    const store = await openStore("", { databaseUrl: TEST_DATABASE_URL, schema });
    try {
      expect(await countRows(store)).toEqual({ articles: DEMO_ITEMS, enriched: DEMO_ITEMS });
    } finally {
      await store.close();
    }
  });
});
