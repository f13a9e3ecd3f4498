import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { GazetteError } from "../shared/errors.js";
import { orList } from "../shared/or-list.js";
import { schemeHint } from "../shared/scheme-hint.js";
import { describeUnion, describeWrongType } from "./describe-union.js";
import { interpolateEnv } from "./interpolate-env.js";
import { suggestKey } from "./key-suggestion.js";
import { Config, DEFAULT_TEMPLATES, SummarizerConfig, TransportConfig } from "./schema.js";

export const DEFAULT_CONFIG_PATH = "config/gazette.yaml";

/** The theme that ships with Gazette: what an unset `templates` means when the config's folder has none. */
export const BUILT_IN_THEME_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file it came from. */
  file: string;
  /** Absolute data directory (GAZETTE_DATA_DIR wins over the file). */
  dataDir: string;
  /** Absolute templates directory. */
  templatesDir: string;
  /** The folder relative paths in the file are resolved against: the config file's own. */
  baseDir: string;
  /** What the config asks for but will not get, said once when a command starts. */
  warnings: string[];
}

export interface LoadOptions {
  /** `--config`; falls back to GAZETTE_CONFIG, then config/gazette.yaml. */
  path?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Reads, interpolates and validates the config file. Order: YAML parse → ${ENV} interpolation →
 * schema validation → environment overrides. Every problem is reported at once, with its key path
 * and line, in one CONFIG_INVALID error.
 */
export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = path.resolve(cwd, options.path || env.GAZETTE_CONFIG || DEFAULT_CONFIG_PATH);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new GazetteError(
      "CONFIG_NOT_FOUND",
      `${file}: config file not found. Pass --config PATH or set GAZETTE_CONFIG.`,
    );
  }
  const source = readFileSync(file, "utf8");
  // Paths in the file mean the same wherever gazette runs from; GAZETTE_DATA_DIR, given on the
  // command line's side, follows the working directory like any other argument.
  const baseDir = path.dirname(file);
  const config = parseConfigText(source, file, env, baseDir);
  const dataDir = env.GAZETTE_DATA_DIR
    ? path.resolve(cwd, env.GAZETTE_DATA_DIR)
    : path.resolve(baseDir, config.dataDir);
  const warnings =
    config.sender.unsubscribeMailto && !config.inbox
      ? [
          `gazette: ${file}: sender.unsubscribeMailto is set but no inbox: is configured to read it; the mailto is left out of List-Unsubscribe until one is.`,
        ]
      : [];
  const templatesDir = themeDir(baseDir, config.templates);
  // Every theme path absolute, so a reader of `config` (the welcome email) needs no baseDir.
  const resolved: Config = {
    ...config,
    templates: templatesDir,
    lists: config.lists.map((list) =>
      list.template ? { ...list, template: path.resolve(baseDir, list.template) } : list,
    ),
  };
  return { config: resolved, file, dataDir, templatesDir, baseDir, warnings };
}

/**
 * The theme folder: `templates` read from the config file's folder. Left at its default and
 * missing there (a config written outside a checkout), it is the theme Gazette ships.
 */
function themeDir(baseDir: string, templates: string): string {
  const dir = path.resolve(baseDir, templates);
  const isDefault = templates === DEFAULT_TEMPLATES;
  return isDefault && !existsSync(path.join(dir, "issue.mjml")) ? BUILT_IN_THEME_DIR : dir;
}

/**
 * Parses config text; `file` is only used in messages. With `baseDir`, files the config names
 * (`subscribersFile`) must exist there. Exported for tests and `gazette check`.
 */
