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
