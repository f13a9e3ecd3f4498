import { describe, expect, it } from "vitest";
import { capInput, MAX_INPUT_CHARS, withCappedInput } from "../../src/enrich/cap-input.js";
import { countReadMinutes } from "../../src/enrich/count-read-minutes.js";
import { createExtractiveSummarizer } from "../../src/enrich/index.js";
import type { SummarizeInput, Summarizer } from "../../src/enrich/types.js";

const PARAGRAPH =
  "The team moved the ingestion service to a new queue. Latency dropped by forty percent after the change.";

/** Paragraphs of `paragraph` until the text is at least `chars` long. */
function repeat(paragraph: string, chars: number): string {
  return Array.from({ length: Math.ceil(chars / (paragraph.length + 2)) }, () => paragraph).join(
    "\n\n",
  );
}

describe("capInput", () => {
  it("leaves an article under the cap as it is", () => {
    const input = { title: "t", text: repeat(PARAGRAPH, 10_000), html: "<p>x</p>" };
    expect(capInput(input)).toBe(input);
  });

  it("cuts a book-length text at the last paragraph break before the cap", () => {
    const text = repeat(PARAGRAPH, 10_000_000);
    const capped = capInput({ title: "t", text }).text;
    expect(capped.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(capped.length).toBeGreaterThan(MAX_INPUT_CHARS - PARAGRAPH.length - 2);
    expect(capped.endsWith(PARAGRAPH)).toBe(true);
    expect(text.startsWith(capped)).toBe(true);
  });

  it("cuts one endless paragraph at a sentence's end, and endless words anyway", () => {
    const prose = capInput({ title: "t", text: "It works. ".repeat(50_000) }, 1_000).text;
    expect(prose).toHaveLength(999);
    expect(prose.endsWith("It works.")).toBe(true);
    expect(capInput({ title: "t", text: "x".repeat(5_000) }, 1_000).text).toHaveLength(1_000);
  });

  it("cuts HTML after the last closed block before the cap", () => {
    const html = `<p>${PARAGRAPH}</p>`.repeat(100_000);
    const capped = capInput({ title: "t", text: "", html }).html ?? "";
    expect(capped.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(capped.endsWith("</p>")).toBe(true);
    expect(html.startsWith(capped)).toBe(true);
  });
});

describe("withCappedInput", () => {
  it("gives the summarizer the head of the article, and read minutes for all of it", async () => {
    const read: SummarizeInput[] = [];
    const recorder: Summarizer = {
      id: "recorder",
      summarize: async (input) => {
        read.push(input);
        return { summary: "", why: "", tags: [], category: "", readMinutes: 1 };
      },
    };
    const text = repeat(PARAGRAPH, 10_000_000);
    const summary = await withCappedInput(recorder).summarize({ title: "t", text });
    expect(read[0]?.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(summary.readMinutes).toBe(countReadMinutes(text));
    expect(summary.readMinutes).toBeGreaterThan(6_000);
  });
});

describe("the built-in summarizer on a book-length article", () => {
  // What lies past the cap is not read: a topic named only there gives no tag.
  it("reads its opening and body, not what lies past 200,000 characters", async () => {
    const opening = repeat(PARAGRAPH, MAX_INPUT_CHARS + 1_000);
    const tail = repeat(
      "We run every service on Kubernetes clusters with Kubernetes operators.",
      50_000,
    );
    const text = `${opening}\n\n${tail}`;
    const summary = await createExtractiveSummarizer().summarize({ title: "A new queue", text });
    expect(summary.tags).not.toContain("kubernetes");
    expect(summary.summary).toContain("ingestion service");
    expect(summary.readMinutes).toBe(countReadMinutes(text));
  });

  it("tags a topic named in its body as before", async () => {
    const text = `${repeat(PARAGRAPH, 5_000)}\n\n${repeat("We run every service on Kubernetes clusters with Kubernetes operators.", 5_000)}`;
    const summary = await createExtractiveSummarizer().summarize({ title: "A new queue", text });
    expect(summary.tags).toContain("kubernetes");
  });
});

describe("countReadMinutes", () => {
  it("counts words as runs of anything but white space, Unicode spaces included", () => {
    const text = "one\u00a0two\u2003three\u3000four\tfive\u2028six\ufeffseven\u200beight";
    expect(text.match(/\S+/g)).toHaveLength(7);
    expect(countReadMinutes(`${text} `.repeat(230 / 7 + 1))).toBe(1);
    expect(countReadMinutes(" \n\t")).toBe(0);
    expect(countReadMinutes("word ".repeat(230 * 3))).toBe(3);
    expect(countReadMinutes(`${text} `.repeat(2300))).toBe(Math.round((7 * 2300) / 230));
  });
});
