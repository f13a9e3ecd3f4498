import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SummarizerConfig } from "../../src/config/summarizer-config.js";
import { createExtractiveSummarizer, createSummarizer } from "../../src/enrich/index.js";
import type { SummarizeInput } from "../../src/enrich/types.js";
import { startEndlessServer } from "../helpers/endless-server.js";
import {
  anthropicMessage,
  type ModelReply,
  type ModelServer,
  openAiCompletion,
  providerError,
  startModelServer,
} from "../helpers/model-server.js";

const article = JSON.parse(
  readFileSync(new URL("../fixtures/articles/postgres-pooling.json", import.meta.url), "utf8"),
) as SummarizeInput;

// Every number and name below is in the article.
const GROUNDED = {
  summary:
    "The checkout team put PgBouncer in transaction pooling mode between 240 application pods and their PostgreSQL primary.",
  why: "Connection storms are an architecture problem: p99 query latency fell by 38%, from 210 ms to 130 ms, and the primary holds about 400 connections instead of 5,000.",
  tags: ["postgresql", "databases", "performance", "not-in-the-vocabulary"],
  category: "backend",
};

type Provider = "openai" | "anthropic";
const reply = (provider: Provider, content: unknown, finish?: string): ModelReply => {
  const text = typeof content === "string" ? content : JSON.stringify(content);
  return provider === "openai"
    ? openAiCompletion(text, undefined, finish ?? "stop")
    : anthropicMessage(text, undefined, finish ?? "end_turn");
};

