// OWASP, "CSV Injection": a spreadsheet runs a cell that begins with =, +, -, @, a tab or a
// carriage return as a formula (=HYPERLINK(…) can send the sheet's other cells anywhere). Such a
// cell is written with a single quote in front, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'[=+\-@\t\r]/;

/** The cell as a spreadsheet will show it as text: a leading formula character gets a quote. */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes escapeFormula, so that an export imports back as it was. */
export function unescapeFormula(cell: string): string {
  return ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
}
