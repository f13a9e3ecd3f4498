import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type OutgoingMessage,
  type PreparedMessage,
  prepareMessage,
} from "../../src/deliver/index.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";
import { outboxTransport, smtpTransport } from "../helpers/transports.js";
import { makeMessage } from "./make-message.js";

const breaks = { CR: "\r", LF: "\n", CRLF: "\r\n", NUL: "\0" };

const fields: [string, (bad: string) => Partial<OutgoingMessage>][] = [
  ["Subject", (bad) => ({ subject: `Hello${bad}Bcc: victim@example.org` })],
  ["From", (bad) => ({ from: `Gazette${bad}Bcc: x <news@gazette.example>` })],
  ["Reply-To", (bad) => ({ replyTo: `editor@gazette.example${bad}X-Evil: 1` })],
  ["To", (bad) => ({ to: `ada@example.org${bad}Bcc: victim@example.org` })],
  ["List-Id", (bad) => ({ listIdHeader: `Weekly${bad}X-Evil: 1 <weekly.gazette.example>` })],
  ["X-Feed-Title", (bad) => ({ headers: { "X-Feed-Title": `Blog${bad}X-Evil: 1` } })],
  ["List-Unsubscribe", (bad) => ({ unsubscribe: { url: `https://gazette.example/u${bad}x` } })],
];

const cases = fields.flatMap(([header, build]) =>
  Object.entries(breaks).map(([name, bad]) => [header, name, build(bad)] as const),
);

let sink: SmtpSink;
let outbox: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  outbox = await mkdtemp(join(tmpdir(), "gazette-injection-"));
});

afterAll(async () => {
  await sink.close();
  await rm(outbox, { recursive: true, force: true });
});

describe("header values from config and feeds", () => {
  it.each(cases)("rejects %s with a %s in it, on every transport", async (header, _, override) => {
    const message = makeMessage(override);
    const smtp = smtpTransport({ url: sink.url, pool: false, maxConnections: 1 });
    const outboxed = outboxTransport(outbox);
    // Each transport's send, and the dry run's check: the message is refused before any of them.
    const hands: ((message: PreparedMessage) => Promise<unknown>)[] = [
      smtp.send,
      outboxed.send,
      outboxed.check,
    ];

    for (const hand of hands) {
      const error = await Promise.resolve()
        .then(() => hand(prepareMessage(message)))
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: "GazetteError", code: "HEADER_INVALID" });
      expect((error as Error).message).toMatch(
        new RegExp(`^${header}: contains a line break or NUL: "`),
      );
    }
    await smtp.close();
    expect(sink.messages).toHaveLength(0);
    expect(await readdir(outbox)).toEqual([]);
  });
});
