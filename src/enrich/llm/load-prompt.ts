import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { GazetteError } from "../../shared/errors.js";
import type { ChatPrompt } from "../types.js";

/** What a prompt template sees; the article is data and never part of the template's source. */
export interface PromptData {
  article: { title: string; text: string; url?: string | undefined };
  tags: readonly string[];
  categories: readonly string[];
  maxChars: number;
}

export interface PromptTemplate {
  /** The file's name without ".hbs", e.g. "summarize.v1": part of the cache key. */
  version: string;
  render(data: PromptData): ChatPrompt;
}

/** The line that ends the system part of a prompt file and starts the user part. */
const USER_MARKER = "{{!-- user --}}";
// The prompts shipped with Gazette, for a theme folder copied before prompts existed.
const BUILT_IN_DIR = new URL("../../../templates/prompts/", import.meta.url);

/** Loads `<templatesDir>/prompts/<name>.hbs`, else the built-in prompt of that name. */
export function loadPrompt(name: string, templatesDir?: string): PromptTemplate {
  const own = templatesDir === undefined ? undefined : path.join(templatesDir, "prompts");
  const file =
    own !== undefined && existsSync(path.join(own, `${name}.hbs`))
      ? path.join(own, `${name}.hbs`)
      : fileURLToPath(new URL(`${name}.hbs`, BUILT_IN_DIR));
  if (!existsSync(file)) {
    throw new GazetteError("CONFIG_INVALID", `summarizer.prompt: no prompt file ${name}.hbs`);
  }
  const source = readFileSync(file, "utf8");
  const at = source.indexOf(USER_MARKER);
  if (at < 0) {
    throw new GazetteError(
      "TEMPLATE_INVALID",
      `${file}: no "${USER_MARKER}" line before the user part`,
    );
  }
  // Its own instance: helpers or partials registered elsewhere never leak into prompts.
  const handlebars = Handlebars.create();
  const compile = (part: string) => {
    try {
      handlebars.parse(part); // compile() is lazy; parse now so a syntax error names the file
      return handlebars.compile(part, { noEscape: true });
    } catch (cause) {
      throw new GazetteError("TEMPLATE_INVALID", `${file}: ${String(cause)}`, { cause });
    }
  };
  const system = compile(source.slice(0, at));
  const user = compile(source.slice(at + USER_MARKER.length));
  return {
    version: name,
    render: (data) => ({ system: system(data).trim(), user: user(data).trim() }),
  };
}
