import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { GazetteError } from "../shared/errors.js";
import { findPartials } from "./find-partials.js";
import { templateError } from "./template-error.js";
import { themeHelpers } from "./theme-helpers.js";

type Helpers = Record<string, (...args: unknown[]) => unknown>;
/** Runs one template of the theme; `helpers` adds per-render helpers to the theme's own. */
export type RenderTemplate = (data: object, helpers?: Helpers) => string;

/** A theme folder parsed and checked: what renderIssue runs, what the CLI validates. */
export interface Theme {
  /** Display path (`<templatesDir>/issue.mjml`) of the MJML document. */
  mjmlFile: string;
  renderMjml: RenderTemplate;
  renderText: RenderTemplate;
  /** Every file's source by display path, to map MJML errors back to a line. */
  sources: Map<string, string>;
}

const MJML_FILE = "issue.mjml";
const TEXT_FILE = "issue.txt.hbs";

/** Reads, parses and cross-checks a theme; every problem is a TEMPLATE_INVALID naming file:line. */
export async function loadTemplates(templatesDir: string): Promise<Theme> {
  const sources = new Map<string, string>();
  const partialNames = await listPartials(templatesDir);
  const load = async (file: string) => {
    const path = join(templatesDir, file);
    const source = await readFile(path, "utf8").catch((cause: unknown) => {
      throw new GazetteError("TEMPLATE_INVALID", `${path}: cannot read the template`, { cause });
    });
    sources.set(path, source);
    return { path, source };
  };
  // Two instances: HTML escapes every {{value}}; plain text must not contain &amp;.
  const html = new ThemeInstance(Handlebars.create(), {});
  const text = new ThemeInstance(Handlebars.create(), { noEscape: true });
  for (const name of partialNames) {
    const extension = name.endsWith(".mjml") ? ".mjml" : ".txt.hbs";
    const target = extension === ".mjml" ? html : text;
    target.addPartial(name.slice(0, -extension.length), await load(`partials/${name}`));
  }
  const renderMjml = html.compile(await load(MJML_FILE));
  const renderText = text.compile(await load(TEXT_FILE));
  html.checkPartials(templatesDir, ".mjml");
  text.checkPartials(templatesDir, ".txt.hbs");
  return { mjmlFile: join(templatesDir, MJML_FILE), renderMjml, renderText, sources };
}

async function listPartials(templatesDir: string): Promise<string[]> {
  const names = await readdir(join(templatesDir, "partials")).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  });
  return names.filter((name) => name.endsWith(".mjml") || name.endsWith(".txt.hbs")).sort();
}

class ThemeInstance {
  private readonly uses: { file: string; name: string; line: number }[] = [];
  private readonly defined = new Set<string>();

  constructor(
    private readonly hb: typeof Handlebars,
    private readonly options: CompileOptions,
  ) {
    for (const [name, helper] of Object.entries(themeHelpers)) hb.registerHelper(name, helper);
  }

  addPartial(name: string, file: { path: string; source: string }): void {
    const render = this.compile(file);
    this.hb.registerPartial(name, (data: object, options?: Handlebars.RuntimeOptions) =>
      render(data, undefined, options),
    );
    this.defined.add(name);
  }

  compile({ path, source }: { path: string; source: string }) {
    let ast: hbs.AST.Program;
    try {
      ast = this.hb.parse(source);
    } catch (error) {
      throw templateError(path, error, source);
    }
    const { uses, inline } = findPartials(ast);
    for (const use of uses) if (!inline.has(use.name)) this.uses.push({ file: path, ...use });
    const template = this.hb.compile(ast, { ...this.options, strict: false });
    return (data: object, helpers?: Helpers, options?: Handlebars.RuntimeOptions): string => {
      try {
        return template(data, helpers ? { ...options, helpers } : options);
      } catch (error) {
        throw templateError(path, error);
      }
    };
  }

  checkPartials(templatesDir: string, extension: string): void {
    const missing = this.uses.find((use) => !this.defined.has(use.name));
    if (!missing) return;
    const expected = join(templatesDir, "partials", `${missing.name}${extension}`);
    throw new GazetteError(
      "TEMPLATE_INVALID",
      `${missing.file}:${missing.line}: partial "${missing.name}" not found (expected ${expected})`,
    );
  }
}
