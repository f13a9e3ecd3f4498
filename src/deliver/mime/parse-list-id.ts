import { assertHeaderValue, invalidHeader } from "./assert-header-value.js";

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
// RFC 2919: list-id = list-label "." list-id-namespace, both dot-atom text.
const LIST_ID = new RegExp(`^${ATOM}(\\.${ATOM})+$`);

/** A List-Id split into nodemailer's `list.id` shape: the id, and the name as a comment. */
export interface ListIdParts {
  url: string;
  comment?: string;
}

/** Reads `Name <id.domain>` or a bare `id.domain`; throws HEADER_INVALID on anything else. */
export function parseListId(listId: string): ListIdParts {
  assertHeaderValue("List-Id", listId);
  const bracketed = /^(.*?)\s*<([^<>]*)>\s*$/s.exec(listId.trim());
  const id = (bracketed?.[2] ?? listId).trim();
  if (!LIST_ID.test(id)) invalidHeader("List-Id", "is not of the form name <label.domain>", listId);
  const name = unquote(bracketed?.[1]?.trim() ?? "");
  // nodemailer quotes or encodes the name itself, so it must arrive unquoted.
  return name ? { url: id, comment: name } : { url: id };
}

function unquote(phrase: string): string {
  const quoted = /^"(.*)"$/s.exec(phrase);
  return quoted?.[1] !== undefined ? quoted[1].replace(/\\(.)/g, "$1") : phrase;
}
