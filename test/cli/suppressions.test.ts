import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { writeDemoConfig } from "../helpers/demo-config.js";

// Issue 18 #6: the suppression list by hand, and what came back shown by source.
describe("gazette suppressions", () => {
  let dir: string;
  const cli = (args: string[]) => runCli(["--config", "gazette.yaml", ...args], { cwd: dir });
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-suppressions-"));
    writeDemoConfig(dir, { name: "Suppressions" });
  });

  it("adds, lists, imports, exports and removes suppressions, each with its source", async () => {
    expect(
      (await cli(["suppressions", "add", "Ann@Example.org", "--reason", "asked by phone"])).stdout,
    ).toBe("Suppressed Ann@example.org.\n");
    expect((await cli(["suppressions", "add", "ann@example.org"])).stdout).toMatch(
      /already suppressed/,
    );
    writeFileSync(
      path.join(dir, "bad.csv"),
      "email,reason\nben@example.org,old list\nnot an address,x\n",
    );
    const bad = await cli(["suppressions", "import", "bad.csv"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/bad\.csv:3: "not<U\+0020>an<U\+0020>address"/);
    expect(bad.stderr).toMatch(/^gazette: .*bad\.csv: 1 invalid row\(s\); nothing imported/);
    writeFileSync(
      path.join(dir, "good.csv"),
      "email,reason\nben@example.org,old list\nnope,x\nann@example.org,again\n",
    );
    const good = await cli(["suppressions", "import", "good.csv", "--skip-invalid"]);
    expect(good.stdout).toMatch(/Suppressions: 1 added, 1 already suppressed/);
    const list = (await cli(["suppressions", "list"])).stdout
      .trim()
      .split("\n")
      .map((line) => line.split("\t").slice(0, 3));
    expect(list).toEqual([
      ["ann@example.org", "operator", "asked by phone"],
      ["ben@example.org", "import", "old list"],
    ]);
    await cli(["suppressions", "export", "--output", "out.csv"]);
    expect(readFileSync(path.join(dir, "out.csv"), "utf8").split("\n").slice(0, 2)).toEqual([
      "email,reason,source,created_at",
      expect.stringMatching(/^ann@example\.org,asked by phone,operator,20\d\d-/),
    ]);
    expect((await cli(["status"])).stdout).toMatch(
      /Suppressed addresses: 2 \(import 1, operator 1\)/,
    );
    expect((await cli(["suppressions", "remove", "ANN@example.org"])).stdout).toMatch(
      /no longer suppressed/,
    );
    const missing = await cli(["suppressions", "remove", "ann@example.org"]);
    expect(missing.code).toBe(1);
  });

  it("names a CSV it cannot read in one gazette: line, exit code 2, as the subscribers import does", async () => {
    const absent = await cli(["suppressions", "import", "absent.csv"]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toBe(
      "gazette: absent.csv: no such file (check the path; it is relative to the folder you run gazette from)\n",
    );
  });
});
