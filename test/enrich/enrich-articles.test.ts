import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SummarizerConfig } from "../../src/config/summarizer-config.js";
import { enrichArticles } from "../../src/enrich/enrich-articles.js";
import { createSummarizer } from "../../src/enrich/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import {
  type ModelServer,
  openAiCompletion,
  providerError,
  startModelServer,
} from "../helpers/model-server.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const SINCE = new Date("2026-11-01T00:00:00Z");
const NAMES = ["postgres-pooling", "kafka-lag-postmortem", "flaky-tests"];
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/articles/${name}.json`, import.meta.url), "utf8"),
  ) as { title: string; text: string; categories?: string[] };

// A grounded answer for any article: its title, in the third person ("our" → "its").
const thirdPerson = (title: string) => `${title.replace(/\bour\b/gi, "its")}.`;
const answerFor = (userMessage: string) => {
  const title = /Title: (.*)/.exec(userMessage)?.[1] ?? "";
  return JSON.stringify({
    summary: thirdPerson(title),
    why: thirdPerson(title),
    tags: ["testing"],
    category: "DevOps",
  });
};

describe("enrichArticles with a model", () => {
  let dir: string;
  let store: Store;
  let server: ModelServer;
  const ids: number[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-enrich-"));
    store = await openStore(dir);
    server = await startModelServer("openai", (request) => {
      const messages = request.body.messages as { content: string }[];
      return openAiCompletion(answerFor(messages[1]?.content ?? ""));
    });
    const [feed] = await store.feeds.sync([{ url: "https://blog.example/feed", tags: [] }], NOW);
    ids.length = 0;
    for (const [at, name] of NAMES.entries()) {
      const { title, text, categories } = fixture(name);
      await store.articles.upsert(
        {
          feedId: feed?.id as number,
          canonicalUrl: `https://blog.example/${name}`,
          url: `https://blog.example/${name}`,
          title,
          publishedAt: new Date(Date.UTC(2026, 10, 10 + at)),
          contentHtml: "",
          contentText: text,
          categories: categories ?? [],
          contentHash: `hash-${name}`,
        },
        NOW,
      );
    }
    ids.push(...(await store.articleLookup.recent(10)).map((row) => row.id).sort((a, b) => a - b));
  });
  afterEach(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (config: Record<string, unknown> = {}, options = {}) =>
    enrichArticles(
      store.enrichments,
      createSummarizer(
        SummarizerConfig.parse({
          provider: "openai",
          model: "gpt-test",
          baseUrl: server.baseUrl,
          retries: 0,
          pricing: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
          ...config,
        }),
        { env: { OPENAI_API_KEY: "sk-test" }, sleep: async () => {} },
      ),
      { since: SINCE, now: () => NOW, ...options },
    );

  it("asks the model once per article, reports tokens and cost, and caches the answers", async () => {
    const first = await run();
    expect(first.enriched).toBe(3);
    expect(first.fallbacks).toEqual([]);
    expect(first.usage).toEqual({
      requests: 3,
      inputTokens: 2700,
      outputTokens: 360,
      cost: (2700 * 0.15 + 360 * 0.6) / 1_000_000,
    });
    const stored = await store.articleLookup.enrichments(ids[0] as number);
    expect(stored.map((row) => row.summarizer)).toEqual(["openai:gpt-test:summarize.v2"]);

    const second = await run();
    expect(second.enriched).toBe(0);
    expect(second.usage).toBeUndefined();
    expect(server.requests).toHaveLength(3);
  });

  it("counts a title-only article, stores its empty enrichment as the model's, and never asks about it", async () => {
    const [feed] = await store.feeds.all();
    await store.articles.upsert(
      {
        feedId: feed?.id as number,
        canonicalUrl: "https://blog.example/title-only",
        url: "https://blog.example/title-only",
        title: "Introduction to Graph Machine Learning",
        publishedAt: new Date("2026-11-20T00:00:00Z"),
        contentHtml: "",
        contentText: "",
        categories: [],
        contentHash: "hash-title-only",
      },
      NOW,
    );
    const first = await run();
    expect(first).toMatchObject({ enriched: 4, withoutText: 1, fallbacks: [] });
    expect(server.requests).toHaveLength(3);
    const second = await run();
    expect(second).toMatchObject({ enriched: 0, withoutText: 0 });
    expect(server.requests).toHaveLength(3);
  });

  it("recomputes with force, for the window or one article", async () => {
    await run();
    expect((await run({}, { force: true })).enriched).toBe(3);
    expect(server.requests).toHaveLength(6);
    const one = await run({}, { force: true, articleId: ids[1] });
    expect(one.enriched).toBe(1);
    expect(server.requests).toHaveLength(7);
    const title = fixture(NAMES[1] as string).title;
    expect(JSON.stringify(server.requests[6]?.body)).toContain(title);
  });

  it("stores a failed article's built-in summary and asks the model again next run", async () => {
    server.enqueue(providerError("openai", 503, "overloaded"));
    const first = await run();
    expect(first.enriched).toBe(3);
    expect(first.failed).toEqual([]);
    expect(first.fallbacks).toEqual([
      {
        articleId: ids[0],
        title: fixture(NAMES[0] as string).title,
        reason: expect.stringContaining("HTTP 503"),
      },
    ]);
    const stored = await store.articleLookup.enrichments(ids[0] as number);
    expect(stored.map((row) => row.summarizer)).toEqual(["extractive@13"]);

    const second = await run();
    expect(second.enriched).toBe(1);
    expect(second.fallbacks).toEqual([]);
    expect(server.requests).toHaveLength(4);
  });

  it("falls back to the built-in summarizer past maxArticles", async () => {
    const report = await run({ maxArticles: 1 });
    expect(server.requests).toHaveLength(1);
    expect(report.enriched).toBe(3);
    expect(report.fallbacks).toHaveLength(2);
    expect(report.fallbacks[0]?.reason).toContain("budget of 1 articles");
    expect(report.usage?.requests).toBe(1);
  });

  it("flags an ungrounded field in the report", async () => {
    server.enqueue(
      openAiCompletion(
        JSON.stringify({
          summary: "Acme cut costs by 93%.",
          why: "PgBouncer helped.",
          tags: [],
          category: "Backend",
        }),
      ),
    );
    const report = await run({ maxConcurrency: 1 });
    expect(report.ungrounded).toEqual([
      {
        articleId: ids[0],
        title: fixture(NAMES[0] as string).title,
        field: "summary",
        claims: ["93", "Acme"],
      },
    ]);
  });

  it("keeps an editor's overrides through a forced re-run, and drops leave drafts", async () => {
    await run();
    const [first, second, third] = ids as [number, number, number];
    await store.overrides.edit(
      first,
      { summary: "An editor's summary.", tags: ["databases"] },
      NOW,
    );
    await store.overrides.setDropped(second, true, NOW);
    await run({}, { force: true });

    const listIds = await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], NOW);
    const listId = listIds.get("weekly") as number;
    const issue = await store.issues.create({
      listId,
      periodStart: SINCE,
      periodEnd: NOW,
      articleIds: [first, second, third],
      now: NOW,
    });
    const rows = await store.issues.articles(issue.id);
    expect(rows.map((row) => row.article_id)).toEqual([first, third]);
    expect(rows[0]?.summary).toBe("An editor's summary.");
    expect(rows[0]?.why).toBe(thirdPerson(fixture(NAMES[0] as string).title));
    expect(rows[0]?.tags).toBe('["databases"]');

    const candidates = await store.articles.candidates({
      feedIds: [(await store.feeds.all())[0]?.id as number],
      listId: listId + 1,
      until: NOW,
      notBefore: SINCE,
      perFeed: 10,
    });
    expect(candidates.map((row) => row.id).sort()).toEqual([first, third].sort());

    // Once sending has started, the issue keeps what it had.
    await store.issues.setStatus(issue.id, "sending", NOW);
    expect((await store.issues.articles(issue.id)).map((row) => row.article_id)).toEqual([
      first,
      second,
      third,
    ]);
  });
});

