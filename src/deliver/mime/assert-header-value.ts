import { GazetteError } from "../../shared/errors.js";

const MAX_SHOWN = 60;

/** Throws HEADER_INVALID when a header value holds CR, LF, NUL or another control character. */
export function assertHeaderValue(header: string, value: string): string {
  // A line break lets feed or config text start a header of its own (header injection).
  if (/[\r\n\0]/.test(value)) invalidHeader(header, "contains a line break or NUL", value);
  // RFC 5322 unstructured text is printable characters and white space; TAB is white space.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0001-\u0008\u000b-\u001f\u007f-\u009f]/.test(value))
    invalidHeader(header, "contains a control character", value);
  return value;
}

/** Throws HEADER_INVALID unless `name` is an RFC 5322 field name: printable ASCII, no colon. */
export function assertHeaderName(name: string): string {
  if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name))
    invalidHeader(name, "is not a valid header name", name);
  return name;
}

/** Throws HEADER_INVALID naming the header and showing the value (quoted, truncated). */
export function invalidHeader(header: string, problem: string, value: string): never {
  const shown =
    value.length > MAX_SHOWN
      ? `${JSON.stringify(value.slice(0, MAX_SHOWN))}…`
      : JSON.stringify(value);
  throw new GazetteError("HEADER_INVALID", `${header}: ${problem}: ${shown}`);
}
