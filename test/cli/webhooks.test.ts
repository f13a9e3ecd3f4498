import { mkdtempSync } from "node:fs";
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
});
