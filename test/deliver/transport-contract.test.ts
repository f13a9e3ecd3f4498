import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { classifyFailure } from "../../src/deliver/engine/classify-failure.js";
import {
  compileMessage,
  type FailureKind,
  type PreparedMessage,
  prepareMessage,
  type Transport,
  TransportError,
} from "../../src/deliver/index.js";
import {
  type ApiStandIn,
  rawFromSes,
  receivedFromPostmark,
  receivedFromResend,
  startPostmarkStandIn,
  startResendStandIn,
  startSesStandIn,
} from "../helpers/email-apis.js";
import { startSmtpSink } from "../helpers/smtp-sink.js";
import { apiTransport, outboxTransport, smtpTransport } from "../helpers/transports.js";
import { makeMessage } from "./make-message.js";

/**
 * The transport contract, run against every transport (as test/store runs the store contract
 * against both databases). A new transport adds one entry to CASES: how to start it against a
 * real or local peer, read back what the peer received, and make the peer fail each way it can.
 */

/** What the far end received, in the terms every transport can be checked in. */
interface Received {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The bytes, when the transport hands over bytes (SMTP, the outbox). */
  raw?: Buffer;
}

interface Harness {
  transport: Transport;
  received(): Promise<Received[]>;
  /**
   * Sets the peer up to fail the next message to `to` in this way, and returns the transport to
   * send it with. Missing for a kind the transport cannot meet (the outbox never bounces).
   */
  fail: Partial<Record<FailureKind, (to: string) => Promise<Transport>>>;
  close(): Promise<void>;
}

async function fromRaw(raw: Buffer): Promise<Received> {
  const parsed = await simpleParser(raw);
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines) headers[line.key] = line.line.replace(/^[^:]*:\s*/, "");
  return {
    to: parsed.to && !Array.isArray(parsed.to) ? (parsed.to.value[0]?.address ?? "") : "",
    from: parsed.from?.value[0]?.address ?? "",
    subject: parsed.subject ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    text: parsed.text ?? "",
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, value.replace(/\r?\n[ \t]+/g, " ")]),
    ),
    raw,
  };
}

