import { describeError, GazetteError } from "../shared/errors.js";
import type { Theme } from "./load-templates.js";
import { locateRenderedLine } from "./locate-line.js";

interface MjmlProblem {
  line: number;
  message: string;
  tagName: string;
}

/**
 * Compiles the Handlebars-rendered MJML to HTML, once per issue. Validation is strict: MJML's
 * default "soft" level reports errors and renders anyway. MJML takes ~0.6 s to load, so it is
 * imported here, on first use, never when this module is imported.
 */
export async function compileMjml(
  mjml: string,
  theme: Pick<Theme, "mjmlFile" | "sources">,
): Promise<string> {
  const { default: mjml2html } = await import("mjml");
  try {
    const result = await mjml2html(mjml, {
      validationLevel: "strict",
      keepComments: false,
      // The theme uses a system font stack; no web font links.
      fonts: {},
      // Partials are Handlebars partials; <mj-include> would read files MJML's way, unchecked.
      ignoreIncludes: true,
    });
    return trimIndentation(result.html);
  } catch (error) {
    throw new GazetteError("TEMPLATE_INVALID", describeMjmlError(error, mjml, theme), {
      cause: error,
    });
  }
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
  error: unknown,
  mjml: string,
  theme: Pick<Theme, "mjmlFile" | "sources">,
): string {
  const problems = (error as { errors?: unknown }).errors;
  if (!Array.isArray(problems) || problems.length === 0) {
    return `${theme.mjmlFile} (rendered): ${describeError(error)}`;
  }
  const lines = mjml.split("\n");
  const described = (problems as MjmlProblem[]).map((problem) => {
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
