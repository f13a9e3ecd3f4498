import { afterEach, describe, expect, it } from "vitest";
import {
  prepareMessage,
  sendIssue,
  type Transport,
  TransportError,
} from "../../src/deliver/index.js";
import { signAwsV4 } from "../../src/deliver/transports/sign-aws-v4.js";
import { storeEffects } from "../../src/inbox/index.js";
import {
  type ApiStandIn,
  rawFromSes,
  startPostmarkStandIn,
  startResendStandIn,
  startSesStandIn,
} from "../helpers/email-apis.js";
import { startEndlessServer } from "../helpers/endless-server.js";
import { startHttpRecorder } from "../helpers/http-recorder.js";
import { apiTransport } from "../helpers/transports.js";
import { makeMessage } from "./make-message.js";
import { type SeededIssue, seedIssue, sendInput, T0 } from "./seed-issue.js";

const AWS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const AWS_ENV = { AWS_ACCESS_KEY_ID: AWS.accessKeyId, AWS_SECRET_ACCESS_KEY: AWS.secretAccessKey };

let api: ApiStandIn | undefined;
let transport: Transport | undefined;
let seeded: SeededIssue | undefined;

afterEach(async () => {
  await transport?.close();
  await api?.close();
  await seeded?.store.close();
  api = transport = seeded = undefined;
});

describe("SigV4", () => {
  it("signs AWS's documented example request to the same signature", () => {
    // docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html (IAM ListUsers)
    const headers = signAwsV4(
      {
        method: "GET",
        url: new URL("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"),
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
        body: "",
      },
      AWS,
      { region: "us-east-1", service: "iam" },
      new Date("2015-08-30T12:36:00Z"),
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    );
  });
});

describe("the requests each API documents", () => {
  it("SES: a signed POST /v2/email/outbound-emails with the raw message, the configuration set and a session token", async () => {
    api = await startSesStandIn(AWS, "eu-west-1");
    transport = await apiTransport(
      { type: "ses", region: "eu-west-1", endpoint: api.url, configurationSet: "gazette" },
      { ...AWS_ENV, AWS_SESSION_TOKEN: "session-1" },
    );
    const message = makeMessage();
    const result = await transport.send(prepareMessage(message));
    const [request] = api.requests;
    expect(result.serviceMessageId).toMatch(/^0102[0-9a-f]{32}-000000$/);
    expect(result.response).toBe(`ses ${result.serviceMessageId}`);
    expect(request?.headers["x-amz-security-token"]).toBe("session-1");
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/ses\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
    const body = JSON.parse(request?.body ?? "{}");
    expect(body).toMatchObject({
      FromEmailAddress: "news@gazette.example",
      Destination: { ToAddresses: ["ada@example.org"] },
      ConfigurationSetName: "gazette",
    });
    const raw = rawFromSes(request as never).toString("utf8");
    expect(raw).toContain(`Message-ID: ${message.messageId}`);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  });

  it("SES: a wrong secret is refused by the API's own check, and reported as the transport down", async () => {
    api = await startSesStandIn(AWS, "eu-west-1");
    transport = await apiTransport(
      { type: "ses", region: "eu-west-1", endpoint: api.url },
      { ...AWS_ENV, AWS_SECRET_ACCESS_KEY: "not-the-secret" },
    );
    const error = await transport.send(prepareMessage(makeMessage())).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "transport-down",
      message: expect.stringContaining("SignatureDoesNotMatch"),
    });
  });

  it("Postmark: the server token, the message stream, both bodies and every list header", async () => {
    api = await startPostmarkStandIn("server-token");
    transport = await apiTransport(
      { type: "postmark", endpoint: api.url, messageStream: "newsletter" },
      { POSTMARK_SERVER_TOKEN: "server-token" },
    );
    const message = makeMessage();
    const result = await transport.send(prepareMessage(message));
    const [request] = api.requests;
    expect(request?.headers["x-postmark-server-token"]).toBe("server-token");
    const body = JSON.parse(request?.body ?? "{}");
    expect(body).toMatchObject({
      MessageStream: "newsletter",
      To: message.to,
      TextBody: message.text,
    });
    expect(body.Headers.map((h: { Name: string }) => h.Name)).toEqual(
      expect.arrayContaining([
        "Message-ID",
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
        "List-Id",
      ]),
    );
    expect(result.serviceMessageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("Resend: the Bearer key and the Message-ID as Idempotency-Key, so a retry is never sent twice", async () => {
    api = await startResendStandIn("re_key");
    transport = await apiTransport(
      { type: "resend", endpoint: api.url },
      { RESEND_API_KEY: "re_key" },
    );
    const message = makeMessage();
    await transport.send(prepareMessage(message));
    const [request] = api.requests;
    expect(request?.headers.authorization).toBe("Bearer re_key");
    expect(request?.headers["idempotency-key"]).toBe(message.messageId);
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
      to: [message.to],
      subject: message.subject,
    });
  });

  it("a missing key is the transport down, and nothing is sent", async () => {
    api = await startResendStandIn("re_key");
    transport = await apiTransport({ type: "resend", endpoint: api.url }, {});
    const error = await transport.send(prepareMessage(makeMessage())).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "transport-down",
      message: "resend: RESEND_API_KEY is not set",
    });
    expect(api.requests).toEqual([]);
  });
});

