const HEX = new Uint8Array(Buffer.from("0123456789ABCDEF", "latin1"));
const encoder = new TextEncoder();
// RFC 2045 §6.7: encoded lines are at most 76 characters, the "=" of a soft break included.
const MAX_LINE = 76;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const EQUALS = 61;
const DOT = 46;

// Bytes written as they are: printable ASCII but "=" (RFC 2045 rule 2). Space and tab are too,
// unless they end a line (rule 3); everything else becomes =XX.
const LITERAL = new Uint8Array(256);
for (let byte = 33; byte < 127; byte++) LITERAL[byte] = byte === EQUALS ? 0 : 1;

// Printable ASCII but "=", not starting with a blank or a dot nor ending with a blank: written as
// it is by the rules below, when it fits on one line.
const SELF_ENCODING =
  /^[\x21-\x2d\x2f-\x3c\x3e-\x7e](?:[\x20-\x3c\x3e-\x7e]*[\x21-\x3c\x3e-\x7e])?$/;

/**
 * Quoted-printable (RFC 2045) of a text body, as one ASCII string with CRLF line ends: LF and CRLF
 * become line breaks, long lines get soft breaks. One pass over the UTF-8 bytes into a buffer
 * allocated once, with a table lookup per byte, because it runs twice for every message of a
 * bulk send. A continued text (`isContinued`) is followed by a soft break: its last line is kept
 * one character shorter, for the "=".
 */
export function encodeQuotedPrintable(text: string, isContinued = false): string {
  // The last line leaves room for the "=" of the soft break that follows a continued text.
  const lastLine = isContinued ? MAX_LINE - 1 : MAX_LINE;
  // Most values a body is filled with (an address, a link) are their own encoding.
  if (text.length <= lastLine && SELF_ENCODING.test(text)) return text;
  // Plain Uint8Arrays, not Buffers: V8 keeps the element access in the loop monomorphic.
  const input = encoder.encode(text);
  const length = input.length;
  // Worst case: every byte as =XX (3) plus a 3-byte soft break per 24 bytes, and CRLF per LF.
  const out = new Uint8Array(length * 4 + 8);
  let at = 0;
  let column = 0;
  for (let i = 0; i < length; i++) {
    const byte = input[i] as number;
    if (LITERAL[byte] === 1) {
      // Room for this byte and, unless the line ends right after it, a soft break's "=".
      if (column >= MAX_LINE - 1 && !endsLineAfter(input, i, isContinued)) {
        out[at++] = EQUALS;
        out[at++] = CR;
        out[at++] = LF;
        column = 0;
      }
      // A dot that starts a line is written =2E: SMTP would have to double it on the wire (RFC
      // 5321 §4.5.2), which costs the transport a copy of every message, and a lone "." line
      // ends the message for a relay that forgets to.
      if (byte === DOT && column === 0) {
        out[at++] = EQUALS;
        out[at++] = HEX[DOT >> 4] as number;
        out[at++] = HEX[DOT & 15] as number;
        column = 3;
        continue;
      }
      out[at++] = byte;
      column++;
      continue;
    }
    if (byte === LF || (byte === CR && input[i + 1] === LF)) {
      if (byte === CR) i++;
      out[at++] = CR;
      out[at++] = LF;
      column = 0;
      continue;
    }
    const isLast = endsLineAfter(input, i, isContinued);
    if ((byte === SPACE || byte === TAB) && !isLast) {
      if (column >= MAX_LINE - 1) {
        out[at++] = EQUALS;
        out[at++] = CR;
        out[at++] = LF;
        column = 0;
      }
      out[at++] = byte;
      column++;
      continue;
    }
    if (column + 3 > (isLast ? MAX_LINE : MAX_LINE - 1)) {
      out[at++] = EQUALS;
      out[at++] = CR;
      out[at++] = LF;
      column = 0;
    }
    out[at++] = EQUALS;
    out[at++] = HEX[byte >> 4] as number;
    out[at++] = HEX[byte & 15] as number;
    column += 3;
  }
  return Buffer.from(out.buffer, 0, at).toString("latin1");
}

/**
 * True when the byte at `i` is the last of its line: a line break follows, or the end of a text
 * that is not continued (a soft break follows a continued one).
 */
function endsLineAfter(input: Uint8Array, i: number, isContinued: boolean): boolean {
  const next = input[i + 1];
  if (next === undefined) return !isContinued;
  return next === LF || (next === CR && input[i + 2] === LF);
}

/**
 * A quoted-printable encoder for many bodies that share most of their lines (one issue filled
 * for each recipient). QP is line-local — a hard line break resets the line length — so each
 * line's encoding can be reused. The first body seeds the cache and later ones only read it, so
 * memory stays flat however many recipients follow; their personal lines are encoded afresh.
 */
export function createQuotedPrintableEncoder(): (text: string) => string {
  let cache: Map<string, string> | undefined;
  return (text) => {
    const lines = text.split("\n");
    const seed = cache === undefined ? new Map<string, string>() : undefined;
    const encoded = lines.map((line) => {
      // A CR before the LF belongs to the line break, not to the line.
      const bare = line.endsWith("\r") ? line.slice(0, -1) : line;
      const hit = (cache ?? seed)?.get(bare);
      if (hit !== undefined) return hit;
      const result = encodeQuotedPrintable(bare);
      seed?.set(bare, result);
      return result;
    });
    cache ??= seed;
    return encoded.join("\r\n");
  };
}
