import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderArchiveFeed } from "../../src/archive/render-archive-feed.js";

// XML 1.0's Char production: TAB, LF, CR, then U+0020 on, without surrogates and U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

describe("the archive's Atom feed", () => {
  it("stays well-formed XML when a stored subject or title holds control characters", () => {
    const xml = renderArchiveFeed(
      {
        newsletterName: "Gazette\u0007 Weekly",
        listName: "Weekly",
        language: "en",
        baseUrl: "https://news.example.com/archive/weekly/",
      },
      [
        {
          number: 1,
          subject: "Issue with a NUL\u0000 and an ESC\u001b[31m",
          sentAt: new Date("2026-12-01T08:00:00Z"),
          url: "https://news.example.com/archive/weekly/1.html",
          articleTitles: ["A\uFFFE title", "Form\u000cfeed & <tags>"],
        },
      ],
    );
    expect(xml).not.toMatch(NOT_XML_CHAR);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<title>Issue with a NUL and an ESC[31m</title>");
    expect(xml).toContain("<summary>A title · Formfeed &amp; &lt;tags&gt;</summary>");
  });
});