const CASES: [string, () => Promise<Harness>][] = [
  [
    "outbox",
    async () => {
      const root = await mkdtemp(join(tmpdir(), "gazette-contract-"));
      const dir = join(root, "outbox");
      return {
        transport: outboxTransport(dir),
        received: async () => {
          const files = (await readdir(dir).catch(() => [])).sort();
          return Promise.all(files.map(async (file) => fromRaw(await readFile(join(dir, file)))));
        },
        fail: {
          // A folder that cannot be made (a file stands in the way): nothing would get through.
          "transport-down": async () => {
            const blocked = join(root, "blocked");
            await writeFile(blocked, "");
            return outboxTransport(join(blocked, "outbox"));
          },
        },
        close: () => rm(root, { recursive: true, force: true }),
      };
    },
  ],
  [
    "smtp (smtp-server)",
    async () => {
      const sink = await startSmtpSink();
      const transport = smtpTransport({ url: sink.url, pool: true, maxConnections: 2 });
      const opened: Transport[] = [transport];
      return {
        transport,
        received: async () => Promise.all(sink.messages.map((message) => fromRaw(message.raw))),
        fail: {
          "recipient-rejected": async (to) => {
            sink.rejectRecipient(to, 550, "5.1.1 No such user");
            return transport;
          },
          "message-rejected": async (to) => {
            sink.rejectRecipient(to, 550, "5.7.1 Message rejected as spam");
            return transport;
          },
          "retry-later": async () => {
            sink.failNext(1, 451, "4.7.1 Greylisted, try again later");
            return transport;
          },
          "transport-down": async () => {
            const gone = await startSmtpSink();
            await gone.close();
            const unreachable = smtpTransport({ url: gone.url });
            opened.push(unreachable);
            return unreachable;
          },
        },
        close: async () => {
          for (const each of opened) await each.close();
          await sink.close();
        },
      };
    },
  ],
  [
    "ses (a local SES v2 API)",
    async () => {
      const credentials = {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      };
      const api = await startSesStandIn(credentials, "eu-west-1");
      const env = {
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      };
      const config = { type: "ses", region: "eu-west-1", endpoint: api.url, timeout: "2s" };
      return apiHarness(api, await apiTransport(config, env), {
        received: () => Promise.all(api.requests.map((r) => fromRaw(rawFromSes(r)))),
        // SES takes every recipient and bounces later (an event); it rejects messages, not mailboxes.
        fail: {
          "message-rejected": {
            status: 400,
            headers: { "x-amzn-errortype": "MessageRejected" },
            body: '{"message":"Email address is not verified."}',
          },
          "retry-later": {
            status: 429,
            headers: { "x-amzn-errortype": "TooManyRequestsException" },
            body: '{"message":"Maximum sending rate exceeded."}',
          },
          "transport-down": {
            status: 403,
            headers: { "x-amzn-errortype": "AccountSuspendedException" },
            body: '{"message":"Account suspended"}',
          },
        },
      });
    },
  ],
  [
    "postmark (a local Postmark API)",
    async () => {
      const api = await startPostmarkStandIn("server-token");
      const config = { type: "postmark", endpoint: api.url, timeout: "2s" };
      return apiHarness(
        api,
        await apiTransport(config, { POSTMARK_SERVER_TOKEN: "server-token" }),
        {
          received: async () => api.requests.map(receivedFromPostmark),
          fail: {
            "recipient-rejected": {
              status: 422,
              body: '{"ErrorCode":406,"Message":"You tried to send to a recipient that has been marked as inactive."}',
            },
            "message-rejected": {
              status: 422,
              body: '{"ErrorCode":300,"Message":"Invalid email request"}',
            },
            "retry-later": {
              status: 429,
              headers: { "retry-after": "30" },
              body: '{"ErrorCode":429,"Message":"Rate limit exceeded"}',
            },
            "transport-down": {
              status: 401,
              body: '{"ErrorCode":10,"Message":"Bad or missing Server API token."}',
            },
          },
        },
      );
    },
  ],
  [
    "resend (a local Resend API)",
    async () => {
      const api = await startResendStandIn("re_key");
      const config = { type: "resend", endpoint: api.url, timeout: "2s" };
      return apiHarness(api, await apiTransport(config, { RESEND_API_KEY: "re_key" }), {
        received: async () => api.requests.map(receivedFromResend),
        fail: {
          "message-rejected": {
            status: 422,
            body: '{"statusCode":422,"name":"validation_error","message":"Invalid `to` field."}',
          },
          "retry-later": {
            status: 429,
            headers: { "retry-after": "1" },
            body: '{"statusCode":429,"name":"rate_limit_exceeded","message":"Too many requests."}',
          },
          "transport-down": {
            status: 403,
            body: '{"statusCode":403,"name":"invalid_api_key","message":"API key is invalid"}',
          },
        },
      });
    },
  ],
];

/** A harness for an HTTP API stand-in: each failure is the answer queued for the next request. */
function apiHarness(
  api: ApiStandIn,
  transport: Transport,
  options: {
    received: () => Promise<Received[]>;
    fail: Partial<
      Record<FailureKind, { status: number; headers?: Record<string, string>; body: string }>
    >;
  },
): Harness {
  const fail: Harness["fail"] = {};
  for (const [kind, answer] of Object.entries(options.fail) as [
    FailureKind,
    { status: number; body: string },
  ][])
    fail[kind] = async () => {
      api.failNext({
        ...answer,
        headers: {
          "content-type": "application/json",
          ...("headers" in answer ? (answer.headers as Record<string, string>) : {}),
        },
      });
      return transport;
    };
  return {
    transport,
    received: options.received,
    fail,
    close: async () => {
      await transport.close();
      await api.close();
    },
  };
}

const KINDS: FailureKind[] = [
  "recipient-rejected",
  "message-rejected",
  "retry-later",
  "transport-down",
];

