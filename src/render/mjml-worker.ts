import { parentPort } from "node:worker_threads";
import { describeError } from "../shared/errors.js";

// The worker thread behind compileMjml (see mjml-thread.ts): MJML is loaded here, never in the
// thread that sends, and goes away with this thread.

export interface MjmlRequest {
  id: number;
  mjml: string;
}

/** One validation error, as MJML reports it (line numbers of the document it was given). */
export interface MjmlProblem {
  line: number;
  message: string;
  tagName: string;
}

export type MjmlAnswer =
  | { id: number; html: string }
  | { id: number; error: string; problems?: MjmlProblem[] };

parentPort?.on("message", async ({ id, mjml }: MjmlRequest) => {
  parentPort?.postMessage(await compile(id, mjml));
});

async function compile(id: number, mjml: string): Promise<MjmlAnswer> {
  try {
    const { default: mjml2html } = await import("mjml");
    const result = await mjml2html(mjml, {
      // MJML's default "soft" level reports errors and renders anyway.
      validationLevel: "strict",
      keepComments: false,
      // The theme uses a system font stack; no web font links.
      fonts: {},
      // Partials are Handlebars partials; <mj-include> would read files MJML's way, unchecked.
      ignoreIncludes: true,
    });
    return { id, html: result.html };
  } catch (error) {
    const errors = (error as { errors?: unknown }).errors;
    const problems = Array.isArray(errors)
      ? (errors as MjmlProblem[]).map(({ line, message, tagName }) => ({ line, message, tagName }))
      : undefined;
    return { id, error: describeError(error), ...(problems && { problems }) };
  }
}
