import { generateKeyPairSync } from "node:crypto";
import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDkimOptions, prepareMessage, sendIssue } from "../../src/deliver/index.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";
import { outboxTransport, smtpTransport } from "../helpers/transports.js";
import { makeMessage, rawHeaders } from "./make-message.js";
import { seedIssue, sendInput } from "./seed-issue.js";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PEM = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const TXT = `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`;
const dkim = loadDkimOptions(
  { domain: "news.example.com", selector: "gz2025", privateKeyEnv: "DKIM_KEY" },
  { baseDir: ".", env: { DKIM_KEY: PEM } },
);

/** A DNS resolver stub that knows only the test selector's TXT record. */
async function resolver(name: string, type: string): Promise<string[][]> {
  if (type === "TXT" && name === "gz2025._domainkey.news.example.com") return [[TXT]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: "ENOTFOUND" });
}

async function verify(raw: Buffer) {
  const { results } = await dkimVerify(raw, { resolver, sender: "digest@news.example.com" });
  return results;
}

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());

describe("DKIM signing", () => {
  it("signs bulk messages so that they verify, covering the one-click unsubscribe headers", async () => {
    const seeded = await seedIssue(2);
    const mailer = smtpTransport({ url: sink.url, pool: true, maxConnections: 2, dkim });
    try {
      expect(await sendIssue(sendInput(seeded, mailer))).toMatchObject({ sent: 2 });
    } finally {
      await mailer.close();
      await seeded.store.close();
    }
    for (const message of await sink.waitFor(2)) {
      const [result] = await verify(message.raw);
      expect(result?.status).toMatchObject({ result: "pass", aligned: "news.example.com" });
      // The h= tag of the signature that verified lists the header fields it covers.
      const [signature] = rawHeaders(message.raw, "DKIM-Signature");
      const signed = /\bh=([^;]+)/
        .exec(signature ?? "")?.[1]
        ?.replace(/\s/g, "")
        .toLowerCase()
        .split(":");
      expect(signed).toEqual(
        expect.arrayContaining([
          "list-unsubscribe",
          "list-unsubscribe-post",
          "list-id",
          "feedback-id",
          "from",
          "subject",
          "to",
          "message-id",
        ]),
      );
    }
  });

  it("fails verification when a signed header is changed in transit", async () => {
    const [message] = await sink.waitFor(1);
    const tampered = Buffer.from(
      (message?.raw.toString("latin1") ?? "").replace(/^Subject: .*$/m, "Subject: Changed"),
      "latin1",
    );
    const [result] = await verify(tampered);
    expect(result?.status.result).toBe("fail");
  });

  it("signs test copies and outbox files the same way", async () => {
    const before = sink.messages.length;
    const mailer = smtpTransport({ url: sink.url, pool: false, maxConnections: 1, dkim });
    await mailer.send(prepareMessage(makeMessage({ from: "Gazette <digest@news.example.com>" })));
    await mailer.close();
    const [copy] = (await sink.waitFor(before + 1)).slice(before);
    expect((await verify(copy?.raw ?? Buffer.alloc(0)))[0]?.status.result).toBe("pass");

    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const outbox = outboxTransport(mkdtempSync(`${tmpdir()}/gazette-dkim-`), { dkim });
    const written = await outbox.send(
      prepareMessage(makeMessage({ from: "Gazette <digest@news.example.com>" })),
    );
    expect((await verify(readFileSync(written.response)))[0]?.status.result).toBe("pass");
  });
});
