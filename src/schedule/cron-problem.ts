import { CronExpressionParser } from "cron-parser";

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
// Years to look ahead for a first firing: "0 0 29 2 *" fires once in four years.
const LOOKAHEAD_MS = 8 * 366 * 24 * 3_600_000;

/**
 * Why the scheduler cannot run `cron` in `timezone`, or undefined when it can. It asks
 * cron-parser, exactly as the scheduler does (nextRun, currentSlot, startSchedules), and then
 * asks for a first firing: an expression that parses but never fires is refused too.
 */
export function cronProblem(cron: string, timezone = "UTC", now = new Date()): string | undefined {
  let first: Date;
  try {
    first = CronExpressionParser.parse(cron, { currentDate: now, tz: timezone }).next().toDate();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/day of month/i.test(reason)) return neverFires(cron) ?? reason;
    return reason;
  }
  if (first.getTime() - now.getTime() > LOOKAHEAD_MS) return "never fires in the next eight years";
  return undefined;
}

// "0 8 31 2 *": cron-parser says "Invalid explicit day of month definition"; say which.
function neverFires(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/);
  const [day, month] = fields.length === 6 ? fields.slice(3, 5) : fields.slice(2, 4);
  if (day === undefined || month === undefined) return undefined;
  const months = month
    .split(",")
    .map((value) => MONTHS[Number(value) - 1] ?? value)
    .join(", ");
  return `never fires: no day ${day} in ${months}`;
}
