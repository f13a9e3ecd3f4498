import { GazetteError } from "../shared/errors.js";

/** An option's value that must be a positive whole number (`--limit 30`); else a usage error. */
export function countOption(name: string, text: string): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count <= 0) {
    throw new GazetteError("USAGE", `${name}: "${text}" is not a positive whole number`);
  }
  return count;
}
