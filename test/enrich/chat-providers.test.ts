import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SummarizerConfig } from "../../src/config/summarizer-config.js";
import type { SummarizeInput } from "../../src/enrich/index.js";
import { createSummarizer } from "../../src/enrich/index.js";
import { CHAT_PROVIDER_NAMES, CHAT_PROVIDERS } from "../../src/enrich/llm/chat-providers.js";

// A summarizer provider is its adapter file plus one entry in CHAT_PROVIDERS: the config section
// and the missing-key check are built from the entry.
const article = JSON.parse(
  readFileSync(new URL("../fixtures/articles/postgres-pooling.json", import.meta.url), "utf8"),
) as SummarizeInput;

describe("the chat provider registry", () => {
  it.each(CHAT_PROVIDER_NAMES)("makes %s a summarizer section with its defaults", (provider) => {
    const config = SummarizerConfig.parse({ provider, model: "m" });
    expect(config).toMatchObject({
      provider,
      baseUrl: CHAT_PROVIDERS[provider].baseUrl,
      apiKeyEnv: CHAT_PROVIDERS[provider].apiKeyEnv,
    });
  });

  it("names every registered provider when one is unknown", () => {
    const result = SummarizerConfig.safeParse({ provider: "nope", model: "m" });
    const names = ["extractive", ...CHAT_PROVIDER_NAMES].map((name) => `"${name}"`);
    expect(result.error?.issues[0]?.message).toBe(
      `must be ${names.slice(0, -1).join(", ")} or ${names.at(-1)}`,
    );
  });

  it.each(CHAT_PROVIDER_NAMES)(
    "falls back without a request when %s's official endpoint has no key",
    async (provider) => {
      const summarizer = createSummarizer(SummarizerConfig.parse({ provider, model: "m" }), {
        env: {},
        fetch: () => Promise.reject(new Error("no request may be made")),
      });
      const result = await summarizer.summarize(article);
      expect(result.fallback?.reason).toBe(
        `the environment variable ${CHAT_PROVIDERS[provider].apiKeyEnv} is not set`,
      );
    },
  );
});
