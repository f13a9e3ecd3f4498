import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CLI_ENTRY, ROOT, runCli } from "./test/helpers/cli.js";
import { startSmtpSink } from "./test/helpers/smtp-sink.js";

const base = mkdtempSync(path.join(tmpdir(), "gz-dbg-"));
const emails = Array.from({ length: 2000 }, (_, i) => `reader${i}@example.com`);
writeFileSync(path.join(base, "subscribers.csv"), `email\n${emails.join("\n")}\n`);
writeFileSync(path.join(base, "gazette.yaml"), `newsletter: { name: Crash Test, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Crash Test <digest@news.example.com>" }
subscribersFile: subscribers.csv
templates: ${path.join(ROOT, "templates")}
feeds:
  - url: ${path.join(ROOT, "examples/feeds/orbit-mobile.xml")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
delivery: { batchSize: 50, concurrency: 4, leaseDuration: 1000ms }
`);
console.log((await runCli(["-c", "gazette.yaml", "run", "--dry-run"], { cwd: base })).stdout);
const sink = await startSmtpSink();
const run = () => { const c = spawn(process.execPath, [CLI_ENTRY, "-c", "gazette.yaml", "send"], { cwd: base, env: { ...process.env, GAZETTE_CONFIG: "", GAZETTE_DATA_DIR: "", GAZETTE_TRANSPORT: sink.url }, stdio: ["ignore", "inherit", "inherit"] }); return { c, done: new Promise((r) => c.on("exit", r)) }; };
const t0 = Date.now();
const a = run();
await sink.waitFor(700); a.c.kill("SIGKILL"); await a.done;
console.log("killed at", sink.messages.length, Date.now() - t0);
const db = () => new SQLite(path.join(base, "data", "gazette.db"), { readonly: true });
let d = db(); console.log(d.prepare("select status, count(*) c, max(lease_until) l from deliveries group by status").all()); d.close();
await new Promise((r) => setTimeout(r, 1500));
const before = sink.messages.length;
const b = run(); await b.done;
console.log("restart done", sink.messages.length, Date.now() - t0);
const counts = new Map<string, number>(); sink.messages.forEach((m, i) => { const to = m.to[0]!; counts.set(to, (counts.get(to) ?? 0) + 1); });
const dups = [...counts].filter(([, n]) => n > 1).map(([e]) => e);
d = db();
console.log("dups", dups.length, dups.slice(0, 40).map((e) => { const idx = sink.messages.map((m, i) => m.to[0] === e ? i : -1).filter((i) => i >= 0); return `${e}@${idx.join("/")}:${JSON.stringify(d.prepare("select attempts, status from deliveries where email=?").get(e))}`; }).join("\n"), "before restart", before);
await sink.close();
