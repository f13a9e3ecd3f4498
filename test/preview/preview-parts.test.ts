import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLinks } from "../../src/server/preview/check-links.js";
import { createLiveReload } from "../../src/server/preview/live-reload.js";
import { readFixture } from "../../src/server/preview/read-fixture.js";
import { sizeLevel } from "../../src/server/preview/size-level.js";

describe("checkLinks", () => {
  it.each([
    ["https://example.com/a", undefined],
    ["mailto:editor@example.com", undefined],
    ["/relative/path", "not an absolute URL"],
    ["", "empty"],
    ["https://exa mple.com", "contains white space"],
    ["javascript:alert(1)", "scheme javascript: does not work in email"],
    ["ftp://example.com/file", "scheme ftp: does not work in email"],
    ["http://", "not an absolute URL"],
    ["#card-1", undefined],
    ["#card-2", "no element with this id in the email"],
  ])("%j → %s", (href, problem) => {
    const result = checkLinks(`<p id="card-1"><a href="${href}">link</a></p>`);
    expect(result.checked).toBe(1);
    expect(result.problems[0]?.problem).toBe(problem);
  });

  it("checks images too: data: is fine, mailto: is not", () => {
    const result = checkLinks(
      '<img src="data:image/png;base64,AAAA" alt="a"><img src="mailto:x@example.com" alt="b"><img src="logo.png" alt="c">',
    );
    expect(result.problems.map((p) => p.label)).toEqual(["image b", "image c"]);
  });
});

describe("sizeLevel", () => {
  it.each([
    [50 * 1024, "ok"],
    [90 * 1024, "ok"],
    [90 * 1024 + 1, "warn"],
    [102 * 1024, "warn"],
    [102 * 1024 + 1, "over"],
  ])("%i bytes → %s", (bytes, level) => {
    expect(sizeLevel(bytes)).toBe(level);
  });
});

describe("createLiveReload", () => {
  it("bumps the version once for a burst of writes in a watched folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-watch-"));
    const live = createLiveReload({ paths: [dir], debounceMs: 100 });
    try {
      const changed = new Promise<number>((resolve) => live.subscribe(resolve));
      writeFileSync(path.join(dir, "issue.mjml"), "<mjml></mjml>");
      writeFileSync(path.join(dir, "issue.mjml"), "<mjml><mj-body></mj-body></mjml>");
      expect(await changed).toBe(2);
      expect(live.version()).toBe(2);
    } finally {
      live.close();
    }
  });

  it("bumps when the store's signature changes, not on its first reading", async () => {
    let signature = "a";
    let reads = 0;
    const live = createLiveReload({
      paths: [],
      signature: async () => {
        reads += 1;
        return signature;
      },
      pollMs: 20,
      debounceMs: 10,
    });
    try {
      // Wait for two polls with the same answer: no change yet.
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (reads >= 2) {
            clearInterval(check);
            resolve();
          }
        }, 5);
      });
      expect(live.version()).toBe(1);
      const changed = new Promise<number>((resolve) => live.subscribe(resolve));
      signature = "b";
      expect(await changed).toBe(2);
    } finally {
      live.close();
    }
  });
});

describe("readFixture", () => {
  it("turns the ISO dates of a saved model back into Dates", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "gazette-fixture-")), "issue.json");
    writeFileSync(
      file,
      JSON.stringify({
        newsletter: {
          name: "N",
          baseUrl: "https://n.example",
          language: "en",
          postalAddress: "1 St",
        },
        list: { id: "weekly", name: "Weekly" },
        issue: {
          number: 3,
          periodStart: "2026-01-01T00:00:00.000Z",
          periodEnd: "2026-01-08T00:00:00.000Z",
          webUrl: "https://n.example/a",
        },
        articles: [
          {
            id: 1,
            title: "T",
            url: "https://a.example",
            source: "S",
            publishedAt: "2026-01-02T10:00:00.000Z",
            category: "C",
            readMinutes: 2,
            summary: "",
            why: "",
            tags: [],
          },
        ],
      }),
    );
    const model = await readFixture(file);
    expect(model.issue.periodEnd).toEqual(new Date("2026-01-08T00:00:00.000Z"));
    expect(model.articles[0]?.publishedAt).toEqual(new Date("2026-01-02T10:00:00.000Z"));
  });

  it("names the file when it is not an issue model", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "gazette-fixture-")), "bad.json");
    writeFileSync(file, JSON.stringify({ articles: [] }));
    await expect(readFixture(file)).rejects.toThrow(/bad\.json: expected an issue model/);
  });
});
