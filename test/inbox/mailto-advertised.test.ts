import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { advertisedMailto } from "../../src/deliver/index.js";
import { runCli } from "../helpers/cli.js";
import { writeDemoConfig } from "../helpers/demo-config.js";

// Issue 18 #2: a mailto nobody reads is not advertised, and the operator is told at config load.
describe("the List-Unsubscribe mailto", () => {
  const workspace = (extra: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-mailto-"));
    writeDemoConfig(dir, { name: "Mailto", extra });
    const file = path.join(dir, "gazette.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "  from: Mailto <digest@news.example.com>",
        "  from: Mailto <digest@news.example.com>\n  unsubscribeMailto: unsubscribe@news.example.com",
      ),
    );
    return dir;
  };

  it("is left out without an inbox, and config load says so", async () => {
    const dir = workspace("");
    const loaded = loadConfig({ path: "gazette.yaml", cwd: dir, env: {} });
    expect(advertisedMailto(loaded.config)).toBeUndefined();
    expect(loaded.warnings).toEqual([
      expect.stringMatching(
        /sender\.unsubscribeMailto is set but no inbox: is configured to read it; the mailto is left out of List-Unsubscribe/,
      ),
    ]);
    const status = await runCli(["--config", "gazette.yaml", "status"], { cwd: dir });
    expect(status.code).toBe(0);
    expect(status.stderr).toMatch(
      /^gazette: .*gazette\.yaml: sender\.unsubscribeMailto is set but no inbox:/m,
    );
  });

  it("is advertised when an inbox reads it", () => {
    const dir = workspace("inbox:\n  host: imap.example.com\n  user: bounces\n  password: x\n");
    const loaded = loadConfig({ path: "gazette.yaml", cwd: dir, env: {} });
    expect(advertisedMailto(loaded.config)).toBe("unsubscribe@news.example.com");
    expect(loaded.warnings).toEqual([]);
  });
});
