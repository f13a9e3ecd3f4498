import { appendFileSync, copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { collectStage } from "../../src/pipeline/collect-stage.js";
import { type Context, openContext } from "../../src/pipeline/context.js";
import { fixedClock } from "../../src/shared/clock.js";
import { ROOT } from "../helpers/cli.js";

describe("the context of a long-running process", () => {
  let ctx: Context | undefined;
  afterEach(() => ctx?.close());

  it("parses every collect with the same worker threads, as many as collect.parseWorkers says", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-context-"));
    for (const name of ["orbit-mobile.xml", "lumen-labs.xml"])
      copyFileSync(path.join(ROOT, "examples/feeds", name), path.join(dir, name));
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `newsletter: { name: Pool, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Pool <digest@news.example.com>" }
collect: { parseWorkers: 1 }
feeds:
  - url: ${path.join(dir, "orbit-mobile.xml")}
  - url: ${path.join(dir, "lumen-labs.xml")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
`,
    );
    const clock = fixedClock("2026-11-23T08:00:00Z");
    ctx = await openContext({ configPath: "gazette.yaml", cwd: dir, env: {}, clock });
    const first = await collectStage(ctx);
    // Both files change: the second collect parses both again.
    for (const name of ["orbit-mobile.xml", "lumen-labs.xml"])
      appendFileSync(path.join(dir, name), "<!-- edited -->\n");
    const second = await collectStage(ctx);
    expect(first.fetched).toBe(2);
    expect(first.newArticles).toBeGreaterThan(0);
    expect(second.fetched).toBe(2);
    expect(ctx.parsePool().workersStarted()).toBe(1);
  });
});
