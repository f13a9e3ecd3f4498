import { parentPort } from "node:worker_threads";
import { type ErrorCode, GazetteError } from "../../shared/errors.js";
import type { FetchedDocument } from "../types.js";
import { documentText } from "./decode-body.js";
import { readKnownItems } from "./known-items.js";
import { newestItems } from "./newest-items.js";
import { parseChanged } from "./parse-changed.js";
import { type ParseOptions, parseFeed } from "./parse-feed.js";

/** A task sent to a parse worker; `id` pairs it with its answer. */
export type WorkerTask =
  | {
      id: number;
      kind: "parse";
      document: FetchedDocument;
      options: ParseOptions;
      maxItems: number;
      /** The known items collect stored at the last fetch (JSON): see parseChanged. */
      known?: string;
    }
  | { id: number; kind: "extract"; html: FetchedDocument; pageUrl: string };

/** A worker's answer: the value, or the error as plain data (errors do not survive cloning). */
export type WorkerAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: ErrorCode | undefined; message: string };

// One small feed parsed before the first task: V8 compiles the parser's code on first use (some
// 10 ms, several times that on a busy machine), which is the worker's start-up, not the task's.
const WARM_UP =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Warm-up</title>' +
  "<link>https://warm-up.invalid/</link><item><title>Warm-up</title>" +
  "<link>https://warm-up.invalid/1</link><description>&lt;p&gt;Warm-up.&lt;/p&gt;</description>" +
  "<pubDate>Mon, 07 Dec 2026 09:00:00 GMT</pubDate></item></channel></rss>";
await parseFeed(WARM_UP, { feedUrl: "https://warm-up.invalid/feed", now: new Date() }).catch(
  () => {},
);

// Tells the pool the modules are loaded and warm, so its deadlines never count a worker's start-up.
parentPort?.postMessage("ready");

// The worker side of createParsePool: the CPU-heavy, attacker-controlled work runs here, so a
// hostile feed can stall only this thread, which the pool then terminates. The pool sends tasks
// ahead: they are worked through one at a time, in order, so that a deadline is its task's own.
let previous: Promise<void> = Promise.resolve();
parentPort?.on("message", (task: WorkerTask) => {
  previous = previous.then(() => run(task));
});

async function run(task: WorkerTask): Promise<void> {
  try {
    const value =
      task.kind === "parse"
        ? await parse(task)
        : // Loaded on first use: most runs extract no page, and linkedom takes long to load.
          (await import("../normalize/extract-full-text.js")).extractFullText(
            documentText(task.html),
            task.pageUrl,
          );
    parentPort?.postMessage({ id: task.id, ok: true, value } satisfies WorkerAnswer);
  } catch (error) {
    const code = error instanceof GazetteError ? error.code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    parentPort?.postMessage({ id: task.id, ok: false, code, message } satisfies WorkerAnswer);
  }
}

async function parse(task: Extract<WorkerTask, { kind: "parse" }>) {
  const document = documentText(task.document);
  return task.known
    ? parseChanged(document, task.options, readKnownItems(task.known), task.maxItems)
    : newestItems(await parseFeed(document, task.options), task.maxItems);
}
