import { dropLineControls } from "../shared/control-characters.js";

/**
 * A line for the terminal with its interpolated values (feed text, names) cleaned: control
 * characters dropped, line breaks and tabs turned into spaces. An ESC or CSI from a feed would
 * otherwise reach the operator's terminal as an escape sequence (recolour, retitle, clear).
 * The template's own text (tabs between columns) is kept.
 */
export function terminalLine(strings: TemplateStringsArray, ...values: unknown[]): string {
  let line = strings[0] ?? "";
  values.forEach((value, i) => {
    line += terminalText(String(value ?? "")) + (strings[i + 1] ?? "");
  });
  return line;
}

/** One value for the terminal: see terminalLine. */
export function terminalText(text: string): string {
  return dropLineControls(text);
}

// What a terminal acts on instead of showing: C0 controls but TAB and LF, a CR not ending a line,
// DEL, C1 controls and the bidirectional overrides (see shared/control-characters.ts).
const TERMINAL_CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// The same in bytes, for a write of a Buffer: C0 controls and DEL (a UTF-8 sequence holds none).
const TERMINAL_CONTROL_BYTES = new Set([
  ...Array.from({ length: 32 }, (_, byte) => byte).filter((byte) => ![9, 10, 13].includes(byte)),
  127,
]);

/**
 * Guards a terminal: when `stream` is one, every write to it has its control characters dropped.
 * Each value a command prints is cleaned where it is printed (terminalLine); this catches any
 * that is not: an SMTP server's reply, a bounce's diagnostic, a model server's error, a value
 * stored before it was cleaned. Output to a file or a pipe is data, and is written whole.
 */
export function guardTerminal(stream: NodeJS.WriteStream): void {
  if (!stream.isTTY) return;
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(
      typeof chunk === "string"
        ? chunk.replace(TERMINAL_CONTROLS, "")
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.filter((byte) => !TERMINAL_CONTROL_BYTES.has(byte)))
          : chunk,
      ...rest,
    )) as typeof stream.write;
}
