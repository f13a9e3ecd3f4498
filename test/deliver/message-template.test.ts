import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { compileMessage, type IssueMessage } from "../../src/deliver/index.js";
import { MessageBuffers } from "../../src/deliver/mime/message-buffers.js";
import { planBody } from "../../src/deliver/mime/plan-body.js";
import { prepareMessage } from "../../src/deliver/mime/prepare-message.js";
import { renderIssue } from "../../src/render/index.js";
import type { CompiledIssue, Recipient, RenderedMessage } from "../../src/render/types.js";
import { buildIssueModel, SUBJECT, TEMPLATES_DIR } from "../render/build-issue-model.js";
import { rawHeaders } from "./make-message.js";

const issue: IssueMessage = {
  from: "Gazette Weekly <news@gazette.example>",
  replyTo: "editor@gazette.example",
  subject: "Gazette #7: Postgres at scale — and a much longer subject line that gets folded",
  listIdHeader: "Gazette Weekly <weekly.gazette.example>",
  unsubscribeMailto: "unsubscribe@gazette.example",
  headers: { "X-Gazette-Issue": "weekly/7", "Feedback-ID": "7:weekly:gazette:abc123" },
};

const ada: Recipient = {
  email: "ada@example.org",
  name: "Ada Lovelace",
  unsubscribeUrl: "https://gazette.example/unsubscribe/k1.tok-42",
  preferencesUrl: "https://gazette.example/preferences/k1.tok-42",
};

let compiled: CompiledIssue;
beforeAll(async () => {
  // The bundled theme, greeting the reader by name in both parts.
  const theme = mkdtempSync(path.join(tmpdir(), "gazette-theme-"));
  cpSync(TEMPLATES_DIR, theme, { recursive: true });
  const edit = (file: string, change: (source: string) => string) =>
    writeFileSync(path.join(theme, file), change(readFileSync(path.join(theme, file), "utf8")));
  edit("issue.txt.hbs", (source) => `Hi {{recipientName "there"}},\n\n${source}`);
  edit("partials/footer.mjml", (source) =>
    source.replace(">Unsubscribe</a>", '>Unsubscribe {{recipientName "there"}}</a>'),
  );
  compiled = await renderIssue(buildIssueModel(), {
    templatesDir: theme,
    subjectTemplate: SUBJECT,
  });
  expect(compiled.fill(ada).text).toContain("Hi Ada Lovelace,");
});

/** A link `length` characters long. */
function linkOf(length: number): string {
  const start = "https://news.example.com/preferences/";
  return start + "k".repeat(length - start.length);
}

/** What nodemailer builds for the whole message, from the same fill. */
function reference(recipient: Recipient, body: RenderedMessage): Promise<Buffer> {
  return prepareMessage({
    ...issue,
    to: recipient.email,
    messageId: "<gz.abc123.7.42@gazette.example>",
    unsubscribe: { url: recipient.unsubscribeUrl, mailto: issue.unsubscribeMailto },
    headers: { ...issue.headers, "X-Gazette-Subscriber": "k1.ref-42" },
    html: body.html,
    text: body.text,
  }).raw();
}

function parts(recipient: Recipient) {
  return {
    recipient,
    messageId: "<gz.abc123.7.42@gazette.example>",
    subscriberRef: "k1.ref-42",
    date: new Date("2025-03-03T09:00:00Z"),
  };
}

