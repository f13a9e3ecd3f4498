import { execFileSync } from "node:child_process";
import { createSign } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createServiceEventReceiver,
  signWebhook,
  storeEffects,
  webhookKey,
} from "../../src/inbox/index.js";
import { type HttpRecorder, startHttpRecorder } from "../helpers/http-recorder.js";
import { type AppFixture, createAppFixture } from "../server/app-fixture.js";

const TOPIC = "arn:aws:sns:eu-west-1:123456789012:gazette-events";
const RESEND_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const env = {
  PM_USER: "postmark",
  PM_PASS: "s3cret-pass",
  PM_TOKEN: "tok-123",
  RESEND_SECRET,
};

// A self-made certificate, served by a local stand-in for sns.<region>.amazonaws.com.
let keyPem: string;
let certPem: string;
let otherKeyPem: string;
let sns: HttpRecorder;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-sns-"));
  const make = (name: string) =>
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=sns.eu-west-1.amazonaws.com",
        "-keyout",
        path.join(dir, `${name}.key`),
        "-out",
        path.join(dir, `${name}.pem`),
      ],
      { stdio: "ignore" },
    );
  make("sns");
  make("other");
  keyPem = readFileSync(path.join(dir, "sns.key"), "utf8");
  certPem = readFileSync(path.join(dir, "sns.pem"), "utf8");
  otherKeyPem = readFileSync(path.join(dir, "other.key"), "utf8");
  sns = await startHttpRecorder((request) =>
    request.path === "/cert.pem"
      ? { status: 200, body: certPem, headers: { "content-type": "application/x-pem-file" } }
      : { status: 200, body: "<ConfirmSubscriptionResponse/>" },
  );
});

afterAll(() => sns.close());

let app: AppFixture;

type ReceiverFactory = NonNullable<Parameters<typeof createAppFixture>[0]>["serviceEvents"];

/** The receiver of a fixture's store, config and clock; `get` stands in for SNS's servers. */
function receiverOf(get?: (url: string) => Promise<string>): ReceiverFactory {
  return ({ store, config, clock }) =>
    createServiceEventReceiver({
      store,
      config: config.serviceEvents as NonNullable<typeof config.serviceEvents>,
      env,
      clock,
      effects: storeEffects(store, { maxBounces: config.delivery.maxBounces }),
      ...(get && { get }),
    });
}

beforeEach(async () => {
  sns.requests.length = 0;
  app = await createAppFixture({
    extraConfig: `delivery:
  maxBounces: 1
serviceEvents:
  maxAge: 15m
  ses:
    topicArns: [${TOPIC}]
    certificateUrlPrefixes: [${sns.url("/")}]
  postmark:
    usernameEnv: PM_USER
    passwordEnv: PM_PASS
    tokenEnv: PM_TOKEN
  resend:
    secretEnv: RESEND_SECRET
`,
    serviceEvents: receiverOf(),
  });
});

afterEach(() => app.close());

/** A sent delivery of issue #1 of "weekly" to `email`, with the service's message id. */
async function sentDelivery(email: string, serviceMessageId: string) {
  const subscriberId = await app.addMember(email, "weekly");
  const listId = app.listId("weekly");
  const issue = await app.store.issues.create({
    listId,
    periodStart: new Date("2026-04-24T00:00:00Z"),
    periodEnd: app.clock.now(),
    articleIds: [],
    now: app.clock.now(),
  });
  await app.store.deliveries.createLedger({
    issueId: issue.id,
    listId,
    now: app.clock.now(),
    messageIdFor: (id) => `<${id}.1@news.example.com>`,
  });
  const row = await app.store.db
    .selectFrom("deliveries")
    .select("id")
    .where("subscriber_id", "=", subscriberId)
    .executeTakeFirstOrThrow();
  await app.store.db
    .updateTable("deliveries")
    .set({ status: "sent" })
    .where("id", "=", row.id)
    .execute();
  await app.store.deliveries.setServiceMessageId(row.id, serviceMessageId);
  return { deliveryId: row.id, subscriberId };
}