describe.each(CASES)("the %s transport", (_name, start) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await start();
  });
  afterEach(() => harness.close());

  it("delivers the message's parts and headers, and answers with its Message-ID", async () => {
    const message = makeMessage({ replyTo: "editor@gazette.example" });
    const result = await harness.transport.send(prepareMessage(message));

    expect(result.messageId).toBe(message.messageId);
    expect(result.response).not.toBe("");
    const [received] = await harness.received();
    expect(received).toMatchObject({
      to: "ada@example.org",
      from: "news@gazette.example",
      subject: message.subject,
    });
    expect(received?.text.trim()).toBe(message.text.trim());
    expect(received?.html).toContain("<p>Café déjà vu</p>");
    expect(received?.headers).toMatchObject({
      "message-id": message.messageId,
      "reply-to": "editor@gazette.example",
      "list-id": '"Gazette Weekly" <weekly.gazette.example>',
      "list-unsubscribe":
        "<https://gazette.example/unsubscribe?token=ada>, <mailto:unsubscribe@gazette.example>",
      "list-unsubscribe-post": "List-Unsubscribe=One-Click",
      "x-gazette-issue": "7",
    });
  });

  it("delivers an issue's message prepared from its template, bodies filled on demand", async () => {
    const fill = (recipient: { email: string; name?: string }) => ({
      subject: "Issue 7",
      html: `<p>Hello ${recipient.name ?? "reader"}</p>`,
      text: `Hello ${recipient.name ?? "reader"}\n`,
    });
    const template = await compileMessage(
      {
        from: "Gazette Weekly <news@gazette.example>",
        subject: "Issue 7",
        listIdHeader: "Gazette Weekly <weekly.gazette.example>",
        headers: { "X-Gazette-Issue": "weekly/7" },
      },
      fill,
    );
    const prepared: PreparedMessage = template.prepare({
      recipient: {
        email: "bo@example.org",
        name: "Bo",
        unsubscribeUrl: "https://gazette.example/u/bo",
        preferencesUrl: "https://gazette.example/p/bo",
      },
      messageId: "<gz.inst1.7.bo@gazette.example>",
      subscriberRef: "k1.ref-bo",
      date: new Date("2025-03-03T09:00:00Z"),
    });
    expect(prepared.envelope).toEqual({ from: "news@gazette.example", to: "bo@example.org" });
    expect(prepared.headers).toMatchObject({ "X-Gazette-Subscriber": "k1.ref-bo" });

    await harness.transport.send(prepared);

    const [received] = await harness.received();
    expect(received?.to).toBe("bo@example.org");
    expect(received?.text.trim()).toBe("Hello Bo");
    expect(received?.headers).toMatchObject({
      "list-unsubscribe": "<https://gazette.example/u/bo>",
      "x-gazette-subscriber": "k1.ref-bo",
      "x-gazette-issue": "weekly/7",
    });
  });

  it("writes every line of the bytes it hands over with CRLF", async () => {
    await harness.transport.send(prepareMessage(makeMessage()));
    const [received] = await harness.received();
    if (!received?.raw) return; // a transport of structured parts has no bytes to check
    expect(received.raw.toString("latin1")).not.toMatch(/(^|[^\r])\n/);
  });

  it("checks a message for the dry run without handing it over", async () => {
    const size = await harness.transport.check(prepareMessage(makeMessage()));
    expect(size).toBeGreaterThan(100);
    expect(await harness.received()).toEqual([]);
  });

  it.each(KINDS)("names a %s failure in the contract's terms", async (kind) => {
    const setUp = harness.fail[kind];
    if (!setUp) return; // this transport cannot fail this way
    const to = "bob@example.org";
    const transport = await setUp(to);

    const error = await transport
      .send(prepareMessage(makeMessage({ to })))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind });
    const settled = { kind: classifyFailure(error).kind };
    expect(settled).toEqual({
      kind: {
        "recipient-rejected": "bounced",
        "message-rejected": "failed",
        "retry-later": "retry",
        "transport-down": "retry",
      }[kind],
    });
  });
});
