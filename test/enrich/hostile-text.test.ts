import { describe, expect, it } from "vitest";
import { createExtractiveSummarizer } from "../../src/enrich/index.js";
import { findCode } from "../../src/enrich/text-defects.js";
import { fastest } from "../helpers/fastest.js";

// The summarizer runs on the main thread over whatever a feed sent: each of these once took time
// quadratic in its length (50 KB: 2 to 9 s; the 10 MB a feed may be, hours), a pattern tried
// from each character of a run and scanning to its end every time.
const SIZE = 50 * 1024;
const HOSTILE: [string, string][] = [
  ["a run of ellipses", "…"],
  ["a run of full stops", "."],
  ["one long word", "a"],
  ["a sentence of titles that never ends", "Mr. "],
  ["a chain of initials", "A."],
];

describe("the extractive summarizer takes time linear in the text", () => {
  const summarizer = createExtractiveSummarizer();
  const summarize = (text: string) =>
    summarizer.summarize({ title: "Caching", text, source: { name: "Hostile" } });
  const prose = "The team moved the cache to the edge, and latency fell by half. ";

  it.each(HOSTILE)("%s", async (_name, unit) => {
    const benign = await fastest(() => summarize(prose.repeat(Math.ceil(SIZE / prose.length))), 2);
    const hostile = unit.repeat(Math.ceil(SIZE / unit.length));
    expect(await fastest(() => summarize(hostile), 2)).toBeLessThan(Math.max(benign, 20) * 15);
  });

  it("still finds a struct literal at the start of its chain", () => {
    expect(findCode("use %Game.Player{} here")).toBe('struct literal "%Game.Player{}"');
    expect(findCode("use http.Client{Timeout} here")).toBe('struct literal "Client{Timeout}"');
    expect(findCode("A.B.C{}")).toBe('struct literal "A.B.C{}"');
  });
});
