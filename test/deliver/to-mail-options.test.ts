import { describe, expect, it } from "vitest";
import { type OutgoingMessage, prepareMessage, toMailOptions } from "../../src/deliver/index.js";
import { makeMessage, rawHeaders } from "./make-message.js";

async function headersOf(override: Partial<OutgoingMessage>, name: string): Promise<string[]> {
  return rawHeaders(await prepareMessage(makeMessage(override)).raw(), name);
}

function rejection(override: Partial<OutgoingMessage>): string {
  try {
    toMailOptions(makeMessage(override));
  } catch (error) {
    expect(error).toMatchObject({ code: "HEADER_INVALID" });
    return (error as Error).message;
  }
  throw new Error("expected HEADER_INVALID");
}

describe("List-Unsubscribe", () => {
  it.each([
    [{ url: "https://g.example/u?t=1" }, "<https://g.example/u?t=1>"],
    [
      { url: "https://g.example/u?t=1", mailto: "u@g.example" },
      "<https://g.example/u?t=1>, <mailto:u@g.example>",
    ],
    [
      { url: "https://g.example/u", mailto: "mailto:u@g.example?subject=stop" },
      "<https://g.example/u>, <mailto:u@g.example?subject=stop>",
    ],
    [{ url: "https://g.example/a b<c>" }, "<https://g.example/a%20b%3Cc%3E>"],
    [{ url: "http://127.0.0.1:8080/u" }, "<http://127.0.0.1:8080/u>"],
    [{ url: "http://localhost/u" }, "<http://localhost/u>"],
  ])("writes %j as one header: %s", async (unsubscribe, expected) => {
    expect(await headersOf({ unsubscribe }, "List-Unsubscribe")).toEqual([expected]);
  });

  it.each([
    [{ url: "http://g.example/u" }, "is not an https URL"],
    [{ url: "javascript:alert(1)" }, "is not an https URL"],
    [{ url: "/unsubscribe" }, "is not an https URL"],
    [{ url: "https://g.example/u", mailto: "not an address" }, "is not a mailto address"],
    [
      { url: "https://g.example/u", mailto: "a@b.example>, <https://evil.example" },
      "is not a mailto",
    ],
  ])("rejects %j", (unsubscribe, problem) => {
    expect(rejection({ unsubscribe })).toContain(`List-Unsubscribe: ${problem}`);
  });
});

describe("List-Id", () => {
  it.each([
    ["weekly.gazette.example", "<weekly.gazette.example>"],
    ["<weekly.gazette.example>", "<weekly.gazette.example>"],
    ["Gazette Weekly <weekly.gazette.example>", '"Gazette Weekly" <weekly.gazette.example>'],
    ['"Gazette Weekly" <weekly.gazette.example>', '"Gazette Weekly" <weekly.gazette.example>'],
    ["Ça <va> <weekly.gazette.example>", "=?UTF-8?Q?=C3=87a_=3Cva=3E?= <weekly.gazette.example>"],
  ])("writes %s as %s", async (listIdHeader, expected) => {
    expect(await headersOf({ listIdHeader }, "List-Id")).toEqual([expected]);
  });

  it.each(["weekly", "Weekly <>", "Weekly <weekly gazette.example>", "https://g.example/list"])(
    "rejects %s",
    (listIdHeader) => {
      expect(rejection({ listIdHeader })).toMatch(/^List-Id: is not of the form/);
    },
  );
});

describe("addresses and extra headers", () => {
  it.each([
    [{ to: "ada@example.org, bob@example.org" }, "To: must be exactly one address"],
    [{ to: "nobody" }, "To: is not an email address"],
    [{ from: "" }, "From: is not an email address"],
    [{ messageId: "gz.1.2.3@example.com" }, "Message-ID: is not of the form <id@domain>"],
    [{ headers: { "Bad Name": "1" } }, "Bad Name: is not a valid header name"],
    [
      { headers: { "List-Unsubscribe": "<https://x.example>" } },
      "List-Unsubscribe: is set by Gazette",
    ],
    [{ headers: { bcc: "spy@example.org" } }, "bcc: is set by Gazette"],
  ])("rejects %j", (override, message) => {
    expect(rejection(override)).toContain(message);
  });

  it("truncates a long value in the message", () => {
    const message = rejection({ subject: `${"x".repeat(200)}\n` });
    expect(message).toBe(`Subject: contains a line break or NUL: "${"x".repeat(60)}"…`);
  });

  it("keeps both parts when one is empty", async () => {
    const raw = (await prepareMessage(makeMessage({ text: "" })).raw()).toString();
    expect(raw).toContain("Content-Type: multipart/alternative");
    expect(raw).toContain("Content-Type: text/plain");
    expect(raw).toContain("Content-Type: text/html");
  });
});