describe("compileMessage", () => {
  it.each([
    ["plain values (the prepared path)", ada],
    ["values that need escaping", { ...ada, name: `Zoë "Z" O'Neil <&>` }],
    ["no name (the theme's fallback)", { ...ada, name: undefined }],
    ["a name with blanks around it", { ...ada, name: "  Ada  " }],
    ["a one-word name", { ...ada, name: "Ada" }],
    ["a three-word name", { ...ada, name: "Augusta Ada King" }],
    ["two blanks after the first name", { ...ada, name: "Ada  Lovelace" }],
    ["a name that starts with a dot, on a line of its own", { ...ada, name: ".ada Lovelace" }],
    // A value on a line of its own is followed by a soft break's "=": 75 characters fit, not 76.
    ...[75, 76, 151, 152].map((length): [string, Recipient] => [
      `a preferences link of ${length} characters`,
      { ...ada, preferencesUrl: linkOf(length) },
    ]),
  ])("builds for %s what nodemailer builds from the filled issue", async (_case, recipient) => {
    const fill = (r: Recipient) => compiled.fill(r);
    const template = await compileMessage(issue, fill);
    const raw = await template.build(parts(recipient));
    const expected = await reference(recipient, fill(recipient));
    const [ours, theirs] = await Promise.all([simpleParser(raw), simpleParser(expected)]);

    for (const field of ["subject", "messageId", "text", "html"] as const) {
      expect(ours[field]).toEqual(theirs[field]);
    }
    expect(ours.to).toEqual(theirs.to);
    expect(ours.from).toEqual(theirs.from);
    expect(ours.replyTo).toEqual(theirs.replyTo);
    expect(ours.date).toEqual(parts(recipient).date);
    for (const header of [
      "List-Unsubscribe",
      "List-Unsubscribe-Post",
      "List-Id",
      "Feedback-ID",
      "X-Gazette-Issue",
      "X-Gazette-Subscriber",
    ]) {
      expect(rawHeaders(raw, header)).toEqual(rawHeaders(expected, header));
    }
    const lines = raw.toString("latin1").split("\r\n");
    expect(raw.toString("latin1")).toMatch(/^[\t\x20-\x7e\r\n]*$/);
    // RFC 2045: quoted-printable lines of at most 76 characters; headers under 998.
    const bodyStart = lines.indexOf("");
    expect(lines.slice(bodyStart).every((line) => line.length <= 76)).toBe(true);
    expect(lines.every((line) => line.length <= 998)).toBe(true);
    // No line starts with a dot: the SMTP transport sends the bytes as they are, with no copy
    // to double one (RFC 5321 §4.5.2).
    expect(lines.filter((line) => line.startsWith("."))).toEqual([]);
  });

  it("writes into reused buffers the same bytes it builds alone, one recipient after another", async () => {
    const template = await compileMessage(issue, (r) => compiled.fill(r));
    const buffers = new MessageBuffers();
    const long = { ...ada, email: "a.much.longer.address.than.ada@example.org" };
    const first = await template.build(parts(long), buffers);
    expect(first).toEqual(await template.build(parts(long)));
    const firstBytes = Buffer.from(first);
    buffers.give(first);
    // The next, shorter message goes into the same memory: nothing of the first may remain.
    const second = await template.build(parts(ada), buffers);
    expect(second.buffer).toBe(first.buffer);
    expect(second).toEqual(await template.build(parts(ada)));
    expect(second.length).toBeLessThan(firstBytes.length);
    expect(second.toString("latin1")).not.toContain("much.longer");
  });

  it("never hands out a buffer that was not given back, nor one it did not make", () => {
    const buffers = new MessageBuffers();
    const a = buffers.take(100);
    const b = buffers.take(100);
    expect(b.buffer).not.toBe(a.buffer);
    const foreign = Buffer.alloc(200_000);
    buffers.give(foreign);
    expect(buffers.take(100).buffer).not.toBe(foreign.buffer);
    buffers.give(a);
    // Too small for what is asked: a new one, large enough.
    const big = buffers.take(a.length + 1);
    expect(big.buffer).not.toBe(a.buffer);
    expect(big.length).toBeGreaterThan(a.length);
  });

  it("puts one https URL and the mailto in a single List-Unsubscribe header (RFC 8058)", async () => {
    const template = await compileMessage(issue, (r) => compiled.fill(r));
    const raw = await template.build(
      parts({ ...ada, unsubscribeUrl: "https://gazette.example/u/tok en<42>" }),
    );
    expect(rawHeaders(raw, "List-Unsubscribe")).toEqual([
      "<https://gazette.example/u/tok%20en%3C42%3E>, <mailto:unsubscribe@gazette.example>",
    ]);
    expect(rawHeaders(raw, "List-Unsubscribe-Post")).toEqual(["List-Unsubscribe=One-Click"]);
  });

  it("gives two recipients their own fields and nothing of each other's", async () => {
    const template = await compileMessage(issue, (r) => compiled.fill(r));
    const [a, b] = await Promise.all(
      [
        { ...ada, email: "a@example.org", name: "Alice Ames" },
        { ...ada, email: "b@example.org", name: "Bob Burns" },
      ].map(async (recipient, i) =>
        simpleParser(
          await template.build({ ...parts(recipient), subscriberRef: `k1.ref-${i + 1}` }),
        ),
      ),
    );
    expect(a?.text).toContain("Hi Alice Ames,");
    expect(a?.text).not.toContain("Bob Burns");
    expect(b?.text).toContain("Bob Burns");
    expect(a?.headers.get("x-gazette-subscriber")).toBe("k1.ref-1");
    expect(b?.headers.get("x-gazette-subscriber")).toBe("k1.ref-2");
  });

  it.each([
    ["a subject with a line break", { ...issue, subject: "Hi\r\nBcc: all@example.com" }],
    ["a sender name with a line break", { ...issue, from: "Evil\nBcc: x@y.z <a@b.example>" }],
    ["an extra header with a NUL", { ...issue, headers: { "X-Gazette-Issue": "7\0" } }],
  ])("refuses %s when the issue is compiled", async (_case, bad) => {
    await expect(compileMessage(bad, (r) => compiled.fill(r))).rejects.toMatchObject({
      code: "HEADER_INVALID",
    });
  });

  it.each([
    [
      "a To with a line break",
      { recipient: { ...ada, email: "a@example.org\r\nBcc: all@example.com" } },
    ],
    ["a Message-ID with a line break", { messageId: "<a@b>\r\nX: y" }],
    [
      "an unsubscribe URL that is not https",
      { recipient: { ...ada, unsubscribeUrl: "javascript:alert(1)" } },
    ],
  ])("refuses %s when a recipient's message is built", async (_case, bad) => {
    const template = await compileMessage(issue, (r) => compiled.fill(r));
    await expect(template.build({ ...parts(ada), ...bad })).rejects.toMatchObject({
      code: "HEADER_INVALID",
    });
  });

  it("prepares the bodies of the bundled theme, which greets by first name", () => {
    expect(compiled.fill(ada).text).toContain("Hi Ada,");
    const plans = planBody((r) => compiled.fill(r));
    expect(plans?.text.encode(ada)).toBeDefined();
    expect(plans?.html.encode(ada)).toBeDefined();
  });

  it("falls back to nodemailer's encoding for an internationalized address", async () => {
    const template = await compileMessage(issue, (r) => compiled.fill(r));
    const zoe = { ...ada, email: "zoë@exämple.org" };
    const parsed = await simpleParser(await template.build(parts(zoe)));
    expect(parsed.text?.trim()).toBe(compiled.fill(zoe).text.trim());
    expect(parsed.messageId).toBe(parts(zoe).messageId);
  });

  it("fills and encodes whole bodies when a theme changes the values it shows", async () => {
    // A fill that upper-cases names: the prepared cut cannot reproduce it, so it is not used.
    const shouting = (r: Recipient) => {
      const body = compiled.fill(r);
      return {
        ...body,
        text: body.text.replace(r.name ?? "there", (r.name ?? "there").toUpperCase()),
      };
    };
    const template = await compileMessage(issue, shouting);
    const parsed = await simpleParser(await template.build(parts(ada)));
    expect(parsed.text).toBe((await simpleParser(await reference(ada, shouting(ada)))).text);
    expect(parsed.text).toContain("ADA LOVELACE");
  });
});
