import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/index.js";
import { plainTitle } from "../../src/ingest/normalize/plain-title.js";

const now = new Date("2025-03-06T12:00:00Z");
const feedUrl = "https://hostile.example.com/feed.json";
const SIZE = 200 * 1024;

/** The fastest of three runs, in milliseconds: the least disturbed by the rest of the machine. */
function fastest(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

// Each once took time quadratic in its length: a lazy or backtracking search from every one of
// thousands of starting points, each scanning to the end of the title.
const HOSTILE_TITLES: [string, string][] = [
  ["unclosed comments", repeatTo("<!--a>", SIZE)],
  ["unclosed code elements", repeatTo("<script a>", SIZE)],
  ["unclosed block elements", repeatTo("<p>x", SIZE)],
  ["a tag with a long run of spaces", `<a${" ".repeat(SIZE)}`],
  ["declarations without an end", repeatTo("<!a", SIZE)],
];
const HOSTILE_AUTHORS: [string, string][] = [
  ["at signs", "@".repeat(SIZE)],
  ["an address with parentheses", `a@b${"(".repeat(SIZE)}`],
  ["spaces before nothing", `${" ".repeat(SIZE)}x`],
  ["angle brackets with at signs", repeatTo("<a@", SIZE)],
];

describe("the title and author cleaners take linear time", () => {
  // A benign title of the same length sets the scale; a quadratic cleaner is hundreds of times
  // slower on these inputs, a linear one within a small factor.
  const benign = fastest(() => plainTitle(repeatTo("Caching at the edge ", SIZE)));

  it.each(HOSTILE_TITLES)("a title of %s", (_name, title) => {
    expect(fastest(() => plainTitle(title))).toBeLessThan(Math.max(benign, 5) * 25);
  });

  it.each(HOSTILE_AUTHORS)("an author of %s, read from a feed", async (_name, author) => {
    const document = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "Hostile",
      items: [
        {
          id: "1",
          url: "https://hostile.example.com/1",
          title: "One",
          authors: [{ name: author }],
        },
      ],
    });
    let elapsed = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const feed = await parseFeed(document, { feedUrl, now });
      elapsed = Math.min(elapsed, performance.now() - start);
      expect(feed.items).toHaveLength(1);
    }
    expect(elapsed).toBeLessThan(Math.max(benign, 5) * 25);
  });

  it("keeps what the old patterns produced on ordinary markup", () => {
    expect(plainTitle("<!-- note -->Intro <!-- unclosed")).toBe("Intro");
    expect(plainTitle('<script src="x">alert(1)</script>Safe')).toBe("Safe");
    expect(plainTitle("<p>One</p><p>Two</p>")).toBe("One Two");
    expect(plainTitle("<p>Unclosed paragraph")).toBe("<p>Unclosed paragraph");
    expect(plainTitle('<div class="t">Wrapped</div>')).toBe("Wrapped");
  });
});

describe("control characters never reach a title, a name or an author", () => {
  it.each([
    ["NUL", "Before\u0000after", "Beforeafter"],
    ["ESC of a terminal sequence", "Red \u001b[31malert", "Red [31malert"],
    ["a decoded reference to a control", "Bell&#7; rings", "Bell rings"],
    ["C1 CSI", "Split\u009b2J screen", "Split2J screen"],
    ["noncharacters", "A\uFFFEB\uFFFFC", "ABC"],
    ["a line break", "Two\nlines", "Two lines"],
    // An unclosed RLO reverses what follows it on the line: the subject's "+ 3 more", the rest
    // of a card, the archive's issue line. Marks (LRM, RLM) only place neutral text: they stay.
    ["a right-to-left override", "Ship it \u202egnp.exe", "Ship it gnp.exe"],
    ["embeddings and isolates", "\u202aA\u202c \u2066B\u2069 \u2067C\u2068D", "A B CD"],
    ["no bidirectional mark", "\u05e9\u05dc\u05d5\u05dd\u200f!", "\u05e9\u05dc\u05d5\u05dd\u200f!"],
  ])("drops %s", (_name, raw, expected) => {
    expect(plainTitle(raw)).toBe(expected);
  });

  it("cleans an item's title, author, tags and content, and the feed's title", async () => {
    const document = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "Feed\u0000 name\u202e",
      items: [
        {
          id: "nul\u0000-1",
          url: "https://hostile.example.com/1",
          title: "A NUL\u0000 title",
          authors: [{ name: "\u202dJane\u0000 Doe" }],
          tags: ["to\u0000ols"],
          content_html: "<p>Text\u0000 with \u001b[2J a \u202eNUL</p>",
        },
      ],
    });
    const feed = await parseFeed(document, { feedUrl, now });
    expect(feed.title).toBe("Feed name");
    const [item] = feed.items;
    expect(item).toMatchObject({
      guid: "nul-1",
      title: "A NUL title",
      author: "Jane Doe",
      categories: ["tools"],
      contentText: "Text with [2J a NUL",
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(item?.contentHtml).not.toMatch(/[\u0000-\u0008\u001b\u202e]/);
  });
});

describe("a title of megabytes is cut to one line's length", () => {
  // An issue shows every title (cards, "Also published", the subject): one such title from a
  // hostile feed put the whole email over its size budget, and the list's issue failed.
  const words = repeatTo("Caching at the edge ", 1024 * 1024);
  const document = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: words,
    items: [
      { id: "1", url: "https://hostile.example.com/1", title: words, authors: [{ name: words }] },
      { id: "2", url: "https://hostile.example.com/2", content_text: "x".repeat(1024 * 1024) },
    ],
  });

  it("cuts the feed's and each item's title and author at a word, ending in …", async () => {
    const feed = await parseFeed(document, { feedUrl, now });
    const [titled, untitled] = feed.items;
    for (const line of [feed.title, titled?.title, titled?.author, untitled?.title]) {
      expect(line?.length).toBeLessThanOrEqual(300);
      expect(line).toMatch(/…$/);
    }
    expect(titled?.title).toMatch(/^Caching at the edge Caching .* edge…$/);
  });
});