describe("rate limits, timeouts and outages", () => {
  it("a 429 keeps the API's Retry-After, and the send waits that long rather than its backoff", async () => {
    api = await startPostmarkStandIn("server-token");
    transport = await apiTransport(
      { type: "postmark", endpoint: api.url },
      { POSTMARK_SERVER_TOKEN: "server-token" },
    );
    api.failNext({
      status: 429,
      headers: { "retry-after": "120" },
      body: '{"ErrorCode":429,"Message":"Rate limit exceeded"}',
    });
    seeded = await seedIssue(1);
    const report = await sendIssue(
      sendInput(seeded, transport, {
        options: { retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 3_600_000 } },
      }),
    );
    expect(report).toMatchObject({ sent: 0, retried: 1 });
    const [row] = await seeded.store.db
      .selectFrom("deliveries")
      .select(["status", "next_attempt_at", "error"])
      .execute();
    expect(row).toMatchObject({ status: "pending", error: expect.stringContaining("HTTP 429") });
    // 120 s asked; the backoff alone would have been 1 s.
    expect(Date.parse(row?.next_attempt_at as string) - T0.getTime()).toBe(120_000);
  });

  it("an API that never answers is retry-later after the timeout; one that cannot be reached is transport-down", async () => {
    const stalled = await startHttpRecorder("stall");
    try {
      transport = await apiTransport(
        { type: "resend", endpoint: stalled.url(""), timeout: "300ms" },
        { RESEND_API_KEY: "k" },
      );
      const late = await transport.send(prepareMessage(makeMessage())).catch((e: unknown) => e);
      expect(late).toBeInstanceOf(TransportError);
      expect(late).toMatchObject({ kind: "retry-later", message: "resend: no answer in time" });
    } finally {
      await stalled.close();
    }
    const gone = await startHttpRecorder();
    const url = gone.url("");
    await gone.close();
    await transport.close();
    transport = await apiTransport(
      { type: "postmark", endpoint: url },
      { POSTMARK_SERVER_TOKEN: "t" },
    );
    const down = await transport.send(prepareMessage(makeMessage())).catch((e: unknown) => e);
    expect(down).toMatchObject({
      kind: "transport-down",
      message: expect.stringContaining("ECONNREFUSED"),
    });
  });
});

describe("the service's message id", () => {
  it("is stored on the delivery by the send, and the service's later bounce finds the row by it", async () => {
    api = await startPostmarkStandIn("server-token");
    transport = await apiTransport(
      { type: "postmark", endpoint: api.url },
      { POSTMARK_SERVER_TOKEN: "server-token" },
    );
    seeded = await seedIssue(3);
    const report = await sendIssue(sendInput(seeded, transport));
    expect(report.sent).toBe(3);
    const rows = await seeded.store.db
      .selectFrom("deliveries")
      .select(["id", "email", "service_message_id", "smtp_response"])
      .orderBy("id")
      .execute();
    const answers = api.requests.map((r) => JSON.parse(r.body).To);
    expect(new Set(answers)).toEqual(new Set(seeded.emails));
    for (const row of rows) {
      expect(row.service_message_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.smtp_response).toBe(`postmark ${row.service_message_id}`);
    }
    const second = rows[1];
    // Postmark reports the bounce with its MessageID and a differently written address.
    const outcome = await storeEffects(seeded.store, { maxBounces: 1 }).apply(
      {
        service: "postmark",
        eventKey: "Bounce:1",
        kind: "hard-bounce",
        recipient: (second?.email ?? "").toUpperCase(),
        serviceMessageId: second?.service_message_id ?? "",
        detail: "HardBounce",
        occurredAt: T0,
      },
      T0,
    );
    expect(outcome).toBe("applied");
    const after = await seeded.store.db
      .selectFrom("deliveries")
      .select(["id", "status"])
      .orderBy("id")
      .execute();
    expect(after.map((r) => r.status)).toEqual(["sent", "bounced", "sent"]);
    expect(await seeded.store.suppressions.byEmail(second?.email ?? "")).toBeDefined();
  });
});

