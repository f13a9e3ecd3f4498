import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { compiledWorkerUrl } from "../../shared/compiled-worker-url.js";
import { parseDuration } from "../../shared/duration.js";
import { GazetteError } from "../../shared/errors.js";
import type { FullText } from "../normalize/extract-full-text.js";
import type { FetchedDocument, ParsedFeed } from "../types.js";
import type { ParseOptions } from "./parse-feed.js";
import type { WorkerAnswer, WorkerTask } from "./parse-worker.js";

export interface ParsePoolOptions {
  /** Worker threads; default: defaultParseWorkers(). */
  size?: number;
  /** A task still running after this long is given up and its worker replaced; default 10 s. */
  deadlineMs?: number;
  /** The compiled worker module; default: see defaultWorkerUrl. */
  workerUrl?: URL;
  /** Heap limit of each worker: a document that needs more fails alone; default 512 MB. */
  maxHeapMb?: number;
  /**
   * Each worker's young generation; default 8 MB. A parse leaves little alive, so a small one
   * costs a few more, cheap, collections and saves tens of MB of resident memory per worker.
   */
  maxYoungMb?: number;
}

/** Feed parsing and full-text extraction off the main thread, each task under a deadline. */
export interface ParsePool {
  /**
   * parseFeed in a worker, keeping the newest `maxItems` items (default: all); FEED_PARSE_FAILED
   * past the deadline or when the worker dies. With `known` (the JSON collect stored of the
   * last fetch's ParsedFeed.known), parseChanged instead: unchanged items come back in `seen` only.
   * A document given as bytes is decoded in the worker; bytes that own their buffer are moved
   * there, not copied (the caller's view is left empty).
   */
  parse(
    document: FetchedDocument,
    options: ParseOptions & { maxItems?: number; known?: string },
  ): Promise<ParsedFeed>;
  /** extractFullText in a worker, under the same deadline. */
  extract(html: FetchedDocument, pageUrl: string): Promise<FullText | undefined>;
  /** Worker threads started so far, replacements of terminated ones included. */
  workersStarted(): number;
  /** Terminates the workers; tasks not yet answered are rejected. */
  close(): Promise<void>;
}

type TaskInput = WorkerTask extends infer T
  ? T extends WorkerTask
    ? Omit<T, "id">
    : never
  : never;

interface Job {
  task: WorkerTask;
  label: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

/**
 * Tasks a worker is sent at most before it answers the first: it starts the next one as soon as
 * it answers, instead of idling until the main thread has read the answer and sent another (on
 * a busy machine, a wait for the main thread's turn on a core at every task).
 */
const TASKS_AHEAD = 4;

/**
 * A small pool of worker threads for the CPU-heavy work on untrusted documents (rss-parser's
 * quadratic corners, sanitize-html, Readability), so that no feed blocks the event loop: the
 * main thread only passes strings and bytes, and a worker that overruns its deadline is
 * terminated. Each worker works through up to TASKS_AHEAD tasks in order; a task's deadline
 * runs from when the one before it on that worker was answered, and the tasks waiting behind
 * one given up go to another worker.
 */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = options.size ?? defaultParseWorkers();
  const deadlineMs = options.deadlineMs ?? 10_000;
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const queue: Job[] = [];
  // Each worker's state: starting (loading its modules), or the tasks sent to it, oldest first.
  const workers = new Map<Worker, Job[] | typeof STARTING>();
  let nextId = 1;
  let started = 0;
  let isClosed = false;

