import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/index.js";
import { sanitizeContent } from "../../src/ingest/normalize/sanitize-content.js";
import { feedFixture, linksIn } from "./fixtures.js";

const now = new Date("2025-03-06T12:00:00Z");
const base = "https://blog.example.com/posts/one";

describe("hostile feed", () => {
  const parse = () =>
    parseFeed(feedFixture("hostile.xml"), { feedUrl: "https://hostile.example.com/feed", now });

  it("leaves no script, handler, frame or dangerous URL in the content", async () => {
    const [item] = (await parse()).items;
    const html = item?.contentHtml ?? "";
    for (const forbidden of [
      /<script/i,
      /<style/i,
      /<iframe/i,
      /<svg/i,
      /<object/i,
      /<embed/i,
      /<form/i,
      /<input/i,
      /\son\w+=/i,
      /javascript:/i,
      /vbscript:/i,
      /data:/i,
      /style=/i,
      /class=/i,
      /target=/i,
    ]) {
      expect(html).not.toMatch(forbidden);
    }
    expect(linksIn(html)).toEqual([
      "https://hostile.example.com/safe",
      "https://cdn.example.com/pic.png",
    ]);
  });

  it("keeps the harmless text, an iframe's fallback included, and maps h1 to h2", async () => {
    const [item] = (await parse()).items;
    expect(item?.contentText).toBe(
      "Hello world.\n\niframe fallback text\n\njs link encoded js vbs data link safe link\n\nBig heading",
    );
    expect(item?.contentHtml).toMatch(/<h2>Big heading<\/h2>$/);
  });

  it("keeps titles as literal plain text: template syntax and tag-like text untouched", async () => {
    const feed = await parse();
    expect(feed.title).toBe('Hostile <script>alert("channel")</script>Feed');
    expect(feed.items.map((item) => item.title)).toEqual([
      "{{constructor.constructor('return process')()}} <script>alert(1)</script>Tricky title",
      // Escaped twice in the XML: decoded once as XML and once as HTML, and still only text.
      "Escaped twice: <script>alert(1)</script> is just text",
    ]);
  });
});

describe("sanitizeContent", () => {
  it.each([
    ["a relative link", '<a href="../two">x</a>', '<a href="https://blog.example.com/two">x</a>'],
    [
      "a root-relative image",
      '<img src="/i.png" alt="i">',
      '<img src="https://blog.example.com/i.png" alt="i" />',
    ],
    [
      "a lazy-loaded image",
      '<img src="data:image/gif;base64,R0lG" data-src="/real.png">',
      '<img src="https://blog.example.com/real.png" />',
    ],
    ["an image with no usable source", '<p><img src="javascript:x()"></p>', "<p></p>"],
    ["a mailto link", '<a href="mailto:a@b.example">m</a>', '<a href="mailto:a@b.example">m</a>'],
    ["a mailto image", '<img src="mailto:a@b.example">', ""],
    ["a tab-split javascript: link", '<a href="java\tscript:x()">j</a>', "<a>j</a>"],
    ["an entity-split javascript: link", '<a href="&#106;avascript:x()">j</a>', "<a>j</a>"],
    ["an h1", "<h1>Top</h1>", "<h2>Top</h2>"],
    ["a div and span", "<div><span>inline</span></div>", "inline"],
    [
      "a table",
      '<table><tr><td colspan="2" style="x">c</td></tr></table>',
      '<table><tr><td colspan="2">c</td></tr></table>',
    ],
    ["code", "<pre><code>a &lt; b</code></pre>", "<pre><code>a &lt; b</code></pre>"],
  ])("%s", (_case, input, expected) => {
    expect(sanitizeContent(input, base)).toBe(expected);
  });

  it("drops relative links it cannot resolve", () => {
    expect(sanitizeContent('<a href="/x">x</a><img src="/y.png">', undefined)).toBe("<a>x</a>");
  });

  it("reads markup nested over 1,000 deep as its text, and keeps an article's unclosed paragraphs", () => {
    const deep = `${"<blockquote>".repeat(1_001)}<script>x()</script>deep <b>text</b>${"</blockquote>".repeat(1_001)}`;
    const flat = sanitizeContent(deep, base);
    expect(flat).toMatch(/deep text$/);
    expect(flat).not.toContain("<");
    // Paragraphs and list items whose end tags HTML lets a page leave out, and void elements.
    const sloppy = `${"<p>para<br><img src=/a.png>".repeat(1_500)}<ul>${"<li>item".repeat(1_500)}</ul>`;
    const kept = sanitizeContent(sloppy, base);
    expect(kept.match(/<p>/g)).toHaveLength(1_500);
    expect(kept.match(/<li>/g)).toHaveLength(1_500);
  });
});