describe("answers that are not the API's", () => {
  const configs = {
    postmark: (url: string) => ({ type: "postmark", endpoint: url }),
    resend: (url: string) => ({ type: "resend", endpoint: url }),
    ses: (url: string) => ({ type: "ses", region: "eu-west-1", endpoint: url }),
  };
  const keys = { POSTMARK_SERVER_TOKEN: "t", RESEND_API_KEY: "k", ...AWS_ENV };

  it.each([
    ["postmark", 200, "<html><body>Sign in to the Wi-Fi</body></html>"],
    ["resend", 404, "<html><body>Not Found</body></html>"],
    ["ses", 200, ""],
    ["postmark", 400, '{"ErrorCode":'],
  ] as const)(
    "%s: a %i with %j is the transport down, not the message refused for good",
    async (service, status, body) => {
      const portal = await startHttpRecorder({
        status,
        headers: { "content-type": "text/html" },
        body,
      });
      try {
        transport = await apiTransport(configs[service](portal.url("")), keys);
        const failure = await transport
          .send(prepareMessage(makeMessage()))
          .catch((e: unknown) => e);
        expect(failure).toMatchObject({ kind: "transport-down" });
      } finally {
        await portal.close();
      }
    },
  );

  it("an HTML page for every message pauses the send with every delivery still to send", async () => {
    const portal = await startHttpRecorder({ status: 200, body: "<html>Captive portal</html>" });
    try {
      transport = await apiTransport(configs.postmark(portal.url("")), keys);
      seeded = await seedIssue(5);
      const report = await sendIssue(sendInput(seeded, transport));
      expect(report).toMatchObject({ sent: 0, failed: 0, transportError: expect.any(String) });
      const rows = await seeded.store.db.selectFrom("deliveries").select("status").execute();
      expect(rows.map((row) => row.status).filter((status) => status === "failed")).toEqual([]);
    } finally {
      await portal.close();
    }
  });

  it("a service's error text with line breaks and escapes is stored as one line", async () => {
    api = await startPostmarkStandIn("server-token");
    transport = await apiTransport(configs.postmark(api.url), {
      POSTMARK_SERVER_TOKEN: "server-token",
    });
    api.failNext({
      status: 422,
      body: JSON.stringify({
        ErrorCode: 300,
        Message: "Invalid 'To'\r\n  eve@example.org\tfailed\t1 attempt\u001b[2J\u009b31m\u202e",
      }),
    });
    seeded = await seedIssue(1);
    await sendIssue(sendInput(seeded, transport));
    const [row] = await seeded.store.db
      .selectFrom("deliveries")
      .select(["status", "error"])
      .execute();
    expect(row?.status).toBe("failed");
    expect(row?.error).toBe(
      "postmark: HTTP 422: 300 Invalid 'To'    eve@example.org failed 1 attempt[2J31m",
    );
  });

  it("an answer that never ends is read to its first 256 KB, not held whole until the timeout", async () => {
    const endless = await startEndlessServer("a");
    try {
      transport = await apiTransport({ ...configs.resend(endless.origin), timeout: "60s" }, keys);
      const failure = await transport.send(prepareMessage(makeMessage())).catch((e: unknown) => e);
      expect(failure).toMatchObject({
        kind: "transport-down",
        message: expect.stringMatching(/^resend: HTTP 200: a+$/),
      });
    } finally {
      await endless.close();
    }
  }, 10_000);
});