async function deliveryStatus(id: number) {
  const row = await app.store.db
    .selectFrom("deliveries")
    .select(["status", "error"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row;
}

function post(service: string, body: string, headers: Record<string, string> = {}) {
  return app.app.request(`/events/${service}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

// --- SES via SNS ---------------------------------------------------------------------------

function snsEnvelope(
  fields: Record<string, string>,
  options: { key?: string; certUrl?: string; version?: "1" | "2" } = {},
) {
  const message: Record<string, string> = {
    MessageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
    TopicArn: TOPIC,
    Timestamp: app.clock.now().toISOString(),
    SignatureVersion: options.version ?? "2",
    SigningCertURL: options.certUrl ?? sns.url("/cert.pem"),
    ...fields,
  };
  const keys =
    message.Type === "Notification"
      ? ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
      : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
  const toSign = keys
    .filter((key) => message[key] !== undefined)
    .map((key) => `${key}\n${message[key]}\n`)
    .join("");
  const signer = createSign(message.SignatureVersion === "1" ? "RSA-SHA1" : "RSA-SHA256");
  signer.update(toSign);
  message.Signature = signer.sign(options.key ?? keyPem, "base64");
  return JSON.stringify(message);
}

function sesBounce(recipient: string, sesMessageId: string, bounceType = "Permanent") {
  return JSON.stringify({
    notificationType: "Bounce",
    bounce: {
      bounceType,
      bounceSubType: bounceType === "Permanent" ? "General" : "MailboxFull",
      bouncedRecipients: [
        {
          emailAddress: recipient,
          status: "5.1.1",
          diagnosticCode: "smtp; 550 5.1.1 user unknown",
        },
      ],
      timestamp: "2026-05-01T09:59:00.000Z",
      feedbackId: "0102-abc",
    },
    mail: {
      timestamp: "2026-05-01T09:58:00.000Z",
      source: "digest@news.example.com",
      messageId: sesMessageId,
      destination: [recipient],
      commonHeaders: { messageId: "<1.1@news.example.com>" },
    },
  });
}

describe("SES events through SNS", () => {
  it("a signed Permanent bounce marks the delivery bounced and suppresses the address", async () => {
    const { deliveryId } = await sentDelivery("ann@example.org", "ses-0001");
    const response = await post(
      "ses",
      snsEnvelope({ Type: "Notification", Message: sesBounce("ann@example.org", "ses-0001") }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ applied: 1, duplicate: 0, unmatched: 0 });
    expect(await deliveryStatus(deliveryId)).toMatchObject({
      status: "bounced",
      error: "hard-bounce (ses)",
    });
    expect(await app.store.suppressions.byEmail("ANN@example.org")).toMatchObject({
      reason: "1 hard bounces",
    });
    // SNS retries the same message: applied once.
    const again = await post(
      "ses",
      snsEnvelope({ Type: "Notification", Message: sesBounce("ann@example.org", "ses-0001") }),
    );
    expect(await again.json()).toEqual({ applied: 0, duplicate: 1, unmatched: 0 });
  });

  it("SignatureVersion 1 (SHA1) verifies too; a Transient bounce is only recorded", async () => {
    const { deliveryId } = await sentDelivery("bo@example.org", "ses-0002");
    const response = await post(
      "ses",
      snsEnvelope(
        { Type: "Notification", Message: sesBounce("bo@example.org", "ses-0002", "Transient") },
        { version: "1" },
      ),
    );
    expect(response.status).toBe(200);
    expect(await deliveryStatus(deliveryId)).toMatchObject({ status: "sent" });
    expect(await app.store.mailEvents.counts()).toEqual([
      { kind: "soft-bounce", source: "ses", count: 1 },
    ]);
  });

  it("a complaint suppresses the address and marks every membership complained", async () => {
    await sentDelivery("cy@example.org", "ses-0003");
    const subscriber = await app.store.subscribers.byEmail("cy@example.org");
    await app.store.subscribers.join(app.listId("ai"), subscriber?.id as number, {
      status: "active",
      source: "test",
      now: app.clock.now(),
    });
    const complaint = JSON.stringify({
      notificationType: "Complaint",
      complaint: {
        complainedRecipients: [{ emailAddress: "cy@example.org" }],
        complaintFeedbackType: "abuse",
        timestamp: "2026-05-01T09:59:00Z",
      },
      mail: { messageId: "ses-0003" },
    });
    expect(
      (await post("ses", snsEnvelope({ Type: "Notification", Message: complaint }))).status,
    ).toBe(200);
    expect(await app.store.suppressions.byEmail("cy@example.org")).toMatchObject({
      reason: "complaint (ses)",
    });
    const statuses = (await app.store.subscribers.membershipsOf(subscriber?.id as number)).map(
      (m) => m.status,
    );
    expect(statuses).toEqual(["complained", "complained"]);
  });

  it("a SubscriptionConfirmation is verified, then confirmed by a GET of its SubscribeURL", async () => {
    const subscribeUrl = sns.url("/?Action=ConfirmSubscription&Token=tok");
    const response = await post(
      "ses",
      snsEnvelope({
        Type: "SubscriptionConfirmation",
        Message: "You have chosen to subscribe…",
        SubscribeURL: subscribeUrl,
        Token: "tok",
      }),
    );
    expect(response.status).toBe(200);
    expect(sns.requests.map((r) => r.path)).toEqual([
      "/cert.pem",
      "/?Action=ConfirmSubscription&Token=tok",
    ]);
  });

  it.each([
    [
      "forged (signed with another key)",
      () =>
        snsEnvelope(
          { Type: "Notification", Message: sesBounce("ann@example.org", "x") },
          { key: otherKeyPem },
        ),
      401,
      "forged",
    ],
    [
      "tampered after signing",
      () =>
        snsEnvelope({ Type: "Notification", Message: sesBounce("ann@example.org", "x") }).replace(
          "ann@",
          "eve@",
        ),
      401,
      "forged",
    ],
    [
      "unsigned",
      () =>
        JSON.stringify({
          Type: "Notification",
          Message: "{}",
          MessageId: "1",
          TopicArn: TOPIC,
          Timestamp: new Date().toISOString(),
        }),
      401,
      "unsigned",
    ],
    [
      "replayed (an hour old)",
      () =>
        snsEnvelope({
          Type: "Notification",
          Message: sesBounce("ann@example.org", "x"),
          Timestamp: "2026-05-01T09:00:00.000Z",
        }),
      401,
      "replayed",
    ],
    [
      "from an unknown topic",
      () =>
        snsEnvelope({
          Type: "Notification",
          Message: "{}",
          TopicArn: "arn:aws:sns:eu-west-1:999:other",
        }),
      401,
      "unknown-topic",
    ],
    [
      "with a certificate from elsewhere",
      () =>
        snsEnvelope(
          { Type: "Notification", Message: "{}" },
          { certUrl: "https://evil.example.com/cert.pem" },
        ),
      401,
      "untrusted-certificate",
    ],
    ["not JSON", () => "Type=Notification", 400, "malformed"],
    [
      "a signed message that is not SES",
      () => snsEnvelope({ Type: "Notification", Message: "hello" }),
      400,
      "malformed",
    ],
  ])("refuses a message %s, and counts it", async (_name, body, status, reason) => {
    const response = await post("ses", body());
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: reason });
    expect(await app.store.serviceEventRejections.counts()).toEqual([
      { service: "ses", reason, count: 1, last_at: app.clock.now().toISOString() },
    ]);
    expect(await app.store.mailEvents.counts()).toEqual([]);
    // The certificate is only ever fetched from the trusted prefix.
    expect(sns.requests.every((r) => r.path === "/cert.pem")).toBe(true);
  });
});

describe("SNS certificates", () => {
  const AWS = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123.pem";
  let ses: AppFixture;
  const fetched: string[] = [];
  // The certificate as SNS would serve it, at whatever URL it is asked for: nothing leaves.
  beforeEach(async () => {
    fetched.length = 0;
    ses = await createAppFixture({
      extraConfig: `serviceEvents:\n  maxAge: 15m\n  ses:\n    topicArns: [${TOPIC}]\n`,
      serviceEvents: receiverOf(async (url) => {
        fetched.push(url);
        return certPem;
      }),
    });
  });
  afterEach(() => ses.close());
  const notify = (certUrl: string) =>
    ses.app.request("/events/ses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: snsEnvelope(
        { Type: "Notification", Message: sesBounce("a@example.com", "m-1") },
        { certUrl },
      ),
    });

  // One certificate under endless URLs (a query or fragment: SNS serves the file anyway) was
  // fetched and kept once per URL: a memory without bound for whoever knows the topic.
  it.each([`${AWS}?n=1`, `${AWS}#1`])(
    "refuses a certificate URL with a query or fragment: %s",
    async (url) => {
      const response = await notify(url);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "untrusted-certificate" });
      expect(fetched).toEqual([]);
    },
  );

  it("fetches SNS's own certificate URL once, and keeps 100 certificates at most", async () => {
    expect((await notify(AWS)).status).toBe(200);
    expect((await notify(AWS)).status).toBe(200);
    expect(fetched).toEqual([AWS]);
    for (let i = 1; i <= 100; i++) await notify(AWS.replace(".pem", `-${i}.pem`));
    // The first certificate made room for the 101st: asked for again, it is fetched again.
    expect((await notify(AWS)).status).toBe(200);
    expect(fetched.filter((url) => url === AWS)).toHaveLength(2);
  });

  // Each new certificate URL under SNS's host was a fetch made for whoever knew the topic: one
  // outgoing request, held up to 10 s, per request sent.
  it("stops fetching for a client whose certificates could not be had 20 times in an hour", async () => {
    const picky = await createAppFixture({
      extraConfig: `serviceEvents:\n  maxAge: 15m\n  ses:\n    topicArns: [${TOPIC}]\n`,
      serviceEvents: receiverOf(async (url) => {
        fetched.push(url);
        if (url !== AWS) throw new Error("404 Not Found");
        return certPem;
      }),
    });
    try {
      const notifyFrom = (ip: string, certUrl: string) =>
        picky.app.request("/events/ses", {
          method: "POST",
          headers: { "content-type": "application/json", "x-test-ip": ip },
          body: snsEnvelope(
            { Type: "Notification", Message: sesBounce("a@example.com", "m-1") },
            { certUrl },
          ),
        });
      for (let i = 1; i <= 20; i++)
        expect((await notifyFrom("203.0.113.5", AWS.replace(".pem", `-${i}.pem`))).status).toBe(
          401,
        );
      expect((await notifyFrom("203.0.113.5", AWS.replace(".pem", "-21.pem"))).status).toBe(429);
      expect(fetched).toHaveLength(20);
      expect((await notifyFrom("203.0.113.6", AWS)).status).toBe(200);
    } finally {
      await picky.close();
    }
  });
});

