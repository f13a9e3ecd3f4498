import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";

/** A port nothing listens on: taken from the OS, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("a send interrupted by a failing relay", () => {
  let dir: string;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    dir = mkdtempSync(path.join(tmpdir(), "gazette-resume-"));
    writeFileSync(
      path.join(dir, "subscribers.csv"),
      "email\na@example.com\nb@example.com\nc@example.com\n",
    );
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `newsletter: { name: Resume Test, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Resume <digest@news.example.com>" }
subscribersFile: subscribers.csv
templates: ${path.join(ROOT, "templates")}
feeds:
  - url: ${path.join(ROOT, "examples/feeds/orbit-mobile.xml")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
# Retries at once, so that one run settles the 451 below (backoff has its own tests).
delivery: { retry: { baseDelay: 0s } }
`,
    );
  });
  afterAll(() => smtp.close());

  it("keeps every delivery pending while the relay is down, then sends each exactly once", async () => {
    const down = await runCli(["-c", "gazette.yaml", "run"], {
      cwd: dir,
      env: { GAZETTE_TRANSPORT: `smtp://127.0.0.1:${await deadPort()}` },
    });
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/issue #1 with 5 articles/);
    expect(down.stdout).toMatch(/0 sent, 3 still pending — stopped: .*ECONNREFUSED/);

    // One transient 451 on the way: retried, not lost, not doubled.
    smtp.failNext(1, 451, "Try again later");
    const up = await runCli(["-c", "gazette.yaml", "run"], {
      cwd: dir,
      env: { GAZETTE_TRANSPORT: smtp.url },
    });
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/issue #1 \(resumed\) with 5 articles/);
    expect(up.stdout).toMatch(/Messages: 3 sent/);
    const received = (await smtp.waitFor(3)).flatMap((m) => m.to).sort();
    expect(received).toEqual(["a@example.com", "b@example.com", "c@example.com"]);

    const status = await runCli(["-c", "gazette.yaml", "status"], { cwd: dir });
    expect(status.stdout).toMatch(/last issue #1 \(sent\) · deliveries: 3 sent/);
  });
});
