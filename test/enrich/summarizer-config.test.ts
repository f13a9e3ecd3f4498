import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/index.js";

const base = `newsletter: { name: T, baseUrl: "https://n.example.com", postalAddress: "1 St" }
sender: { from: "T <t@n.example.com>" }
feeds: [{ url: "https://blog.example/feed" }]
lists: [{ id: weekly, name: Weekly }]
`;
const parse = (summarizer: string, env: NodeJS.ProcessEnv = {}) =>
  parseConfigText(`${base}${summarizer}`, "gazette.yaml", env).summarizer;

describe("summarizer config", () => {
  it.each(["", "summarizer: {}", "summarizer: { provider: extractive }"])(
    "keeps the built-in summarizer the default (%j)",
    (text) => {
      expect(parse(text)).toMatchObject({ provider: "extractive" });
    },
  );

  it("fills the OpenAI and Anthropic defaults", () => {
    expect(parse("summarizer: { provider: openai, model: gpt-4o-mini }")).toMatchObject({
      baseUrl: "https://api.openai.com/v1",
      apiKeyEnv: "OPENAI_API_KEY",
      maxConcurrency: 4,
      retries: 3,
      timeout: "60s",
      prompt: "summarize.v2",
    });
    expect(parse("summarizer: { provider: anthropic, model: claude-haiku-4-5 }")).toMatchObject({
      baseUrl: "https://api.anthropic.com",
      apiKeyEnv: "ANTHROPIC_API_KEY",
    });
  });

  it.each([
    [
      "summarizer: { provider: openai, model: m, apiKey: sk-123 }",
      /summarizer\.apiKey: unknown key/,
    ],
    [
      "summarizer: { provider: openia, model: m }",
      /summarizer\.provider: must be "extractive", "openai" or "anthropic"/,
    ],
    ["summarizer: { provider: anthropic }", /summarizer\.model: is required/],
    ["summarizer: { provider: openai, model: m, maxArticles: 0 }", /summarizer\.maxArticles/],
    [
      "summarizer: { vocabulary: [{ tag: Big Data }] }",
      /summarizer\.vocabulary\[0\]\.tag: must be lowercase kebab-case/,
    ],
    [
      "summarizer: { vocabulary: [{ tag: x, category: Nope }] }",
      /summarizer\.vocabulary\[0\]\.category: Invalid option/,
    ],
  ])("refuses %s", (text, message) => {
    expect(() => parse(text)).toThrow(message);
  });
});
