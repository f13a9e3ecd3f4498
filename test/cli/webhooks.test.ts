import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook, webhookKey } from "../../src/inbox/index.js";
import { runCli } from "../helpers/cli.js";
import { writeDemoConfig } from "../helpers/demo-config.js";
import { type HttpRecorder, startHttpRecorder } from "../helpers/http-recorder.js";

const SECRET = "a long random webhook secret";
let dir: string;
let receiver: HttpRecorder;

beforeAll(async () => {
  receiver = await startHttpRecorder();
  dir = mkdtempSync(path.join(tmpdir(), "gazette-cli-hooks-"));
  writeDemoConfig(dir, {
    name: "Hooks Weekly",
    extra: `webhooks:
  - url: ${receiver.url("/crm")}
    events: [subscriber.subscribed]
    secretEnv: CRM_SECRET
`,
  });
});

afterAll(() => receiver.close());

const cli = (...args: string[]) =>
  runCli(["--config", "gazette.yaml", ...args], { cwd: dir, env: { CRM_SECRET: SECRET } });

describe("gazette webhooks", () => {
  it("subscribers add → webhooks deliver posts the signed event → webhooks shows the log", async () => {
    expect((await cli("subscribers", "add", "ada@example.org", "--list", "weekly")).code).toBe(0);
    const deliver = await cli("webhooks", "deliver");
    expect(deliver.stdout.trim()).toBe("Webhooks: 1 sent, 0 to retry, 0 failed");
    const [request] = receiver.requests;
    expect(request?.path).toBe("/crm");
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
      type: "subscriber.subscribed",
      data: { email: "ada@example.org", list: "weekly", status: "active" },
    });
    const check = verifyWebhook({
      key: webhookKey(SECRET),
      id: request?.headers["webhook-id"] as string,
      timestamp: request?.headers["webhook-timestamp"] as string,
      signature: request?.headers["webhook-signature"] as string,
      body: request?.body ?? "",
      now: new Date(),
      maxAgeMs: 300_000,
    });
    expect(check).toBe("ok");
    const log = await cli("webhooks");
    expect(log.stdout).toMatch(/^Webhook deliveries: 1 sent$/m);
    expect(log.stdout).toMatch(/evt_\d+\tsubscriber\.subscribed\t.*\/crm\tsent\t1 attempt\t/);
  });

  // "--limit x" was read as 30 without a word.
  it("refuses a --limit that is no positive whole number, with exit code 2", async () => {
    for (const limit of ["x", "0", "2.5"]) {
      const result = await cli("webhooks", "--limit", limit);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        `gazette: --limit: "${limit}" is not a positive whole number`,
      );
    }
  });

  it("subscribers import posts subscribed once per new membership; a dry run and a re-import none", async () => {
    writeFileSync(path.join(dir, "people.csv"), "email,name\nBo@Example.org,Bo\ncy@example.org,\n");
    const before = receiver.requests.length;
    const importCsv = async (...flags: string[]) =>
      (await cli("subscribers", "import", "people.csv", "--list", "weekly", ...flags)).code;
    const deliver = async () => (await cli("webhooks", "deliver")).stdout.trim();
    expect(await importCsv("--dry-run")).toBe(0);
    expect(await deliver()).toBe("Webhooks: 0 sent, 0 to retry, 0 failed");
    expect(await importCsv()).toBe(0);
    expect(await deliver()).toBe("Webhooks: 2 sent, 0 to retry, 0 failed");
    const bodies = receiver.requests.slice(before).map((request) => JSON.parse(request.body));
    // The data `subscribers add` (join) sends: the address as stored (domain in lower case), name,
    // list, status, source.
    expect(bodies.map((body) => [body.type, body.data])).toEqual([
      [
        "subscriber.subscribed",
        { email: "Bo@example.org", name: "Bo", list: "weekly", status: "active", source: "import" },
      ],
      [
        "subscriber.subscribed",
        { email: "cy@example.org", name: null, list: "weekly", status: "active", source: "import" },
      ],
    ]);
    expect(await importCsv()).toBe(0);
    expect(await deliver()).toBe("Webhooks: 0 sent, 0 to retry, 0 failed");
    expect(receiver.requests.length).toBe(before + 2);
  });
});
