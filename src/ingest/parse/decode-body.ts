import iconv from "iconv-lite";
import type { FetchedDocument } from "../types.js";

const BOMS: ReadonlyArray<[bytes: number[], encoding: string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0x00, 0x00, 0xfe, 0xff], "utf-32be"],
  [[0xff, 0xfe, 0x00, 0x00], "utf-32le"],
  [[0xfe, 0xff], "utf-16be"],
  [[0xff, 0xfe], "utf-16le"],
];

// XML 1.0 Appendix F: a BOM-less UTF-16/32 document still starts with "<" in its own encoding.
const WIDE_PROLOGS: ReadonlyArray<[bytes: number[], encoding: string]> = [
  [[0x3c, 0x00, 0x00, 0x00], "utf-32le"],
  [[0x00, 0x00, 0x00, 0x3c], "utf-32be"],
  [[0x3c, 0x00, 0x3f, 0x00], "utf-16le"],
  [[0x00, 0x3c, 0x00, 0x3f], "utf-16be"],
];

/**
 * Decodes a feed's raw bytes. The encoding is taken from, in order: a byte order mark (or UTF-16/32
 * bytes), the Content-Type charset, the XML declaration; else UTF-8. A declared UTF-8 that the
 * bytes are not is skipped (servers often label legacy files utf-8), falling back to windows-1252,
 * unless the bytes are mostly UTF-8: then the few broken sequences become U+FFFD. A declared
 * legacy encoding over bytes that are well-formed UTF-8 beyond ASCII is wrong: they are UTF-8.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  const fromBom = matchPrefix(bytes, BOMS);
  if (fromBom) return iconv.decode(bytes, fromBom);
  const sniffed = matchPrefix(bytes, WIDE_PROLOGS);
  if (sniffed) return iconv.decode(bytes, sniffed);
  const declared = [charsetOf(contentType), prologEncoding(bytes)];
  for (const label of declared) {
    const encoding = label === undefined ? undefined : normalizeEncoding(label);
    if (encoding === undefined) continue;
    if (encoding !== "utf-8") return decodeLegacy(bytes, encoding);
    const text = decodeStrictUtf8(bytes);
    if (text !== undefined) return text;
  }
  return decodeStrictUtf8(bytes) ?? decodeMostlyUtf8(bytes) ?? iconv.decode(bytes, "windows-1252");
}

// Servers label XML "charset=ISO-8859-1" by default, a site moved to UTF-8 keeps its old
// "windows-1251" or "koi8-r", and templates copy a declaration, whatever the bytes are. Bytes that
// are well-formed UTF-8 with characters beyond ASCII are UTF-8: text in a legacy encoding forms
// such sequences almost never (Latin's "Ã©" must be followed by the right byte; Cyrillic letters
// and the CJK encodings' common lead bytes cannot start or continue one).
function decodeLegacy(bytes: Uint8Array, encoding: string): string {
  const isAscii = bytes.every((byte) => byte < 0x80);
  return (!isAscii && decodeStrictUtf8(bytes)) || iconv.decode(bytes, encoding);
}

// More well-formed multi-byte characters than broken bytes: a UTF-8 file with a few bad bytes (a
// truncated copy, a stray byte), not a legacy file, whose other characters must survive.
function decodeMostlyUtf8(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder("utf-8").decode(bytes);
  let broken = 0;
  let wellFormed = 0;
  for (const char of text) {
    if (char === "\uFFFD") broken++;
    else if (char.charCodeAt(0) > 0x7f) wellFormed++;
  }
  return wellFormed > broken ? text : undefined;
}

function matchPrefix(
  bytes: Uint8Array,
  table: ReadonlyArray<[bytes: number[], encoding: string]>,
): string | undefined {
  return table.find(([prefix]) => prefix.every((byte, index) => bytes[index] === byte))?.[1];
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*["']?([^;"'\s]+)/i)?.[1];
}

function prologEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every ASCII-compatible encoding, so latin1 reads it safely.
  const head = Buffer.from(bytes.subarray(0, 512)).toString("latin1");
  return head.match(/^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/)?.[1];
}

function normalizeEncoding(label: string): string | undefined {
  const lower = label.trim().toLowerCase();
  if (lower === "utf-8" || lower === "utf8") return "utf-8";
  // WHATWG Encoding: browsers read latin1 and ASCII labels as windows-1252, and so do feeds' authors.
  if (["iso-8859-1", "iso8859-1", "latin1", "us-ascii", "ascii"].includes(lower)) {
    return "windows-1252";
  }
  // A declared UTF-16/32 without a BOM or wide bytes is a lie we have already ruled out.
  if (["utf-16", "utf16", "utf-32", "utf32"].includes(lower)) return undefined;
  return iconv.encodingExists(lower) ? lower : undefined;
}

function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The text of a fetched document (see decodeBody). */
export function documentText(document: FetchedDocument): string {
  return typeof document === "string" ? document : decodeBody(document.bytes, document.contentType);
}
