import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";

const EMAILS = Array.from(
  { length: 30 },
  (_, i) => `reader${String(i).padStart(2, "0")}@example.com`,
);
const BOUNCING = "reader07@example.com";

describe("gazette send and gazette deliveries", () => {
  let dir: string;
  let smtp: SmtpSink;
  const gazette = (args: string[]) =>
    runCli(["-c", "gazette.yaml", ...args], { cwd: dir, env: { GAZETTE_TRANSPORT: smtp.url } });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    dir = mkdtempSync(path.join(tmpdir(), "gazette-delivery-cli-"));
    writeFileSync(path.join(dir, "subscribers.csv"), `email\n${EMAILS.join("\n")}\n`);
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `newsletter: { name: Delivery Test, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Delivery Test <digest@news.example.com>" }
subscribersFile: subscribers.csv
templates: ${path.join(ROOT, "templates")}
feeds:
  - url: ${path.join(ROOT, "examples/feeds/orbit-mobile.xml")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
# One attempt only, so that a 451 leaves a failed row for --resend-failed.
delivery: { retry: { maxAttempts: 1 }, batchSize: 10 }
`,
    );
  });
  afterAll(() => smtp.close());

  it("dry-runs, pauses, resumes, reports failures and resends the failed ones", async () => {
    const dry = await gazette(["run", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Messages: 30 messages built, none sent \(dry run\)/);
    // A dry run stores no issue: compose makes the draft the rest of this test sends.
    expect((await gazette(["compose"])).code).toBe(0);
    expect((await gazette(["deliveries"])).stdout).toMatch(
      /Issue #1 of weekly \(draft\)\n {2}no deliveries yet/,
    );

    const pause = await gazette(["send", "--pause"]);
    expect(pause.stdout).toMatch(/Issue #1 of weekly paused/);
    const whilePaused = await gazette(["send"]);
    expect(whilePaused.code).toBe(0);
    expect(whilePaused.stdout).toMatch(/is paused; resume it with "gazette send --resume"/);
    expect(smtp.messages).toHaveLength(0);

    smtp.rejectRecipient(BOUNCING, 550, "5.1.1 No such user");
    smtp.failNext(1, 451, "4.3.0 Try again later");
    const resumed = await gazette(["send", "--resume"]);
    expect(resumed.code).toBe(1);
    expect(resumed.stdout).toMatch(/Issue #1 of weekly: 28 sent, 1 failed, 1 bounced/);

    const report = await gazette(["deliveries", "--issue", "1"]);
    expect(report.code).toBe(0);
    const lines = report.stdout.trim().split("\n");
    expect(lines[0]).toBe("Issue #1 of weekly (sent)");
    expect(lines[1]).toBe("  28 sent, 1 failed, 1 bounced");
    const failures = lines.slice(3).map((line) => line.trim().split("\t"));
    expect(failures).toEqual(
      expect.arrayContaining([
        [BOUNCING, "bounced", "1 attempt", `550 5.1.1 No such user (to ${BOUNCING})`],
        [
          expect.any(String),
          "failed",
          "1 attempt",
          expect.stringMatching(/^gave up after 1 attempts: 451 4\.3\.0 Try again later/),
        ],
      ]),
    );
    const failed = failures.find((row) => row[1] === "failed")?.[0] as string;

    const resend = await gazette(["send", "--issue", "1", "--resend-failed"]);
    expect(resend.code).toBe(0);
    expect(resend.stdout).toMatch(/1 failed deliveries put back in the queue/);
    expect(resend.stdout).toMatch(/Issue #1 of weekly: 1 sent\n/);
    const received = smtp.messages.flatMap((message) => message.to).sort();
    expect(received).toEqual(EMAILS.filter((email) => email !== BOUNCING));
    expect(received.filter((email) => email === failed)).toHaveLength(1);
    expect(smtp.recipientsTried.filter((email) => email === BOUNCING)).toHaveLength(1);

    const parsed = await smtp.messages[0]?.parse();
    expect(parsed?.headers.get("feedback-id")).toMatch(/^1:weekly:gazette:[0-9a-f]{12}$/);
    expect(parsed?.headers.get("x-gazette-issue")).toBe("weekly/1");
    expect(parsed?.headers.get("x-gazette-subscriber")).toMatch(/^k\w*\.[\w-]{32}$/);
  });

  it("refuses --pause together with --resume", async () => {
    const both = await gazette(["send", "--pause", "--resume"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--pause and --resume cannot be combined/);
  });
});