// --- Postmark ------------------------------------------------------------------------------

const BASIC = `Basic ${Buffer.from("postmark:s3cret-pass").toString("base64")}`;
const PM_HEADERS = { authorization: BASIC, "x-gazette-token": "tok-123" };

function postmarkBounce(email: string, messageId: string, type = "HardBounce", id = 4323372036) {
  return JSON.stringify({
    RecordType: "Bounce",
    MessageStream: "broadcast",
    ID: id,
    Type: type,
    TypeCode: type === "HardBounce" ? 1 : 4096,
    Name: "Hard bounce",
    MessageID: messageId,
    Description:
      "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
    Details: "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    Email: email,
    From: "digest@news.example.com",
    BouncedAt: "2026-05-01T09:59:00Z",
  });
}

describe("Postmark events", () => {
  it("a HardBounce with the right credentials bounces the delivery; a Delivery is recorded", async () => {
    const { deliveryId } = await sentDelivery("di@example.org", "pm-0001");
    const response = await post(
      "postmark",
      postmarkBounce("di@example.org", "pm-0001"),
      PM_HEADERS,
    );
    expect(response.status).toBe(200);
    expect(await deliveryStatus(deliveryId)).toMatchObject({ status: "bounced" });
    const delivered = JSON.stringify({
      RecordType: "Delivery",
      MessageID: "pm-0001",
      Recipient: "di@example.org",
      DeliveredAt: "2026-05-01T09:59:00Z",
      Details: "Test delivery webhook details",
    });
    expect((await post("postmark", delivered, PM_HEADERS)).status).toBe(200);
    expect(await app.store.mailEvents.counts()).toEqual([
      { kind: "delivered", source: "postmark", count: 1 },
      { kind: "hard-bounce", source: "postmark", count: 1 },
    ]);
  });

  it("a SpamComplaint suppresses; an AutoResponder changes nothing", async () => {
    await sentDelivery("ed@example.org", "pm-0002");
    const complaint = JSON.stringify({
      RecordType: "SpamComplaint",
      ID: 42,
      Type: "SpamComplaint",
      TypeCode: 512,
      MessageID: "pm-0002",
      Email: "ed@example.org",
      BouncedAt: "2026-05-01T09:59:00Z",
    });
    expect((await post("postmark", complaint, PM_HEADERS)).status).toBe(200);
    expect(await app.store.suppressions.byEmail("ed@example.org")).toMatchObject({
      reason: "complaint (postmark)",
    });
    const auto = await post(
      "postmark",
      postmarkBounce("ed@example.org", "pm-0002", "AutoResponder", 43),
      PM_HEADERS,
    );
    expect(await auto.json()).toMatchObject({ applied: 0, note: "ignored AutoResponder" });
  });

  it.each([
    ["without credentials", {}, "unsigned"],
    [
      "with a wrong password",
      { ...PM_HEADERS, authorization: `Basic ${Buffer.from("postmark:guess").toString("base64")}` },
      "forged",
    ],
    ["with a wrong token", { ...PM_HEADERS, "x-gazette-token": "tok-124" }, "forged"],
    ["without the token", { authorization: BASIC }, "unsigned"],
    ["with a Bearer header", { ...PM_HEADERS, authorization: "Bearer x" }, "malformed"],
  ])("refuses a request %s", async (_name, headers, reason) => {
    const { deliveryId } = await sentDelivery("fy@example.org", "pm-0003");
    const response = await post(
      "postmark",
      postmarkBounce("fy@example.org", "pm-0003"),
      headers as Record<string, string>,
    );
    expect(response.status).toBe(reason === "malformed" ? 400 : 401);
    expect(await deliveryStatus(deliveryId)).toMatchObject({ status: "sent" });
    expect(await app.store.serviceEventRejections.counts()).toMatchObject([
      { service: "postmark", reason, count: 1 },
    ]);
  });

  // Nothing kept a client from guessing the operator's basic-auth password at full speed.
  it("answers 429 unread to a client after 20 wrong credentials in an hour, and to it alone", async () => {
    const { deliveryId } = await sentDelivery("gu@example.org", "pm-0004");
    const bounce = postmarkBounce("gu@example.org", "pm-0004");
    const guesser = { "x-test-ip": "2001:db8:9:1::7" };
    for (let n = 0; n < 20; n++) {
      const guess = `Basic ${Buffer.from(`postmark:guess-${n}`).toString("base64")}`;
      const response = await post("postmark", bounce, { ...guesser, authorization: guess });
      expect(response.status).toBe(401);
    }
    // Even the right credentials are not read now, from that address or its /64.
    const right = await post("postmark", bounce, { ...PM_HEADERS, ...guesser });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toBe("3600");
    const sibling = await post("postmark", bounce, {
      ...PM_HEADERS,
      "x-test-ip": "2001:db8:9:1::8",
    });
    expect(sibling.status).toBe(429);
    expect(await deliveryStatus(deliveryId)).toMatchObject({ status: "sent" });
    expect(await app.store.serviceEventRejections.counts()).toMatchObject([
      { service: "postmark", reason: "forged", count: 20 },
    ]);
    // Another client is read as ever; and the guesser again once the hour has passed.
    expect(
      (await post("postmark", bounce, { ...PM_HEADERS, "x-test-ip": "198.51.100.9" })).status,
    ).toBe(200);
    expect(await deliveryStatus(deliveryId)).toMatchObject({ status: "bounced" });
    app.clock.advance(3_600_000);
    expect((await post("postmark", bounce, { ...PM_HEADERS, ...guesser })).status).toBe(200);
  });

  it("refuses a body without RecordType as malformed", async () => {
    const response = await post("postmark", '{"Email":"x@example.org"}', PM_HEADERS);
    expect(response.status).toBe(400);
  });
});

