import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { formatDateRange, themeHelpers } from "../../src/render/theme-helpers.js";

function run(template: string, data: object = {}): string {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(themeHelpers)) hb.registerHelper(name, helper);
  return hb.compile(template, { noEscape: true })({ newsletter: { language: "en" }, ...data });
}

describe("theme helpers", () => {
  it.each([
    ["2026-11-09T00:00:00Z", "2026-11-22T00:00:00Z", "en", "Nov 9 – Nov 22, 2026"],
    ["2026-12-28T00:00:00Z", "2027-01-03T00:00:00Z", "en", "Dec 28, 2026 – Jan 3, 2027"],
    ["2026-11-22T23:30:00Z", "2026-11-29T23:30:00Z", "en-GB", "22 Nov – 29 Nov 2026"],
    ["2026-11-09T00:00:00Z", "2026-11-22T00:00:00Z", "de", "9. Nov. – 22. Nov. 2026"],
    // A period within one day (issue #1 composed right after its first collect) is one date.
    ["2026-12-06T08:00:00Z", "2026-12-06T20:30:00Z", "en", "Dec 6, 2026"],
  ])("dateRange %s – %s (%s) → %s", (start, end, locale, expected) => {
    expect(formatDateRange(new Date(start), new Date(end), locale)).toBe(expected);
  });

  it("uses the newsletter's language, and UTC, for dates", () => {
    const when = { at: new Date("2026-11-20T23:30:00Z") };
    expect(run("{{formatDate at}}", when)).toBe("Nov 20, 2026");
    expect(run("{{formatDate at}}", { ...when, newsletter: { language: "de" } })).toBe(
      "20. Nov. 2026",
    );
    expect(run("{{formatDate at}}", { ...when, newsletter: { language: "not a tag!" } })).toBe(
      "Nov 20, 2026",
    );
    expect(run("[{{formatDate missing}}]")).toBe("[]");
  });

  it("joins the facts that are there, and shows no read time for an item without text", () => {
    const line = '{{join " · " category (formatDate at) (readTime minutes)}}';
    const at = new Date("2026-11-20T12:00:00Z");
    expect(run(line, { category: "Data", at, minutes: 4 })).toBe(
      "Data · Nov 20, 2026 · 4 min read",
    );
    expect(run(line, { category: "Data", minutes: 0 })).toBe("Data");
    expect(run(line, { at, minutes: 1 })).toBe("Nov 20, 2026 · 1 min read");
    expect(run(line, {})).toBe("");
  });

  it("truncates at a word boundary and wraps plain text without breaking URLs", () => {
    expect(run('{{truncate "one two three four" 10}}')).toBe("one two…");
    const long = `${"word ".repeat(20)}https://example.com/${"x".repeat(80)}`;
    const lines = run("{{wrap text}}", { text: long }).split("\n");
    expect(lines.every((line) => line.length <= 72 || line.startsWith("https://"))).toBe(true);
    expect(lines.at(-1)).toBe(`https://example.com/${"x".repeat(80)}`);
  });
});