export function parseConfigText(
  source: string,
  file: string,
  env: NodeJS.ProcessEnv,
  baseDir?: string,
): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((error) => {
      // Without prettyErrors the yaml library leaves linePos unset: the line is counted here.
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
      return `  ${file}${line ? `:${line}` : ""}: ${yamlProblem(error.message.split("\n")[0] ?? "")}`;
    });
    throw configError(file, lines);
  }

  const problems: string[] = [];
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    // The aliases of a "billion laughs" file: the yaml library refuses to expand them.
    const message = yamlProblem(error instanceof Error ? error.message : String(error));
    throw configError(file, [`  ${file}: ${message}`]);
  }
  const unset: string[] = [];
  const raw = interpolateEnv(value, [], env, (keyPath, name) => {
    unset.push(formatPath(keyPath));
    problems.push(
      `  ${locate(file, doc, lineCounter, keyPath)} ${formatPath(keyPath)}: environment variable ${name} is not set; set it (export ${name}=…) or give a default in the file: \${${name}:-…}`,
    );
  });
  if (raw === null || typeof raw !== "object") {
    throw configError(file, [`  ${file}: the file is empty or not a mapping of keys`]);
  }

  // Parsed once per process: zod's compiled fast path for objects (`new Function`) costs more to
  // build than this one parse takes (issue 17 §6: a quarter of `gazette status`'s config check).
  const result = Config.safeParse(raw, { jitless: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      // A key left empty by an unset variable is said once, as that ("Invalid URL" added nothing).
      if (unset.includes(formatPath(issuePath(issue)))) continue;
      problems.push(...describeIssue(issue, file, doc, lineCounter, raw));
    }
  }
  if (problems.length > 0) throw configError(file, problems);
  const config = result.data as Config;
  applyEnvOverrides(config, env, file);
  const where = (keyPath: (string | number)[]) => locate(file, doc, lineCounter, keyPath);
  checkRules(config, file, where);
  if (baseDir !== undefined) checkFiles(config, file, baseDir, where);
  return config;
}

/** Files the config names that every run reads: a missing one is a config error, not a crash. */
function checkFiles(
  config: Config,
  file: string,
  baseDir: string,
  where: (keyPath: string[]) => string,
): void {
  const configured = config.subscribersFile;
  if (configured === undefined) return;
  const resolved = path.resolve(baseDir, configured);
  if (existsSync(resolved) && statSync(resolved).isFile()) return;
  throw configError(file, [
    `  ${where(["subscribersFile"])} subscribersFile: ${resolved} does not exist (relative paths are read from the config file's folder, ${baseDir}); create it or fix the path`,
  ]);
}

function applyEnvOverrides(config: Config, env: NodeJS.ProcessEnv, file: string): void {
  const transport = env.GAZETTE_TRANSPORT;
  if (!transport) return;
  const parsed = TransportConfig.safeParse(
    transport === "outbox" ? { type: "outbox" } : { type: "smtp", url: transport },
  );
  if (!parsed.success) {
    // The value is an SMTP URL with its password, misspelt: only its scheme may be shown.
    throw configError(file, [
      `  GAZETTE_TRANSPORT: neither "outbox" nor an smtp:// or smtps:// URL${schemeHint(transport)}; the value is not shown, as it may hold a password`,
    ]);
  }
  config.transport = parsed.data;
}

/** Rules that span keys, checked after the schema; each problem with its line (`where`). */
function checkRules(
  config: Config,
  file: string,
  where: (keyPath: (string | number)[]) => string,
): void {
  const problems: string[] = [];
  const problem = (keyPath: (string | number)[], message: string) =>
    problems.push(`  ${where(keyPath)} ${formatPath(keyPath)}: ${message}`);
  const base = new URL(config.newsletter.baseUrl);
  if (base.protocol !== "https:" && !["localhost", "127.0.0.1", "[::1]"].includes(base.hostname)) {
    // RFC 8058 one-click unsubscribe needs an https URL; plain http only for a local server.
    problem(["newsletter", "baseUrl"], "must be https (http only for localhost)");
  }
  const feedKeys = new Set(config.feeds.flatMap((feed) => [feed.url, feed.name ?? feed.url]));
  const seenLists = new Set<string>();
  config.lists.forEach((list, index) => {
    if (seenLists.has(list.id)) problem(["lists", index, "id"], `"${list.id}" is used twice`);
    seenLists.add(list.id);
    if (!Array.isArray(list.feeds) && list.feeds !== "all") {
      const tags = new Set(config.feeds.flatMap((feed) => feed.tags));
      list.feeds.tags.forEach((tag, tagIndex) => {
        if (!tags.has(tag))
          problem(["lists", index, "feeds", "tags", tagIndex], `no feed has tag "${tag}"`);
      });
    }
    if (Array.isArray(list.feeds)) {
      list.feeds.forEach((ref, feedIndex) => {
        if (!feedKeys.has(ref))
          problem(
            ["lists", index, "feeds", feedIndex],
            `"${ref}" names no feed (use a feed's name or url)`,
          );
      });
    }
    if (list.minArticles > list.maxArticles)
      problem(["lists", index, "minArticles"], "is larger than maxArticles");
  });
  const seenFeeds = new Set<string>();
  config.feeds.forEach((feed, index) => {
    if (seenFeeds.has(feed.url)) problem(["feeds", index, "url"], `"${feed.url}" is listed twice`);
    seenFeeds.add(feed.url);
  });
  if (problems.length > 0) throw configError(file, problems);
}

