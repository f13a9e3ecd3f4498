import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { CLI_ENTRY, ROOT } from "../test/helpers/cli.js";
import { seedWorkerIssue } from "./seed-worker-issue.js";

// `npm run bench:workers`: 1, 2 and 4 `gazette worker --once` processes share one issue of
// 10,000 deliveries on PostgreSQL (a schema of its own per run), sending to an SMTP sink in a
// process of its own. Wall time runs from the workers' spawn to the last one's exit, process
// start-up included. Needs the built CLI (npm run build) and PostgreSQL (scripts/test-setup.sh).

const DATABASE_URL =
  process.env.GAZETTE_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 10_000);
const COUNTS = [1, 2, 4];

const results: { workers: number; seconds: number; msgPerSec: number; claimsPerSec: number }[] = [];
for (const workers of COUNTS) {
  const schema = `gz_bench_${randomBytes(6).toString("hex")}`;
  const setup = await seedWorkerIssue({
    databaseUrl: DATABASE_URL,
    schema,
    count: DELIVERIES,
    delivery: "{ batchSize: 100, concurrency: 8, leaseDuration: 2m }",
  });
  const sink = await startSink();
  const started = performance.now();
  const outputs = await Promise.all(
    Array.from({ length: workers }, () => runWorker(setup.dir, setup.env, sink.url)),
  );
  const seconds = (performance.now() - started) / 1000;
  const accepted = await sink.count();
  sink.stop();
  await dropSchema(schema);
  const claims = outputs.reduce((sum, out) => sum + Number(/(\d+) claims/.exec(out)?.[1] ?? 0), 0);
  if (accepted < DELIVERIES) throw new Error(`${workers} workers: only ${accepted} accepted`);
  results.push({
    workers,
    seconds: Number(seconds.toFixed(2)),
    msgPerSec: Math.round(accepted / seconds),
    claimsPerSec: Number((claims / seconds).toFixed(1)),
  });
  console.log(JSON.stringify(results.at(-1)));
}
console.table(results);

/** Runs one `gazette worker --once` to its end; resolves with what it printed. */
async function runWorker(dir: string, env: NodeJS.ProcessEnv, transport: string) {
  const child = spawn(process.execPath, [CLI_ENTRY, "-c", "gazette.yaml", "worker", "--once"], {
    cwd: dir,
    env: {
      ...process.env,
      GAZETTE_CONFIG: "",
      GAZETTE_DATA_DIR: "",
      GAZETTE_TRANSPORT: transport,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`worker exited with ${code}: ${output}`);
  return output;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

/** Starts bench/smtp-sink-process.ts in its own process and reads the port it prints. */
async function startSink(): Promise<{ url: string; count(): Promise<number>; stop(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench/smtp-sink-process.ts")],
    { stdio: ["ignore", "pipe", "inherit", "ipc"] },
  );
  if (!child.stdout) throw new Error("no stdout from the sink");
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  const { port } = JSON.parse(line) as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: async () => {
      child.send("count");
      const [reply] = (await once(child, "message")) as [{ accepted: number }];
      return reply.accepted;
    },
    stop: () => child.kill(),
  };
}
