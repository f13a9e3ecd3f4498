import { GazetteError } from "../shared/errors.js";
import type { Theme } from "./load-templates.js";
import { locateRenderedLine } from "./locate-line.js";
import { compileInMjmlThread } from "./mjml-thread.js";
import type { MjmlProblem } from "./mjml-worker.js";

/**
 * Compiles the Handlebars-rendered MJML to HTML, once per issue. Validation is strict: MJML's
 * default "soft" level reports errors and renders anyway. MJML takes ~0.6 s to load and stays
 * out of this thread: it runs in a worker thread of its own, started on first use.
 */
export async function compileMjml(
  mjml: string,
  theme: Pick<Theme, "mjmlFile" | "sources">,
): Promise<string> {
  const answer = await compileInMjmlThread(mjml);
  if ("html" in answer) return trimIndentation(answer.html);
  throw new GazetteError("TEMPLATE_INVALID", describeMjmlError(answer, mjml, theme));
}

// MJML's output is about a third indentation. Gmail clips a message past 102 KB, so drop the
// whitespace that starts a line; never inside <pre> or <textarea>, where it shows.
function trimIndentation(html: string): string {
  return html
    .split(/(<(pre|textarea)\b[\s\S]*?<\/\2>)/i)
    .map((part, i) => (i % 3 === 0 ? part.replace(/\n\s+/g, "\n") : i % 3 === 1 ? part : ""))
    .join("");
}

function describeMjmlError(
  failure: { error: string; problems?: MjmlProblem[] },
  mjml: string,
  theme: Pick<Theme, "mjmlFile" | "sources">,
): string {
  const { problems } = failure;
  if (!problems || problems.length === 0) return `${theme.mjmlFile} (rendered): ${failure.error}`;
  const lines = mjml.split("\n");
  const described = problems.map((problem) => {
    const rendered = (lines[problem.line - 1] ?? "").trim();
    const sources = locateRenderedLine(rendered, theme.sources);
    // MJML counts lines of the rendered document; name the template lines that produce it.
    const origin = sources.length > 0 && sources.length <= 3 ? `from ${sources.join(", ")}; ` : "";
    const quoted = JSON.stringify(rendered.slice(0, 120));
    return `  line ${problem.line} <${problem.tagName}>: ${problem.message} (${origin}${quoted})`;
  });
  return [
    `${theme.mjmlFile}: MJML validation failed (line numbers of the rendered document):`,
    ...described,
  ].join("\n");
}
