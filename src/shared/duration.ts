import { z } from "zod";

const IS_DURATION = 'must be a duration such as "30s", "15m", "2h" or "7d"';

/** A duration in config: a number and a unit, "500ms", "30s", "15m", "2h", "7d". */
export const Duration = z
  // `lookback: 7` forgot its unit: told what a duration is, as `lookback: 7 days` is.
  .string({ error: (issue) => (issue.input === undefined ? undefined : IS_DURATION) })
  .regex(/^\d+(ms|s|m|h|d)$/, IS_DURATION);

/** Milliseconds in a duration string such as "20s" or "7d". */
export function parseDuration(value: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
  if (!match) throw new Error(`not a duration: ${value}`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "ms"];
  return Number(match[1]) * unit;
}
