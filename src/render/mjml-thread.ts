import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { compiledWorkerUrl } from "../shared/compiled-worker-url.js";
import { GazetteError } from "../shared/errors.js";
import type { MjmlAnswer } from "./mjml-worker.js";

// MJML is the largest thing Gazette loads (~15 MB of live heap, most of it source text), and a
// send needs it only to render before the first message. Kept in the sending thread, it would
// stay for the whole send, and V8 sizes its collections on the live heap: a bulk send's peak
// memory grows by about three times what stays alive. So it runs in a thread of its own, started
// on demand and ended once it has been idle for IDLE_MS.
const IDLE_MS = 2_000;

/** The thread and the requests it has not answered yet: each thread answers only its own. */
interface MjmlThread {
  thread: Worker;
  pending: Map<number, (answer: MjmlAnswer) => void>;
}

let current: MjmlThread | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;

/** mjml2html (strict validation) in the MJML thread. */
export function compileInMjmlThread(mjml: string): Promise<MjmlAnswer> {
  const { thread, pending } = current ?? startWorker();
  clearTimeout(idleTimer);
  thread.ref();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    thread.postMessage({ id, mjml });
  });
}

function startWorker(): MjmlThread {
  const url = compiledWorkerUrl(import.meta.url, "mjml-worker");
  if (!existsSync(fileURLToPath(url))) {
    throw new GazetteError(
      "TEMPLATE_INVALID",
      `the MJML worker ${fileURLToPath(url)} is missing: run "npm run build"`,
    );
  }
  const started: MjmlThread = { thread: new Worker(url), pending: new Map() };
  const { thread, pending } = started;
  current = started;
  thread.on("message", (answer: MjmlAnswer) => {
    pending.get(answer.id)?.(answer);
    pending.delete(answer.id);
    if (pending.size > 0) return;
    // Idle: the thread must not keep the process alive, and ends if nothing more comes.
    thread.unref();
    idleTimer = setTimeout(() => void stopWorker(started), IDLE_MS).unref();
  });
  // Only this thread's own requests fail with it. An idle thread that was ended exits with code 1
  // after a new one may have taken requests: those were failed here too, before.
  const fail = (error: string) => {
    if (current === started) current = undefined;
    for (const [id, resolve] of pending) resolve({ id, error });
    pending.clear();
  };
  thread.on("error", (error) => fail(`the MJML worker failed: ${error.message}`));
  thread.on("exit", (code) => fail(`the MJML worker exited (code ${code})`));
  return started;
}

async function stopWorker(idle: MjmlThread): Promise<void> {
  if (current === idle) current = undefined;
  await idle.thread.terminate();
}