describe.each(["openai", "anthropic"] as const)("%s summarizer", (provider) => {
  let server: ModelServer;
  let sleeps: number[];
  const builtIn = createExtractiveSummarizer();

  beforeEach(async () => {
    server = await startModelServer(provider, () => reply(provider, GROUNDED));
    sleeps = [];
  });
  afterEach(() => server.close());

  const summarizer = (extra: Record<string, unknown> = {}) =>
    createSummarizer(
      SummarizerConfig.parse({
        provider,
        model: "test-model",
        baseUrl: server.baseUrl,
        retries: 2,
        ...extra,
      }),
      {
        env: { OPENAI_API_KEY: "sk-test-openai", ANTHROPIC_API_KEY: "sk-ant-test" },
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      },
    );

  it("sends the request the provider documents", async () => {
    await summarizer().summarize(article);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.headers["content-type"]).toBe("application/json");
    const body = request?.body ?? {};
    expect(body.model).toBe("test-model");
    expect(body.temperature).toBe(0);
    if (provider === "openai") {
      expect(request?.path).toBe("/v1/chat/completions");
      expect(request?.headers.authorization).toBe("Bearer sk-test-openai");
      expect(body.response_format).toEqual({ type: "json_object" });
      expect(body.max_tokens).toBe(600);
      const messages = body.messages as { role: string; content: string }[];
      expect(messages.map((message) => message.role)).toEqual(["system", "user"]);
      expect(messages[0]?.content).toContain('"summary"');
      expect(messages[1]?.content).toContain(article.title);
      expect(messages[1]?.content).toContain("PgBouncer 1.21.0");
    } else {
      expect(request?.path).toBe("/v1/messages");
      expect(request?.headers["x-api-key"]).toBe("sk-ant-test");
      expect(request?.headers["anthropic-version"]).toBe("2023-06-01");
      expect(request?.headers.authorization).toBeUndefined();
      expect(body.max_tokens).toBe(600);
      expect(typeof body.system).toBe("string");
      expect(body.system).toContain("postgresql");
      const messages = body.messages as { role: string; content: string }[];
      expect(messages).toHaveLength(1);
      expect(messages[0]?.role).toBe("user");
      expect(messages[0]?.content).toContain("PgBouncer 1.21.0");
    }
  });

  it("uses the model's summary, why, vocabulary tags and category, and reports tokens", async () => {
    const chosen = summarizer();
    // summarize.v2 is the default for new configs (issue 15).
    expect(chosen.id).toBe(`${provider}:test-model:summarize.v2`);
    const result = await chosen.summarize(article);
    expect(result.summary).toBe(GROUNDED.summary);
    expect(result.why).toBe(GROUNDED.why);
    expect(result.tags).toEqual(["postgresql", "databases", "performance"]);
    expect(result.category).toBe("Backend");
    expect(result.fallback).toBeUndefined();
    expect(result.ungrounded).toBeUndefined();
    expect(result.rejected).toBeUndefined();
    expect(result.method).toBe("model");
    expect(result.confidence).toBe(0.9);
    expect(result.sources).toEqual({ summary: [], why: [] });
    expect(result.usage).toEqual({ inputTokens: 900, outputTokens: 120 });
    expect(chosen.estimateCost).toBeUndefined();
    const priced = summarizer({ pricing: { inputPerMillion: 0.15, outputPerMillion: 0.6 } });
    expect(priced.estimateCost?.({ inputTokens: 1_000_000, outputTokens: 500_000 })).toBeCloseTo(
      0.45,
    );
  });

  it("waits as long as a 429's Retry-After asks, then succeeds", async () => {
    server.enqueue(providerError(provider, 429, "slow down", { "retry-after": "2" }));
    const result = await summarizer().summarize(article);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(result.summary).toBe(GROUNDED.summary);
  });

  it("retries a 500 with backoff, then falls back to the built-in summary", async () => {
    const failure = providerError(provider, 500, "the server had an error");
    server.enqueue(failure, failure, failure, failure);
    const result = await summarizer().summarize(article);
    expect(server.requests).toHaveLength(3); // the attempt and two retries
    expect(sleeps).toEqual([1000, 2000]);
    expect(result.fallback?.summarizer).toBe("extractive@13");
    expect(result.fallback?.reason).toMatch(/HTTP 500: .*the server had an error.*gave up after 3/);
    const expected = await builtIn.summarize(article);
    expect(result.summary).toBe(expected.summary);
    expect(result.why).toBe(expected.why);
  });

  it("does not retry a 400 and falls back with the API's message", async () => {
    server.enqueue(providerError(provider, 400, "model not found"));
    const result = await summarizer().summarize(article);
    expect(server.requests).toHaveLength(1);
    expect(result.fallback?.reason).toContain("model not found");
  });

  it("keeps an error body's message to one short line", async () => {
    server.enqueue(
      providerError(provider, 400, `model\r\nnot found\u001b[2J ${"x".repeat(100_000)}`),
    );
    const result = await summarizer().summarize(article);
    expect(result.fallback?.reason).toMatch(/^HTTP 400: api_error: model not found\[2J x+$/);
    expect(result.fallback?.reason.length).toBeLessThan(250);
  });

  it("reads an endless answer to its first megabyte and falls back at once, without a retry", async () => {
    const endless = await startEndlessServer(" ");
    try {
      const result = await summarizer({
        baseUrl: provider === "openai" ? `${endless.origin}/v1` : endless.origin,
        timeout: "60s",
      }).summarize(article);
      expect(result.fallback?.reason).toBe("HTTP 200: the answer is over 1048576 bytes");
      expect(sleeps).toEqual([]);
    } finally {
      await endless.close();
    }
  }, 10_000);

  it.each([
    ["text that is not JSON", "Sure! Here is the summary you asked for."],
    ["JSON cut in the middle", '{"summary": "The checkout team put PgBouncer'],
    ["JSON without the fields", '{"answer": "PgBouncer"}'],
  ])("falls back on %s", async (_name, content) => {
    server.enqueue(reply(provider, content));
    const result = await summarizer().summarize(article);
    expect(result.fallback?.reason).toMatch(/JSON|field/);
    expect(result.summary).toBe((await builtIn.summarize(article)).summary);
    expect(result.usage?.inputTokens).toBe(900); // tokens spent still count
  });

  it("falls back when the answer hit the output limit", async () => {
    server.enqueue(reply(provider, GROUNDED, provider === "openai" ? "length" : "max_tokens"));
    const result = await summarizer().summarize(article);
    expect(result.fallback?.reason).toContain("cut off at 600 tokens");
  });

  it("keeps two sentences of a longer summary", async () => {
    server.enqueue(
      reply(provider, {
        ...GROUNDED,
        summary: `${GROUNDED.summary} Deploys no longer cause latency spikes. Autovacuum keeps up again.`,
      }),
    );
    const result = await summarizer().summarize(article);
    expect(result.summary).toBe(`${GROUNDED.summary} Deploys no longer cause latency spikes.`);
    expect(result.rejected).toBeUndefined();
  });

  // Issue 15: the same hygiene as the built-in summarizer; a field that fails it is replaced
  // by the built-in one, and the report says why.
  it.each([
    ["summary", "The checkout team put **PgBouncer** in front of PostgreSQL.", "markup"],
    ["why", "p99 query latency fell by 38%, from 210 ms to 130 ms, and […]", "cut off"],
    ["why", "p99 query latency fell by 38%, from 210 ms to 130 ms, and", "cut off"],
    [
      "summary",
      "We put PgBouncer in transaction pooling mode in front of PostgreSQL.",
      "first person",
    ],
    [
      "summary",
      "This article explains how PgBouncer cut p99 query latency by 38%.",
      "this article",
    ],
    [
      "why",
      `p99 query latency fell by 38%. ${"PgBouncer kept about 400 connections open. ".repeat(7)}`,
      "characters, over 300",
    ],
    // Point 4: a why is an outcome or a lesson, whoever wrote it.
    [
      "why",
      "If you run PostgreSQL behind many pods, you should consider a pooler like PgBouncer too.",
      "advice",
    ],
    [
      "why",
      "Transaction pooling means that many clients share a few PostgreSQL connections.",
      "defines a term",
    ],
    ["why", "Here is what the checkout team learned about PgBouncer and PostgreSQL.", "teaser"],
    [
      "why",
      "The PostgreSQL primary had to hold 5,000 connections, and connection storms kept failing checkouts.",
      "background or a problem statement",
    ],
  ] as const)("replaces a %s with %s by the built-in one", async (field, text, reason) => {
    server.enqueue(reply(provider, { ...GROUNDED, [field]: text }));
    const result = await summarizer().summarize(article);
    const expected = await builtIn.summarize(article);
    expect(result[field]).toBe(expected[field]);
    const other = field === "summary" ? "why" : "summary";
    expect(result[other]).toBe(GROUNDED[other]);
    expect(result.rejected).toEqual([{ field, reason: expect.stringContaining(reason) }]);
    expect(result.fallback).toBeUndefined();
    expect(result.method).toBe(`model+${expected.method}`);
    expect(result.sources?.[field]).toEqual(expected.sources?.[field]);
  });

  // A model's answer never went through ingest, where feed text loses its control characters.
  it("replaces a summary with a bidi override and a why with a terminal escape by the built-in ones", async () => {
    server.enqueue(
      reply(provider, {
        ...GROUNDED,
        summary: GROUNDED.summary.replace("PgBouncer", "\u202ePgBouncer"),
        why: GROUNDED.why.replace("Connection", "\u001b]0;pwned\u0007Connection"),
      }),
    );
    const result = await summarizer().summarize(article);
    const expected = await builtIn.summarize(article);
    expect([result.summary, result.why]).toEqual([expected.summary, expected.why]);
    expect(result.rejected).toEqual([
      { field: "summary", reason: "it contains control characters" },
      { field: "why", reason: "it contains control characters" },
    ]);
  });

  it("keeps a model's empty why: an honest blank, not a failed answer", async () => {
    server.enqueue(reply(provider, { ...GROUNDED, why: "" }));
    const result = await summarizer().summarize(article);
    expect(result.summary).toBe(GROUNDED.summary);
    expect(result.why).toBe("");
    expect(result.fallback).toBeUndefined();
    expect(result.rejected).toBeUndefined();
    expect(result.method).toBe("model");
  });

  it("asks in the reference digest's register, naming the publisher, and keeps v1 selectable", async () => {
    await summarizer().summarize({ ...article, source: { name: "Netflix TechBlog - Medium" } });
    await summarizer({ prompt: "summarize.v1" }).summarize(article);
    const [v2, v1] = server.requests.map((request) => JSON.stringify(request.body));
    expect(v2).toContain("third person");
    expect(v2).toContain("never use the first person");
    expect(v2).toContain("Published by: Netflix");
    expect(v2).not.toContain("TechBlog");
    expect(v1).not.toContain("third person");
    expect(v1).toContain('Do not start with \\"This article\\"');
  });

  it("names a personal blog's author, not the blog, as the one who did the work", async () => {
    await summarizer().summarize({
      ...article,
      source: { name: "Tender Lovemaking", author: "Aaron Patterson", isPersonal: true },
    });
    const [request] = server.requests.map((body) => JSON.stringify(body.body));
    expect(request).toContain("Published by: Aaron Patterson");
    expect(request).not.toContain("Tender Lovemaking");
  });

  // The summarizer sends at most 48,000 characters of an article, cut where capInput cuts. Cut
  // inside an emoji, the prompt held half a surrogate pair, which JSON carries as "\ud83d".
  it("never cuts a long article's text inside a character or a sentence", async () => {
    const cutEmoji = "x".repeat(47_999) + "😀".repeat(10);
    const sentences = "Zebras graze. ".repeat(4_000);
    await summarizer().summarize({ ...article, text: cutEmoji });
    await summarizer().summarize({ ...article, text: sentences });
    const [emojiPrompt, sentencePrompt] = server.requests.map((request) => {
      const messages = (request.body.messages ?? []) as { content: string }[];
      return messages.at(-1)?.content ?? "";
    });
    expect(emojiPrompt).toContain("x".repeat(47_999));
    expect(emojiPrompt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const count = (text: string) => (sentencePrompt ?? "").split(text).length - 1;
    expect(count("Zebras graze.")).toBeGreaterThan(3_000);
    expect(count("Zeb")).toBe(count("Zebras graze."));
  });

  it("replaces a field with a number or name not in the article and flags it", async () => {
    server.enqueue(
      reply(provider, {
        ...GROUNDED,
        why: "p99 latency fell by 45% after Stripe-style pooling, from 210 ms to 130 ms.",
      }),
    );
    const result = await summarizer().summarize(article);
    expect(result.summary).toBe(GROUNDED.summary);
    expect(result.why).toBe((await builtIn.summarize(article)).why);
    expect(result.ungrounded).toEqual([{ field: "why", claims: ["45", "Stripe-style"] }]);
    expect(result.fallback).toBeUndefined();
  });

  it("stops asking the model past the run's budget of articles", async () => {
    const budgeted = summarizer({ maxArticles: 2 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await budgeted.summarize(article));
    expect(server.requests).toHaveLength(2);
    expect(results.map((result) => result.fallback === undefined)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(results[3]?.fallback?.reason).toContain("budget of 2 articles");
  });

  it("asks nothing about an article without text: no summary rather than one made up from a title", async () => {
    const result = await summarizer().summarize({ ...article, text: " \n" });
    expect(server.requests).toHaveLength(0);
    expect(result).toMatchObject({ summary: "", why: "", readMinutes: 0 });
    expect(result.fallback).toBeUndefined();
  });

  it("stops asking the model past the run's budget of tokens", async () => {
    const budgeted = summarizer({ maxTokens: 100 });
    const result = await budgeted.summarize(article);
    expect(server.requests).toHaveLength(0);
    expect(result.fallback?.reason).toContain("budget of 100 tokens");
  });
});

describe("createSummarizer", () => {
  it("falls back for every article, without a request, when the official API has no key", async () => {
    const summarizer = createSummarizer(
      SummarizerConfig.parse({ provider: "anthropic", model: "claude-test" }),
      { env: {} },
    );
    const result = await summarizer.summarize(article);
    expect(result.fallback?.reason).toBe("the environment variable ANTHROPIC_API_KEY is not set");
  });

  it("is the built-in summarizer by default, and a custom vocabulary changes both ids", () => {
    expect(createSummarizer(SummarizerConfig.parse({}), { env: {} }).id).toBe("extractive@13");
    const vocabulary = [{ tag: "payments", category: "Backend", synonyms: ["checkout"] }];
    const extractive = createSummarizer(SummarizerConfig.parse({ vocabulary }), { env: {} });
    expect(extractive.id).toMatch(/^extractive@13\+vocabulary\.[0-9a-f]{8}$/);
    const llm = createSummarizer(
      SummarizerConfig.parse({ provider: "openai", model: "m", vocabulary }),
      { env: {} },
    );
    expect(llm.id).toBe(`openai:m:summarize.v2${extractive.id.slice("extractive@13".length)}`);
  });

  it("adds configured tags to the built-in vocabulary", async () => {
    const summarizer = createSummarizer(
      SummarizerConfig.parse({
        vocabulary: [{ tag: "connection-pooling", synonyms: ["connection", "pooler", "pooling"] }],
      }),
      { env: {} },
    );
    const result = await summarizer.summarize(article);
    expect(result.tags).toContain("connection-pooling");
    expect(result.tags).toContain("postgresql");
  });
});
