import Handlebars from "handlebars";
import { GazetteError } from "../shared/errors.js";
import { collapseWhitespace, type IssueView } from "./build-view.js";
import { templateError } from "./template-error.js";
import { themeHelpers } from "./theme-helpers.js";

/**
 * Renders the subject line once per issue. The subject is a header, not HTML: no escaping, but
 * feed text is folded onto one line and a template that itself writes CR or LF is rejected.
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
  return collapseWhitespace(subject);
}

function collapseStrings(value: unknown): unknown {
  if (typeof value === "string") return collapseWhitespace(value);
  if (Array.isArray(value)) return value.map(collapseStrings);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, collapseStrings(v)]));
  }
  return value;
}