  const failAll = (error: Error) => {
    for (const job of queue.splice(0)) finish(job, error);
  };
  const fail = (worker: Worker, reason: string) => {
    const state = workers.get(worker);
    if (state === undefined) return;
    workers.delete(worker);
    void worker.terminate();
    // A worker that cannot even start would fail every replacement the same way.
    if (state === STARTING) {
      failAll(new GazetteError("FEED_PARSE_FAILED", `parse worker: ${reason}`));
      return;
    }
    const [running, ...waiting] = state;
    // The tasks behind it never ran: another worker takes them, in their order.
    queue.unshift(...waiting);
    if (running)
      finish(running, new GazetteError("FEED_PARSE_FAILED", `${running.label}: ${reason}`));
    dispatch();
  };
  const spawn = (): void => {
    const worker = new Worker(workerUrl, {
      // The worker is compiled JavaScript: no loader of the parent (tsx, vitest) is needed, and
      // without one it starts faster.
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxHeapMb ?? 512,
        maxYoungGenerationSizeMb: options.maxYoungMb ?? 8,
      },
    });
    started++;
    // The pool never keeps the process alive by itself; a task's deadline timer does meanwhile.
    worker.unref();
    workers.set(worker, STARTING);
    worker.on("message", (answer: WorkerAnswer | "ready") => {
      const state = workers.get(worker);
      if (state === undefined) return;
      if (answer === "ready") {
        if (state === STARTING) workers.set(worker, []);
      } else if (state !== STARTING) {
        const at = state.findIndex((job) => job.task.id === answer.id);
        if (at < 0) return;
        const [job] = state.splice(at, 1) as [Job];
        settle(job, answer);
        const next = state[0];
        if (next && next.timer === undefined) startDeadline(worker, next);
      }
      dispatch();
    });
    worker.on("error", (error) => fail(worker, `the parser crashed (${error.message})`));
    worker.on("exit", (code) => fail(worker, `the parser stopped (exit code ${code})`));
  };
  // The deadline counts the work only: not the worker's start-up, nor the tasks before it.
  const startDeadline = (worker: Worker, job: Job) => {
    job.timer = setTimeout(() => {
      fail(worker, `took longer than ${deadlineMs / 1000} s to parse; given up`);
    }, deadlineMs);
  };
  const send = (worker: Worker, jobs: Job[], job: Job) => {
    jobs.push(job);
    if (jobs.length === 1) startDeadline(worker, job);
    worker.postMessage(job.task, transferable(job.task));
  };
  // The started worker with the fewest tasks, if it has room for one more.
  const leastBusy = (): [Worker, Job[]] | undefined => {
    let best: [Worker, Job[]] | undefined;
    for (const [worker, state] of workers) {
      if (state === STARTING || state.length >= TASKS_AHEAD) continue;
      if (best === undefined || state.length < best[1].length) best = [worker, state];
    }
    return best;
  };
  function dispatch(): void {
    while (queue.length > 0 && !isClosed) {
      const free = leastBusy();
      // An idle worker first, then a new one (up to the size), then tasks ahead on a busy one.
      if (free && free[1].length === 0) {
        send(...free, queue.shift() as Job);
        continue;
      }
      const starting = [...workers.values()].filter((state) => state === STARTING).length;
      if (workers.size < size && starting < queue.length) {
        if (!existsSync(fileURLToPath(workerUrl))) {
          const message = `the parse worker ${fileURLToPath(workerUrl)} is missing: run npm run build`;
          failAll(new GazetteError("FEED_PARSE_FAILED", message));
          return;
        }
        spawn();
        continue;
      }
      if (free === undefined) return;
      send(...free, queue.shift() as Job);
    }
  }
  const submit = <T>(task: TaskInput, label: string): Promise<T> => {
    if (isClosed) return Promise.reject(new GazetteError("FEED_PARSE_FAILED", "pool closed"));
    return new Promise<T>((resolve, reject) => {
      const id = nextId++;
      queue.push({ task: { ...task, id } as WorkerTask, label, resolve: resolve as never, reject });
      dispatch();
    });
  };

  return {
    parse: (document, { maxItems = Number.MAX_SAFE_INTEGER, known, ...parseOptions }) =>
      submit(
        { kind: "parse", document: sent(document), options: parseOptions, maxItems, known },
        parseOptions.feedUrl,
      ),
    extract: (html, pageUrl) => submit({ kind: "extract", html: sent(html), pageUrl }, pageUrl),
    workersStarted: () => started,
    async close() {
      isClosed = true;
      const all = [...workers.entries()];
      workers.clear();
      const closed = (job: Job) =>
        finish(job, new GazetteError("FEED_PARSE_FAILED", `${job.label}: pool closed`));
      for (const [, state] of all) if (state !== STARTING) state.forEach(closed);
      for (const job of queue.splice(0)) closed(job);
      await Promise.all(all.map(([worker]) => worker.terminate()));
    },
  };
}

const STARTING = Symbol("starting");

// Only the document's own fields: a fetch result carries more than the worker reads.
function sent(document: FetchedDocument): FetchedDocument {
  return typeof document === "string"
    ? document
    : { bytes: document.bytes, contentType: document.contentType };
}

// A document's bytes move to the worker instead of being copied, when they are a buffer of their
// own (a small Buffer is a view on a pool shared with the rest of the process: that is copied).
function transferable(task: WorkerTask): ArrayBuffer[] {
  const document = task.kind === "parse" ? task.document : task.html;
  if (typeof document === "string") return [];
  const { buffer, byteOffset, byteLength } = document.bytes;
  const isOwn =
    buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength;
  return isOwn ? [buffer] : [];
}

/** The pool collect's settings ask for: their deadline per task and their number of workers. */
export function parsePoolFor(collect: { parseTimeout: string; parseWorkers?: number }): ParsePool {
  return createParsePool({
    deadlineMs: parseDuration(collect.parseTimeout),
    size: collect.parseWorkers,
  });
}

/**
 * The cores but one, at least 1 and at most 8: the main thread keeps a core for fetching and the
 * store, and a worker more than the cores only adds switching and memory (each has its own heap).
 */
export function defaultParseWorkers(): number {
  return Math.min(8, Math.max(1, availableParallelism() - 1));
}

function settle(job: Job, answer: WorkerAnswer): void {
  if (answer.ok) finish(job, undefined, answer.value);
  else finish(job, new GazetteError(answer.code ?? "FEED_PARSE_FAILED", answer.message));
}

function finish(job: Job, error: Error | undefined, value?: unknown): void {
  clearTimeout(job.timer);
  if (error) job.reject(error);
  else job.resolve(value);
}

/** The compiled parse worker beside this module (see compiledWorkerUrl). */
function defaultWorkerUrl(): URL {
  return compiledWorkerUrl(import.meta.url, "parse-worker");
}
