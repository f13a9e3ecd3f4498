import { describeError, GazetteError } from "../shared/errors.js";

/** Wraps a Handlebars error as TEMPLATE_INVALID naming `file:line`; GazetteErrors pass through. */
export function templateError(file: string, error: unknown, source?: string): GazetteError {
  if (error instanceof GazetteError) return error;
  const message = describeError(error);
  const unclosed = source !== undefined && / got 'EOF'/.test(message) ? findUnclosed(source) : null;
  if (unclosed) {
    return new GazetteError(
      "TEMPLATE_INVALID",
      `${file}:${unclosed.line}: {{#${unclosed.name}}} is never closed with {{/${unclosed.name}}}`,
      { cause: error },
    );
  }
  const line = lineOf(error, message);
  const where = line === undefined ? file : `${file}:${line}`;
  return new GazetteError("TEMPLATE_INVALID", `${where}: ${summarize(message)}`, { cause: error });
}

const TOKENS: Record<string, string> = {
  OPEN: "{{",
  OPEN_BLOCK: "{{#",
  OPEN_ENDBLOCK: "{{/",
  OPEN_INVERSE: "{{^",
  OPEN_PARTIAL: "{{>",
  CLOSE: "}}",
  EOF: "the end of the file",
  INVALID: "an invalid character",
};

// Jison's parse message is the excerpt, a caret line and a list of expected token names; the
// excerpt and the token it did not expect are what a theme editor can act on.
function summarize(message: string): string {
  const [first, excerpt, , expecting] = message.split("\n");
  if (!first?.startsWith("Parse error") || excerpt === undefined) return message;
  const got = /got '(\w+)'/.exec(expecting ?? "")?.[1];
  const unexpected = got ? `unexpected ${TOKENS[got] ?? got} ` : "";
  return `parse error: ${unexpected}in "${excerpt}"`;
}

function lineOf(error: unknown, message: string): number | undefined {
  const lineNumber = (error as { lineNumber?: unknown }).lineNumber;
  if (typeof lineNumber === "number") return lineNumber;
  const match = /Parse error on line (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

// Handlebars reports an unclosed block at the end of the file; the opening tag is what to fix.
function findUnclosed(source: string): { name: string; line: number } | null {
  const open: { name: string; line: number }[] = [];
  for (const match of source.matchAll(/\{\{~?\s*([#/])\s*(?:\*?)([\w.-]+)/g)) {
    const line = source.slice(0, match.index).split("\n").length;
    const name = match[2] ?? "";
    if (match[1] === "#") open.push({ name, line });
    else if (open.at(-1)?.name === name) open.pop();
  }
  return open.at(-1) ?? null;
}
