import { fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseConfigText } from "/work/main/src/config/index.js";
import { collectFeeds } from "/work/main/src/ingest/collect-feeds.js";
import { openStore } from "/work/main/src/store/index.js";
const child = fork("/work/main/bench/ingest-server.ts");
const next = () => new Promise<any>((r) => child.once("message", r));
const { port, feeds } = await next();
const urls = Array.from({ length: feeds }, (_, i) => `http://127.0.0.1:${port}/f/${i}.xml`);
const yaml = `newsletter: { name: Bench, baseUrl: "https://bench.example", postalAddress: "1 Bench St" }
sender: { from: "Bench <bench@bench.example>" }
collect:
  concurrency: 8
  perHostConcurrency: 8
  allowPrivate: ["127.0.0.1"]
  fullText: never
feeds:
${urls.map((url, i) => `  - { url: "${url}", name: "Feed ${i}" }`).join("\n")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
`;
const config = parseConfigText(yaml, "bench.yaml", {});
const store = await openStore(mkdtempSync(path.join(tmpdir(), "gazette-prof-")));
const now = () => new Date();
await collectFeeds(store, config, now);
for (let i = 0; i < 3; i++) {
  const a = next(); child.send("bump"); await a;
  const t = performance.now();
  const r = await collectFeeds(store, config, now, { force: true });
  console.log(((performance.now() - t) / 1000).toFixed(2), r.fetched, r.newArticles, process.resourceUsage().maxRSS / 1024);
}
await store.close();
child.disconnect();
