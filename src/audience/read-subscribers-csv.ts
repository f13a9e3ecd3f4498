import { GazetteError } from "../shared/errors.js";
import { checkEmail, normalizeEmail, printableEmail } from "./email-address.js";
import { unescapeFormula } from "./escape-formula.js";
import type { MembershipStatus } from "./ports.js";
import { readCsvRows } from "./read-csv-rows.js";
import { subscriberName } from "./subscriber-name.js";

/** One valid row of a subscribers CSV. */
export interface SubscriberRecord {
  line: number;
  email: string;
  name?: string;
  /** List ids from the `lists` column (separated by ; or |); empty means "the default list(s)". */
  lists: string[];
  /** From a `status` column (an export read back); new memberships get it, default active. */
  status?: MembershipStatus;
}

export interface CsvProblem {
  line: number;
  message: string;
}

const EMAIL_HEADER = /^(e-?mail|e-?mail[ _-]?address|mail)$/;
const STATUSES: readonly string[] = ["pending", "active", "unsubscribed", "bounced", "complained"];

interface Columns {
  email: number;
  name?: number;
  /** Mailchimp and the like split the name: "First Name", "Last Name". */
  firstName?: number;
  lastName?: number;
  lists?: number;
  status?: number;
}

// Header names read, lowercased with spaces, dashes and underscores removed; any other column is
// named in a warning, so nobody loses a column without knowing.
const HEADERS: Record<string, keyof Omit<Columns, "email">> = {
  name: "name",
  fullname: "name",
  firstname: "firstName",
  fname: "firstName",
  givenname: "firstName",
  lastname: "lastName",
  lname: "lastName",
  surname: "lastName",
  familyname: "lastName",
  lists: "lists",
  list: "lists",
  status: "status",
};

/**
 * Streams a subscribers CSV, one row at a time, as records or problems with their line numbers.
 * Header detection: a first row with an "email" column is a header (other columns: name, lists,
 * status); a first row whose first cell is an address means there is none (email, name, lists).
 */
export async function* readSubscribersCsv(
  file: string,
  options: { onWarning?: (warning: CsvProblem) => void } = {},
): AsyncGenerator<SubscriberRecord | CsvProblem> {
  let columns: Columns | undefined;
  for await (const { record, line } of readCsvRows(file)) {
    if (!columns) {
      columns = detectColumns(record, file, options.onWarning);
      if (!("isHeaderless" in columns)) continue;
    }
    yield toRecord(record, line, columns);
  }
}

/** True for a problem row. */
export function isProblem(row: SubscriberRecord | CsvProblem): row is CsvProblem {
  return "message" in row;
}

function detectColumns(
  first: string[],
  file: string,
  onWarning?: (warning: CsvProblem) => void,
): Columns & { isHeaderless?: true } {
  const names = first.map((cell) => cell.trim().toLowerCase());
  const email = names.findIndex((name) => EMAIL_HEADER.test(name));
  if (email >= 0) {
    const columns: Columns = { email };
    const ignored: string[] = [];
    names.forEach((name, index) => {
      if (index === email) return;
      const field = HEADERS[name.replace(/[\s_-]+/g, "")];
      if (field && columns[field] === undefined) columns[field] = index;
      else if (name !== "")
        ignored.push(`"${printableEmail(first[index]?.trim() ?? "").slice(0, 40)}"`);
    });
    if (ignored.length > 0)
      onWarning?.({
        line: 1,
        message: `column${ignored.length === 1 ? "" : "s"} ${ignored.join(", ")} ignored (Gazette reads email, name or first and last name, lists, status)`,
      });
    return columns;
  }
  if (normalizeEmail((first[0] ?? "").trim()))
    return { email: 0, name: 1, lists: 2, isHeaderless: true };
  throw new GazetteError(
    "CSV_INVALID",
    `${file}:1: no "email" column in the header row, and no email address in the first column`,
  );
}

function toRecord(cells: string[], line: number, columns: Columns): SubscriberRecord | CsvProblem {
  // An export's cells come back as they were before escapeFormula quoted them.
  const cell = (index: number | undefined) =>
    index === undefined ? "" : unescapeFormula((cells[index] ?? "").trim());
  const raw = cell(columns.email);
  const check = checkEmail(raw);
  if (!check.ok)
    return {
      line,
      message: `"${printableEmail(raw.slice(0, 200))}" is not a valid email address: it ${check.reason}`,
    };
  const email = check.address;
  const named = subscriberName(
    cell(columns.name) ||
      [cell(columns.firstName), cell(columns.lastName)].filter(Boolean).join(" "),
  );
  if ("problem" in named) return { line, message: named.problem };
  const { name } = named;
  const status = cell(columns.status).toLowerCase();
  if (status && !STATUSES.includes(status))
    return {
      line,
      message: `status "${status.slice(0, 40)}" is not one of ${STATUSES.join(", ")}`,
    };
  const lists = cell(columns.lists)
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    line,
    email,
    ...(name ? { name } : {}),
    lists,
    ...(status ? { status: status as MembershipStatus } : {}),
  };
}