describe("enrichArticles with the built-in summarizer (issue 15)", () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-enrich-"));
    store = await openStore(dir);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const add = async (
    feedUrl: string,
    name: string | undefined,
    article: Record<string, string>,
  ) => {
    const [feed] = await store.feeds.sync(
      [{ url: feedUrl, ...(name ? { name } : {}), tags: [] }],
      NOW,
    );
    await store.articles.upsert(
      {
        feedId: feed?.id as number,
        canonicalUrl: article.url as string,
        url: article.url as string,
        title: article.title as string,
        ...(article.author ? { author: article.author } : {}),
        publishedAt: new Date("2026-11-20T00:00:00Z"),
        contentHtml: article.html as string,
        contentText: article.text as string,
        categories: [],
        contentHash: `hash-${article.url}`,
      },
      NOW,
    );
  };

  it("names the feed's publisher, and stores language, method, confidence and sources", async () => {
    await add("https://quarry.example/feed.xml", "Quarry Data Blog", {
      url: "https://quarry.example/cdc",
      title: "Change data capture without losing sleep",
      html: "<p>We replaced nightly full-table dumps with log-based change data capture from PostgreSQL.</p><p>Data freshness went from 24 hours to under 2 minutes.</p>",
      text: "We replaced nightly full-table dumps with log-based change data capture from PostgreSQL.\n\nData freshness went from 24 hours to under 2 minutes.",
    });
    await add("https://blog.example.pl/feed.xml", undefined, {
      url: "https://blog.example.pl/koszty",
      title: "Koszty migracji bazy danych",
      html: "<p>Przenieśliśmy kolejkę zadań z Redisa do PostgreSQL w ciągu trzech miesięcy.</p><p>Czas odpowiedzi spadł o połowę, a koszty utrzymania zmalały o jedną trzecią.</p>",
      text: "Przenieśliśmy kolejkę zadań z Redisa do PostgreSQL w ciągu trzech miesięcy.\n\nCzas odpowiedzi spadł o połowę, a koszty utrzymania zmalały o jedną trzecią.",
    });
    const report = await enrichArticles(
      store.enrichments,
      createSummarizer(SummarizerConfig.parse({}), { env: {} }),
      {
        since: SINCE,
        now: () => NOW,
      },
    );
    expect(report.languages).toEqual({ en: 1, pl: 1 });
    const [english, polish] = (await store.articleLookup.recent(10)).sort((a, b) => a.id - b.id);
    const [enrichment] = await store.articleLookup.enrichments(english?.id as number);
    expect(enrichment).toMatchObject({
      summary:
        "Quarry Data replaced nightly full-table dumps with log-based change data capture from PostgreSQL.",
      why: "Data freshness went from 24 hours to under 2 minutes.",
      method: "action+outcome",
    });
    expect(enrichment?.confidence).toBeGreaterThan(0.5);
    expect(JSON.parse(enrichment?.sources ?? "null")).toEqual({
      summary: [
        "We replaced nightly full-table dumps with log-based change data capture from PostgreSQL.",
      ],
      why: ["Data freshness went from 24 hours to under 2 minutes."],
    });
    expect((await store.articles.byId(english?.id as number))?.language).toBe("en");
    expect((await store.articles.byId(polish?.id as number))?.language).toBe("pl");
    const [polishEnrichment] = await store.articleLookup.enrichments(polish?.id as number);
    expect(polishEnrichment?.why).toBe("");
  });
});
