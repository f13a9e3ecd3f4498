import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, withoutCreatedNotice } from "../helpers/cli.js";

// SpamAssassin's own threshold is 5.0; a newsletter should be far from it.
const MAX_SCORE = 1.0;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "gazette-spam-"));
  // The bundled demo, as `npm start` runs it: its messages land in the outbox as .eml files.
  const run = await runCli(["run"], { env: { GAZETTE_DATA_DIR: dataDir } });
  expect(withoutCreatedNotice(run.stderr)).toBe("");
  expect(run.code).toBe(0);
});

/** Runs `spamassassin -L -t` (local tests only, no network, no Bayes state) on a message. */
function spamReport(message: Buffer): { score: number; rules: string[]; report: string } {
  const home = mkdtempSync(path.join(tmpdir(), "gazette-sa-home-"));
  const output = execFileSync(
    "spamassassin",
    ["-L", "-t", "-p", path.join(home, "user_prefs"), "--cf=use_bayes 0"],
    { input: message, env: { ...process.env, HOME: home }, maxBuffer: 16 * 1024 * 1024 },
  ).toString();
  const status = /^X-Spam-Status: .*?score=(-?[\d.]+)[\s\S]*?tests=([\s\S]*?)autolearn/m.exec(
    output,
  );
  if (!status) throw new Error(`no X-Spam-Status header in:\n${output.slice(0, 2000)}`);
  const rules = (status[2] ?? "").split(/[\s,]+/).filter(Boolean);
  const details = output.slice(output.indexOf("Content analysis details"));
  return { score: Number(status[1]), rules, report: details.slice(0, 3000) };
}

describe("SpamAssassin", () => {
  it(`scores the demo issue at most ${MAX_SCORE} (its spam threshold is 5.0)`, () => {
    const outbox = path.join(dataDir, "outbox");
    const files = readdirSync(outbox).filter((name) => name.endsWith(".eml"));
    expect(files.length).toBe(5);
    const message = readFileSync(path.join(outbox, files[0] as string));
    expect(message.toString()).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    const { score, rules, report } = spamReport(message);
    // On failure, the rules that fired say what to fix.
    expect(score, `rules hit: ${rules.join(", ")}\n${report}`).toBeLessThanOrEqual(MAX_SCORE);
    expect(rules).not.toContain("HTML_FONT_LOW_CONTRAST");
    expect(rules).not.toContain("MPART_ALT_DIFF");
  });
});