// Lists in lists some thousands deep run the yaml library out of stack, in its parser or in
// toJS: the engine's words would be all the operator got.
function yamlProblem(message: string): string {
  return /call stack/i.test(message)
    ? "nested too deeply to read (a config nests a few levels of keys and lists)"
    : message;
}

function configError(file: string, lines: string[]): GazetteError {
  const count = lines.length === 1 ? "1 problem" : `${lines.length} problems`;
  return new GazetteError("CONFIG_INVALID", `${file}: ${count}:\n${lines.join("\n")}`);
}

/** The problem lines of one zod issue: one per unknown key, as each is a problem of its own. */
function describeIssue(
  issue: z.core.$ZodIssue,
  file: string,
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  raw: unknown,
): string[] {
  const keyPath = issuePath(issue);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const where = locate(file, doc, lineCounter, [...keyPath, key], true);
      const why =
        keyOfAnotherVariant(doc, keyPath, key) ??
        suggestKey(keyPath, key, raw) ??
        'unknown key (check its spelling; see README "Configuration")';
      return `  ${where} ${formatPath([...keyPath, key])}: ${why}`;
    });
  }
  const where = locate(file, doc, lineCounter, keyPath);
  const message =
    issue.code === "invalid_type" && issue.message.includes("received undefined")
      ? "is required"
      : // zod's own wording only: a schema's `error:` says more (schedule: "0 8 * * MON").
        issue.code === "invalid_type" && issue.message.startsWith("Invalid input: expected ")
        ? describeWrongType(issue.expected, valueAt(raw, keyPath))
        : issue.code === "invalid_union" && issue.message === "Invalid input"
          ? describeUnion(issue)
          : issue.message;
  return [`  ${where} ${formatPath(keyPath)}: ${message}`];
}

/** The value at `keyPath` in the file as read (after ${VAR} interpolation). */
function valueAt(raw: unknown, keyPath: (string | number)[]): unknown {
  let value = raw;
  for (const key of keyPath) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function issuePath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.filter((part): part is string | number => typeof part !== "symbol");
}

/** The sections whose keys depend on one field's value, and the name of that field. */
const VARIANT_SECTIONS = [
  { section: "summarizer", schema: SummarizerConfig, field: "provider" },
  { section: "transport", schema: TransportConfig, field: "type" },
] as const;

/**
 * For a key that the section's chosen variant lacks but others have (`maxConcurrency` under the
 * built-in summarizer, `url` under the outbox), says so: it is no typo, it belongs elsewhere.
 */
function keyOfAnotherVariant(
  doc: ReturnType<typeof parseDocument>,
  keyPath: (string | number)[],
  key: string,
): string | undefined {
  const variants = VARIANT_SECTIONS.find(({ section }) => keyPath.join(".") === section);
  if (variants === undefined) return undefined;
  const { section, schema, field } = variants;
  const named = doc.getIn([section, field]);
  const owners: string[] = [];
  let chosen = typeof named === "string" ? named : undefined;
  let isDefault = false;
  for (const option of schema.options) {
    const discriminator = (option.shape as Record<string, z.ZodType>)[field];
    const values = [...(discriminator?._zod.values ?? [])].map(String);
    if (chosen === undefined && discriminator?._zod.def.type === "default") {
      [chosen, isDefault] = [values[0], true];
    }
    if (key in option.shape) owners.push(...values.map((value) => `"${value}"`));
  }
  if (owners.length === 0 || chosen === undefined) return undefined;
  return `is not a key of ${section} ${field} "${chosen}"${isDefault ? " (the default)" : ""}; only ${field} ${orList(owners)} has it`;
}

/** "file:line" of the deepest node along keyPath that exists in the document. */
function locate(
  file: string,
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  keyPath: (string | number)[],
  isKey = false,
): string {
  for (let depth = keyPath.length; depth >= 0; depth--) {
    const parentPath = keyPath.slice(0, depth);
    let offset: number | undefined;
    if (isKey && depth === keyPath.length && depth > 0) {
      const parent = doc.getIn(keyPath.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find(
          (item) => isScalar(item.key) && item.key.value === keyPath.at(-1),
        );
        if (pair && isScalar(pair.key)) offset = pair.key.range?.[0];
      }
    } else {
      const node = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
      if (node && typeof node === "object" && "range" in node)
        offset = (node.range as number[] | undefined)?.[0];
    }
    if (offset !== undefined) return `${file}:${lineCounter.linePos(offset).line}`;
  }
  return file;
}

function formatPath(keyPath: (string | number)[]): string {
  if (keyPath.length === 0) return "(top level)";
  return keyPath
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}
