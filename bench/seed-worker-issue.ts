import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore } from "../src/store/index.js";
import { ROOT, runCli } from "../test/helpers/cli.js";
import { seedSubscribers } from "./seed-bench-store.js";

export interface WorkerSetup {
  dir: string;
  /** The variables a worker needs: DATABASE_URL and GAZETTE_DATABASE_SCHEMA. */
  env: NodeJS.ProcessEnv;
  issueId: number;
}

/**
 * A PostgreSQL schema holding one list of `count` subscribers and issue #1, composed from the
 * demo feeds and `sending` with its ledger made: the state `gazette worker` starts from.
 */
export async function seedWorkerIssue(input: {
  databaseUrl: string;
  schema: string;
  count: number;
  delivery: string;
}): Promise<WorkerSetup> {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-workers-"));
  writeFileSync(
    path.join(dir, "gazette.yaml"),
    `newsletter: { name: Worker Test, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Worker Test <digest@news.example.com>" }
templates: ${path.join(ROOT, "templates")}
feeds:
${["northwind-engineering", "lumen-labs"]
  .map((feed) => `  - url: ${path.join(ROOT, "examples/feeds", `${feed}.xml`)}`)
  .join("\n")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
delivery: ${input.delivery}
`,
  );
  const env = { DATABASE_URL: input.databaseUrl, GAZETTE_DATABASE_SCHEMA: input.schema };
  for (const stage of ["collect", "compose"]) {
    const result = await runCli(["-c", "gazette.yaml", stage], { cwd: dir, env });
    if (result.code !== 0) throw new Error(`gazette ${stage}: ${result.stderr}`);
  }
  const store = await openStore("", { databaseUrl: input.databaseUrl, schema: input.schema });
  try {
    const now = new Date();
    const listId = (await store.subscribers.listIds()).get("weekly") as number;
    await seedSubscribers(store, listId, input.count, now);
    const issue = await store.issues.unfinished(listId);
    if (!issue) throw new Error("compose made no issue");
    await store.deliveries.createLedger({
      issueId: issue.id,
      listId,
      now,
      messageIdFor: (id) => `<gz.${issue.id}.${id}@news.example.com>`,
    });
    return { dir, env, issueId: issue.id };
  } finally {
    await store.close();
  }
}
