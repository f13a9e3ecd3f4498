import { CronExpressionParser } from "cron-parser";
import { validate as nodeCronReads } from "node-cron";
import { firstFiring } from "./next-run.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const FIELDS = ["minute", "hour", "day-of-month", "month", "day-of-week"];
// Years to look ahead for a first firing: "0 0 29 2 *" fires once in four years.
const LOOKAHEAD_MS = 8 * 366 * 24 * 3_600_000;

/**
 * Why the scheduler cannot run `cron` in `timezone`, or undefined when it can, in words for the
 * operator that name the field at fault. It asks both parsers the scheduler uses — node-cron,
 * which fires the job, and cron-parser, which names the slot (nextRun, currentSlot) — and then
 * asks for a first firing: an expression that parses but never fires is refused too.
 */
export function cronProblem(cron: string, timezone = "UTC", now = new Date()): string | undefined {
  const fields = cron.trim().split(/\s+/);
  if (cron.trim() === "") return "it is empty";
  if (fields.length !== 5 && fields.length !== 6)
    return `it has ${fields.length} field${fields.length === 1 ? "" : "s"}, not five (or six, with seconds first)`;
  let first: Date;
  try {
    first = firstFiring(cron, timezone, now);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const never = /day of month/i.test(reason) ? neverFires(fields) : undefined;
    return fieldProblem(fields) ?? never ?? `cron-parser cannot read it (${reason})`;
  }
  if (first.getTime() - now.getTime() > LOOKAHEAD_MS)
    return "it never fires in the next eight years";
  if (!nodeCronReads(cron))
    return fieldProblem(fields) ?? "node-cron, which fires the schedule, cannot read it";
  return undefined;
}

/**
 * The first field that either parser refuses on its own (every other field `*`), said in our
 * words: cron-parser's ("Validation error, cannot resolve alias "day"") name no field.
 */
function fieldProblem(fields: string[]): string | undefined {
  const names = fields.length === 6 ? ["second", ...FIELDS] : FIELDS;
  for (const [index, value] of fields.entries()) {
    const alone = fields.map((_, i) => (i === index ? value : "*")).join(" ");
    let reason: string | undefined;
    try {
      CronExpressionParser.parse(alone);
      if (!nodeCronReads(alone)) reason = "is not one node-cron, which fires the schedule, reads";
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reason = inOurWords(message, names[index], value);
    }
    if (reason !== undefined) return `the ${names[index]} field "${value}" ${reason}`;
  }
  return undefined;
}

/** cron-parser's reason for one field, said as what is wrong with it. */
function inOurWords(reason: string, field: string | undefined, value: string): string {
  if (/cannot resolve alias/.test(reason)) {
    if (field === "day-of-week") return "is not a day (0–7, or MON … SUN)";
    if (field === "month") return "is not a month (1–12, or JAN … DEC)";
    return "is not a number";
  }
  const range = /got (?:value|range) (\S+) expected range (\d+)-(\d+)/.exec(reason);
  if (range) {
    const [, found, min, max] = range;
    return found === value ? `is outside ${min}–${max}` : `has ${found}, outside ${min}–${max}`;
  }
  if (/Invalid characters/.test(reason))
    return "has a character no cron field takes (only digits, names, * , - and /)";
  return `is not valid (cron-parser: ${reason})`;
}

// "0 8 31 2 *": cron-parser says "Invalid explicit day of month definition"; say which.
function neverFires(fields: string[]): string | undefined {
  const [day, month] = fields.length === 6 ? fields.slice(3, 5) : fields.slice(2, 4);
  if (day === undefined || month === undefined) return undefined;
  const months = month
    .split(",")
    .map((value) => MONTHS[Number(value) - 1] ?? value)
    .join(", ");
  return `it never fires (no day ${day} in ${months})`;
}
