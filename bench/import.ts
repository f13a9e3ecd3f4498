import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importSubscribers } from "../src/audience/import-subscribers.js";
import { openStore } from "../src/store/index.js";

// Imports a generated CSV of N rows (default 1,000,000) and reports time and peak heap growth:
// the import streams, so the heap should stay flat whatever N is.
// Usage: npm run bench:import [-- rows]   (the script runs node with --expose-gc)
const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(path.join(tmpdir(), "gazette-bench-import-"));
const file = path.join(dir, "subscribers.csv");

/** Writes `count` rows with backpressure; every 1000th address repeats an earlier one. */
export async function writeSubscribersCsv(target: string, count: number): Promise<void> {
  const out = createWriteStream(target);
  out.write("email,name,lists\n");
  for (let i = 0; i < count; i++) {
    const n = i % 1000 === 999 ? i - 500 : i;
    if (!out.write(`reader${n}@example${n % 97}.com,Reader ${n},weekly\n`))
      await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

await writeSubscribersCsv(file, rows);
const store = await openStore(dir);
const listIds = await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], new Date());
globalThis.gc?.();
const baseline = process.memoryUsage().heapUsed;
let peak = baseline;
let seen = 0;
const started = performance.now();
const report = await importSubscribers(store.subscribers, file, {
  listIds,
  defaultLists: ["weekly"],
  source: "bench",
  now: new Date(),
  onRow: () => {
    // With --expose-gc, collect first: what stays is what the import holds on to, not garbage.
    if (++seen % 20_000 === 0) {
      globalThis.gc?.();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
console.log(
  `${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s): ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged`,
);
console.log(
  `peak heap growth${globalThis.gc ? " (retained)" : " (garbage included; run with --expose-gc)"}: ${((peak - baseline) / 2 ** 20).toFixed(1)} MiB`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
