import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBody } from "../../src/ingest/parse/decode-body.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));
const prolog = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>`;
const text = "<rss><title>Café — Grüße “quoted” 日本</title></rss>";

describe("decodeBody", () => {
  it("reads a windows-1252 file declared only in its XML prolog", () => {
    const body = decodeBody(fixture("windows-1252.xml"));
    expect(body).toContain("<title>Café Engineering — legacy</title>");
    expect(body).toContain("Grüße aus München — “café” notes");
    expect(body).not.toContain("\uFFFD");
  });

  it("falls back to the prolog when the server wrongly says utf-8", () => {
    const body = decodeBody(fixture("windows-1252.xml"), "application/rss+xml; charset=utf-8");
    expect(body).toContain("Café Engineering — legacy");
    expect(body).not.toContain("\uFFFD");
  });

  it.each([
    {
      case: "a UTF-8 BOM beats the HTTP charset",
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      contentType: "text/xml; charset=windows-1252",
      expected: text,
    },
    {
      case: "UTF-16LE with a BOM",
      bytes: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode(prolog("utf-16") + text, "utf-16le"),
      ]),
      contentType: undefined,
      expected: prolog("utf-16") + text,
    },
    {
      case: "UTF-16BE without a BOM, sniffed from '<?'",
      bytes: iconv.encode(prolog("UTF-16") + text, "utf-16be"),
      contentType: "text/xml; charset=utf-8",
      expected: prolog("UTF-16") + text,
    },
    {
      case: "the HTTP charset beats the prolog",
      bytes: iconv.encode(`${prolog("utf-8")}<t>日本語のブログ</t>`, "shift_jis"),
      contentType: 'application/xml; charset="Shift_JIS"',
      expected: `${prolog("utf-8")}<t>日本語のブログ</t>`,
    },
    {
      case: "ISO-8859-1 read as windows-1252 (smart quotes survive)",
      bytes: iconv.encode(`${prolog("ISO-8859-1")}<t>“naïve” – ok</t>`, "windows-1252"),
      contentType: undefined,
      expected: `${prolog("ISO-8859-1")}<t>“naïve” – ok</t>`,
    },
    {
      // Apache's default for XML, over a UTF-8 feed: read as Latin it was "CafÃ© â€” GrÃ¼ÃŸe".
      case: "UTF-8 bytes under an HTTP charset of ISO-8859-1 are UTF-8",
      bytes: Buffer.from(text),
      contentType: "text/xml; charset=ISO-8859-1",
      expected: text,
    },
    {
      case: "UTF-8 bytes under a copied ISO-8859-1 declaration are UTF-8",
      bytes: Buffer.from(`${prolog("iso-8859-1")}${text}`),
      contentType: undefined,
      expected: `${prolog("iso-8859-1")}${text}`,
    },
    {
      // A Russian site moved to UTF-8 that kept its old label: read as KOI8-R it was "п²п╬п╡п╬я│я┌п╦".
      case: "UTF-8 bytes under an HTTP charset of KOI8-R are UTF-8",
      bytes: Buffer.from("<t>Новости: café</t>"),
      contentType: "application/rss+xml; charset=koi8-r",
      expected: "<t>Новости: café</t>",
    },
    {
      case: "UTF-8 bytes under a copied windows-1251 declaration are UTF-8",
      bytes: Buffer.from(`${prolog("windows-1251")}<t>Блог</t>`),
      contentType: undefined,
      expected: `${prolog("windows-1251")}<t>Блог</t>`,
    },
    {
      case: "windows-1251 from the HTTP charset",
      bytes: iconv.encode("<t>Новости блога</t>", "windows-1251"),
      contentType: "text/xml; charset=windows-1251",
      expected: "<t>Новости блога</t>",
    },
    {
      case: "EUC-KR from the prolog",
      bytes: iconv.encode(`${prolog("euc-kr")}<t>한국어 블로그 소식</t>`, "euc-kr"),
      contentType: undefined,
      expected: `${prolog("euc-kr")}<t>한국어 블로그 소식</t>`,
    },
    {
      case: "ISO-8859-15 from the prolog",
      bytes: iconv.encode(`${prolog("iso-8859-15")}<t>5 €</t>`, "iso-8859-15"),
      contentType: "text/xml",
      expected: `${prolog("iso-8859-15")}<t>5 €</t>`,
    },
    {
      case: "UTF-8 by default",
      bytes: Buffer.from(text),
      contentType: undefined,
      expected: text,
    },
    {
      case: "an unknown charset is ignored",
      bytes: Buffer.from(text),
      contentType: "text/xml; charset=x-made-up",
      expected: text,
    },
  ])("$case", ({ bytes, contentType, expected }) => {
    const body = decodeBody(bytes, contentType);
    expect(body).toBe(expected);
    expect(body).not.toContain("\uFFFD");
  });
});
