import { once } from "node:events";
import { createReadStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { z } from "zod";
import { describeError, GazetteError } from "../shared/errors.js";
import { inputFileError, isFileSystemError, openOutputFile } from "../shared/operator-files.js";
import type { SummarizeInput, Summarizer } from "./types.js";

/** One input line of `gazette summarize`. */
export const SummarizeRow = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  text: z.string(),
  url: z.string().optional(),
  categories: z.array(z.string()).optional(),
  feedTags: z.array(z.string()).optional(),
  /** Who published it ("Netflix TechBlog"): the summary names it ("Netflix moved…"). */
  source: z.string().optional(),
  /** The article's author: named instead of the publisher on a personal blog. */
  author: z.string().optional(),
  /** A personal blog: its "I" is the author. */
  personal: z.boolean().optional(),
});
export type SummarizeRow = z.infer<typeof SummarizeRow>;

export interface SummarizeJsonlOptions {
  /** How errors name the input; defaults to its path, or "<stdin>" for a stream without one. */
  name?: string;
}

/**
 * Streams rows `{id, title, text, url?, source?, author?, personal?}` through a summarizer into rows
 * `{id, summary, why, tags, category, readMinutes}`, one JSON object per line, in input order;
 * resolves to the number of rows written.
 * An output path is written to a temporary file and renamed at the end, so a failed run
 * never leaves a half-written file behind.
 */
export async function summarizeJsonl(
  input: Readable | string,
  output: Writable | string,
  summarizer: Summarizer,
  options: SummarizeJsonlOptions = {},
): Promise<number> {
  const name = options.name ?? (typeof input === "string" ? input : streamPath(input));
  // The input is opened once the output is: a read error then has a reader listening for it.
  let source: Readable | undefined;
  const pipe = (sink: Writable) => {
    source = typeof input === "string" ? createReadStream(input, "utf8") : input;
    return pipeRows(source, sink, summarizer, name);
  };
  try {
    return typeof output === "string" ? await writeAtomically(output, pipe) : await pipe(output);
  } catch (error) {
    if (error instanceof GazetteError) throw error;
    // The output was opened first (openOutputFile names it): a system error is the input's.
    if (typeof input === "string" && isFileSystemError(error)) throw inputFileError(input, error);
    throw new GazetteError("USAGE", describeError(error), { cause: error });
  } finally {
    if (typeof input === "string") source?.destroy();
  }
}

/** Writes through a temporary file renamed into place only when `write` succeeds. */
async function writeAtomically<T>(path: string, write: (sink: Writable) => Promise<T>): Promise<T> {
  const temporary = `${path}.${process.pid}.tmp`;
  const sink = await openOutputFile(temporary, path);
  try {
    const result = await write(sink);
    sink.end();
    await finished(sink);
    await rename(temporary, path);
    return result;
  } catch (error) {
    // Writes still queued fail once the stream is destroyed; `finished` absorbs that error.
    sink.destroy();
    await finished(sink).catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

async function pipeRows(
  source: Readable,
  sink: Writable,
  summarizer: Summarizer,
  name: string,
): Promise<number> {
  let line = 0;
  let rows = 0;
  for await (const raw of createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (raw.trim() === "") continue;
    const row = parseRow(raw, `${name}:${line}`);
    let summary: Awaited<ReturnType<Summarizer["summarize"]>>;
    try {
      summary = await summarizer.summarize(toInput(row));
    } catch (cause) {
      const message = `${name}:${line}: ${describeError(cause)}`;
      throw new GazetteError("SUMMARIZE_FAILED", message, { cause });
    }
    const { summary: text, why, tags, category, readMinutes } = summary;
    const out = JSON.stringify({ id: row.id, summary: text, why, tags, category, readMinutes });
    if (!sink.write(`${out}\n`)) await once(sink, "drain");
    rows++;
  }
  return rows;
}

/**
 * The summarizer's input for a row: `source`, `author` and `personal` say who published it.
 * Without them the summary names the publisher from the URL's host, else "the team".
 */
export function toInput(row: SummarizeRow): SummarizeInput {
  const { source, author, personal, ...article } = row;
  if (source === undefined && author === undefined) return article;
  return {
    ...article,
    source: {
      name: source ?? "",
      ...(author !== undefined ? { author } : {}),
      ...(personal !== undefined ? { isPersonal: personal } : {}),
    },
  };
}

/** Parses and checks one line; `where` is "<file>:<line>". */
export function parseRow(raw: string, where: string): SummarizeRow {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    throw new GazetteError("USAGE", `${where}: not valid JSON (${describeError(cause)})`, {
      cause,
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GazetteError("USAGE", `${where}: not valid JSON for a row: expected an object`);
  }
  const parsed = SummarizeRow.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? "");
  const message =
    field !== "" && (value as Record<string, unknown>)[field] === undefined
      ? `missing field "${field}"`
      : `field "${issue?.path.join(".")}": ${issue?.message}`;
  throw new GazetteError("USAGE", `${where}: ${message}`);
}

function streamPath(stream: Readable): string {
  const path = (stream as Readable & { path?: unknown }).path;
  return typeof path === "string" ? path : "<stdin>";
}
