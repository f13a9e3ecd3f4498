import type { AddressObject } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareMessage, SmtpError, type Transport } from "../../src/deliver/index.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";
import { smtpTransport } from "../helpers/transports.js";
import { makeMessage, rawHeaders } from "./make-message.js";

let sink: SmtpSink;
let mailer: Transport;

beforeEach(async () => {
  sink = await startSmtpSink();
  mailer = smtpTransport({ url: sink.url, pool: true, maxConnections: 2 });
});

afterEach(async () => {
  await mailer.close();
  await sink.close();
});

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  return [field ?? []].flat().flatMap((group) => group.value.map((entry) => entry.address ?? ""));
}

describe("the SMTP transport", () => {
  it("submits the message with its headers and both parts", async () => {
    const message = makeMessage();
    const result = await mailer.send(prepareMessage(message));

    expect(result).toEqual({
      messageId: message.messageId,
      response: expect.stringMatching(/^250 /),
    });
    const [received] = await sink.waitFor(1);
    if (!received) throw new Error("the sink received nothing");
    expect(received.to).toEqual(["ada@example.org"]);
    const parsed = await received.parse();
    expect(parsed.subject).toBe(message.subject);
    expect(addressesOf(parsed.from)).toEqual(["news@gazette.example"]);
    expect(addressesOf(parsed.to)).toEqual(["ada@example.org"]);
    expect(parsed.messageId).toBe(message.messageId);
    expect(parsed.text?.trim()).toBe(message.text.trim());
    expect(parsed.html).toContain("<p>Café déjà vu</p>");
    expect(parsed.headers.get("x-gazette-issue")).toBe("7");

    const raw = received.raw;
    expect(rawHeaders(raw, "List-Unsubscribe")).toEqual([
      "<https://gazette.example/unsubscribe?token=ada>, <mailto:unsubscribe@gazette.example>",
    ]);
    expect(rawHeaders(raw, "List-Unsubscribe-Post")).toEqual(["List-Unsubscribe=One-Click"]);
    expect(rawHeaders(raw, "List-Id")).toEqual(['"Gazette Weekly" <weekly.gazette.example>']);
  });

  it("fails one refused recipient for good and still delivers the others", async () => {
    sink.rejectRecipient("bob@example.org", 550, "No such user");
    const recipients = ["ada@example.org", "bob@example.org", "cy@example.org"];

    const results = await Promise.allSettled(
      recipients.map((to) => mailer.send(prepareMessage(makeMessage({ to })))),
    );

    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const error = (results[1] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(SmtpError);
    expect(error).toMatchObject({ code: "SMTP_PERMANENT", responseCode: 550 });
    expect(error.isTransportFailure).toBe(false);
    expect(error.message).toBe("550 No such user (to bob@example.org)");
    expect(sink.messages.flatMap((received) => received.to).sort()).toEqual([
      "ada@example.org",
      "cy@example.org",
    ]);
  });

  it("reports a 451 as transient", async () => {
    sink.failNext(1, 451, "Greylisted, try again later");

    const error = await mailer
      .send(prepareMessage(makeMessage()))
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: "SMTP_TRANSIENT", responseCode: 451 });
    expect(sink.messages).toHaveLength(0);
    await mailer.send(prepareMessage(makeMessage()));
    expect(sink.messages).toHaveLength(1);
  });

  it.each([true, false])(
    "reports a server that is not there as transient (pool: %s)",
    async (pool) => {
      const gone = await startSmtpSink();
      await gone.close();
      const unreachable = smtpTransport({ url: gone.url, pool, maxConnections: 1 });

      const error = await unreachable
        .send(prepareMessage(makeMessage()))
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(SmtpError);
      expect(error).toMatchObject({ code: "SMTP_TRANSIENT", responseCode: undefined });
      expect((error as SmtpError).isTransportFailure).toBe(true);
      expect((error as SmtpError).message).toMatch(/ECONNREFUSED.*\(to ada@example.org\)$/);
      await unreachable.close();
    },
  );
});
