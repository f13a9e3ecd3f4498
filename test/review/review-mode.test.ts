import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

function writeConfig(dir: string, listExtra: string): void {
  writeFileSync(path.join(dir, "subscribers.csv"), "email\na@example.com\nb@example.com\n");
  writeFileSync(
    path.join(dir, "gazette.yaml"),
    `newsletter: { name: Review Test, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Review <digest@news.example.com>" }
subscribersFile: subscribers.csv
templates: ${path.join(ROOT, "templates")}
feeds:
  - url: ${path.join(ROOT, "examples/feeds/orbit-mobile.xml")}
lists:
  - id: weekly
    name: Weekly
    lookback: 3650d
${listExtra}`,
  );
}

describe("review before sending", () => {
  let dir: string;
  const cli = (...args: string[]) => runCli(["-c", "gazette.yaml", ...args], { cwd: dir });
  const outbox = () => {
    try {
      return readdirSync(path.join(dir, "data/outbox"));
    } catch {
      return [];
    }
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-review-"));
  });

  it("in review mode, run composes a draft and waits; approve sends it exactly once", async () => {
    writeConfig(dir, "    mode: review\n");
    const first = await cli("run");
    expect(first.stdout).toMatch(/issue #1 with 5 articles — draft awaiting review/);
    expect(outbox()).toHaveLength(0);
    expect((await cli("run")).stdout).toMatch(/issue #1 with 5 articles — draft awaiting review/);

    const show = await cli("issue", "show", "1");
    const ids = [...show.stdout.matchAll(/^\d+\. \[(\d+)\]/gm)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(5);
    expect(show.stdout).toMatch(/draft · not approved/);

    // The editor reverses the order, writes the intro, drops one article, approves.
    expect((await cli("issue", "reorder", "1", [...ids].reverse().join(","))).code).toBe(0);
    expect(
      (await cli("issue", "intro", "1", "A short week: five posts on mobile performance.")).code,
    ).toBe(0);
    expect((await cli("article", "drop", String(ids[0]))).code).toBe(0);
    const draft = (await cli("issue", "show", "1")).stdout;
    expect(draft).toContain(
      `Dropped (left out of this issue; gazette article undrop ID to bring one back):\n  ✗ [${ids[0]}] `,
    );
    const approved = await cli("issue", "approve", "1", "--send");
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/Messages: 2 sent/);
    expect(outbox()).toHaveLength(2);

    // Sent, the issue is what went out: the CLI refuses to change it, as the preview does.
    const reorderSent = await cli("issue", "reorder", "1", ids.join(","));
    expect(reorderSent.code).toBe(2);
    expect(reorderSent.stderr).toMatch(/issue #1 is sent; only a draft can be reordered/);
    const introSent = await cli("issue", "intro", "1", "Too late.");
    expect(introSent.code).toBe(2);
    expect(introSent.stderr).toMatch(/issue #1 is sent; only a draft can be given an intro/);

    const text = (await cli("render", "--issue", "1")).stdout.trim().split("\n")[2] as string;
    const body = (await import("node:fs")).readFileSync(text, "utf8");
    expect(body).toContain("A short week: five posts on mobile performance.");
    const sent = (await cli("issue", "show", "1")).stdout;
    expect(sent).toMatch(/^1\. \[(\d+)\]/m);
    // The sent issue's record still holds the dropped article: marked, as it was not in the email.
    const marked = sent.split("\n").filter((line) => line.includes("✗ dropped before the send"));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(
      new RegExp(`^\\d\\. \\[${ids[0]}\\] .* ✗ dropped before the send: not in the email$`),
    );
    expect((await cli("run")).stdout).toMatch(/no issue — 0 new articles/);
    expect(outbox()).toHaveLength(2);
  });

  it("discarding a draft returns its articles to the next compose", async () => {
    writeConfig(dir, "    mode: review\n");
    await cli("run");
    expect((await cli("issue", "discard", "1")).stdout).toMatch(/Discarded draft #1/);
    expect((await cli("compose")).stdout).toMatch(/composed issue #1 with 5 articles/);
  });

  it("in auto mode with a hold, the issue waits out the hold", async () => {
    writeConfig(dir, "    hold: 2h\n");
    const held = await cli("run");
    expect(held.stdout).toMatch(/issue #1 with 5 articles — held until .* \(hold 2h\)/);
    expect(outbox()).toHaveLength(0);
    expect((await cli("issue", "approve", "1", "--send")).stdout).toMatch(/Messages: 2 sent/);
  });
});