// --- Resend (Svix) -------------------------------------------------------------------------

function resendRequest(body: string, options: { id?: string; at?: Date; secret?: string } = {}) {
  const id = options.id ?? "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  const timestamp = Math.floor((options.at ?? app.clock.now()).getTime() / 1000);
  return {
    body,
    headers: {
      "svix-id": id,
      "svix-timestamp": String(timestamp),
      "svix-signature": signWebhook(
        webhookKey(options.secret ?? RESEND_SECRET),
        id,
        timestamp,
        body,
      ),
    },
  };
}

function resendEvent(type: string, emailId: string, to: string) {
  return JSON.stringify({
    type,
    created_at: "2026-05-01T09:59:00.000Z",
    data: {
      created_at: "2026-05-01T09:58:00.000Z",
      email_id: emailId,
      from: "Fixture <digest@news.example.com>",
      to: [to],
      subject: "Fixture Weekly #1",
      ...(type === "email.bounced" && {
        bounce: {
          message: "The recipient's email provider sent a hard bounce.",
          subType: "Suppressed",
          type: "Permanent",
        },
      }),
    },
  });
}

describe("Resend events (Svix signatures)", () => {
  it("a signed email.bounced bounces the delivery; email.complained suppresses", async () => {
    const { deliveryId } = await sentDelivery("gi@example.org", "re-0001");
    const bounced = resendRequest(resendEvent("email.bounced", "re-0001", "gi@example.org"));
    expect((await post("resend", bounced.body, bounced.headers)).status).toBe(200);
    expect(await deliveryStatus(deliveryId)).toMatchObject({
      status: "bounced",
      error: "hard-bounce (resend)",
    });
    const complained = resendRequest(resendEvent("email.complained", "re-0001", "gi@example.org"), {
      id: "msg_2",
    });
    expect((await post("resend", complained.body, complained.headers)).status).toBe(200);
    expect(await app.store.suppressions.byEmail("gi@example.org")).toBeDefined();
  });

  it("an event for a message Gazette never sent is recorded as unmatched", async () => {
    const request = resendRequest(
      resendEvent("email.delivered", "re-unknown", "nobody@example.org"),
    );
    const response = await post("resend", request.body, request.headers);
    expect(await response.json()).toEqual({ applied: 0, duplicate: 0, unmatched: 1 });
  });

  it.each([
    [
      "signed with another secret",
      () =>
        resendRequest(resendEvent("email.bounced", "re-0001", "gi@example.org"), {
          secret: "whsec_b3RoZXI=",
        }),
      401,
      "forged",
    ],
    [
      "replayed (an hour old)",
      () =>
        resendRequest(resendEvent("email.bounced", "re-0001", "gi@example.org"), {
          at: new Date("2026-05-01T09:00:00Z"),
        }),
      401,
      "replayed",
    ],
    [
      "unsigned",
      () => ({ body: resendEvent("email.bounced", "re-0001", "gi@example.org"), headers: {} }),
      401,
      "unsigned",
    ],
    [
      "with a malformed timestamp",
      () => ({
        body: "{}",
        headers: { "svix-id": "a", "svix-timestamp": "yesterday", "svix-signature": "v1,abc" },
      }),
      400,
      "malformed",
    ],
    ["signed but not an event", () => resendRequest('{"hello":1}'), 400, "malformed"],
  ])("refuses a request %s", async (_name, make, status, reason) => {
    const { deliveryId } = await sentDelivery("gi@example.org", "re-0001");
    const request = make();
    const response = await post("resend", request.body, request.headers as Record<string, string>);
    expect(response.status).toBe(status);
    expect(await deliveryStatus(deliveryId)).toMatchObject({ status: "sent" });
    expect(await app.store.serviceEventRejections.counts()).toMatchObject([
      { service: "resend", reason, count: 1 },
    ]);
  });
});

it("an unconfigured service is not found", async () => {
  const plain = await createAppFixture();
  try {
    expect((await plain.app.request("/events/ses", { method: "POST", body: "{}" })).status).toBe(
      404,
    );
  } finally {
    await plain.close();
  }
});
