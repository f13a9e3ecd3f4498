import Handlebars from "handlebars";
import { dropLineControls } from "../shared/control-characters.js";
import { GazetteError } from "../shared/errors.js";
import { collapseWhitespace, type IssueView } from "./build-view.js";
import { templateError } from "./template-error.js";
import { themeHelpers } from "./theme-helpers.js";

/** The longest subject, in characters: mail clients show ~60, and RFC 5322 lines end at 998 octets. */
export const MAX_SUBJECT_LENGTH = 150;

/**
 * Renders the subject line once per issue. The subject is a header, not HTML: no escaping, but
 * feed text is folded onto one line without control characters, a template that itself writes
 * CR or LF is rejected, and a subject longer than MAX_SUBJECT_LENGTH is cut at a word with "…"
 * (nodemailer then folds it within RFC 5322's line limit).
 */
export function renderSubject(subjectTemplate: string, view: IssueView): string {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(themeHelpers)) hb.registerHelper(name, helper);
  const { recipient: _perRecipient, ...issueData } = view;
  let subject: string;
  try {
    subject = hb.compile(subjectTemplate, { noEscape: true, strict: false })(
      collapseStrings(issueData),
    );
  } catch (error) {
    throw templateError("subject template", error, subjectTemplate);
  }
  subject = subject.trim();
  if (/[\r\n]/.test(subject)) {
    throw new GazetteError(
      "HEADER_INVALID",
      `the subject template produces a line break: ${JSON.stringify(subject)}`,
    );
  }
  return capLength(collapseWhitespace(dropLineControls(subject)), MAX_SUBJECT_LENGTH);
}

function capLength(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  const cut = characters.slice(0, max - 1).join("");
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

function collapseStrings(value: unknown): unknown {
  if (typeof value === "string") return collapseWhitespace(dropLineControls(value));
  if (Array.isArray(value)) return value.map(collapseStrings);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, collapseStrings(v)]));
  }
  return value;
}
