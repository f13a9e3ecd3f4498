import { describe, expect, it } from "vitest";
import { SmtpError } from "../../src/deliver/index.js";
import { toSmtpError } from "../../src/deliver/transports/smtp-error.js";

// The shapes nodemailer 10 gives its errors (see smtp-connection's _formatError).
function nodemailerError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error("failed"), fields);
}

describe("toSmtpError", () => {
  it.each([
    ["RCPT TO", "EENVELOPE", 550, "SMTP_PERMANENT", false],
    ["RCPT TO", "EENVELOPE", 452, "SMTP_TRANSIENT", false],
    ["RCPT TO", "EENVELOPE", 503, "SMTP_TRANSIENT", false],
    ["DATA", "EMESSAGE", 554, "SMTP_PERMANENT", false],
    ["DATA", "EMESSAGE", 421, "SMTP_TRANSIENT", true],
    ["MAIL FROM", "EENVELOPE", 553, "SMTP_TRANSIENT", true],
    ["API", "EENVELOPE", undefined, "SMTP_PERMANENT", false],
  ])(
    "%s %s %s → %s (transport failure: %s)",
    (command, code, responseCode, expected, isTransport) => {
      const response = responseCode === undefined ? undefined : `${responseCode} refused`;
      const cause = nodemailerError({ command, code, responseCode, response });

      const error = toSmtpError(cause, "ada@example.org");

      expect(error).toBeInstanceOf(SmtpError);
      expect(error).toMatchObject({
        code: expected,
        responseCode,
        isTransportFailure: isTransport,
      });
      expect(error.cause).toBe(cause);
      expect(error.message).toBe(`${response ?? `${code} failed`} (to ada@example.org)`);
    },
  );

  // `send --to` against a server that was not running said only "ESOCKET connect ECONNREFUSED…".
  it.each([
    [
      "CONN",
      "ESOCKET",
      undefined,
      "connect ECONNREFUSED 127.0.0.1:1",
      "ESOCKET connect ECONNREFUSED 127.0.0.1:1 — cannot reach the SMTP server: check transport.url (or GAZETTE_TRANSPORT) and that the server is running",
    ],
    [
      "CONN",
      "ETIMEDOUT",
      undefined,
      "Connection timeout",
      "ETIMEDOUT Connection timeout — the SMTP server did not answer in time: check the host and port in transport.url (or GAZETTE_TRANSPORT)",
    ],
    [
      "AUTH PLAIN",
      "EAUTH",
      535,
      "Invalid login",
      "535 refused — the SMTP server refused the login: check the user and password in transport.url (or GAZETTE_TRANSPORT)",
    ],
  ])(
    "%s %s: a transport failure that says what to check",
    (command, code, responseCode, text, message) => {
      const response = responseCode === undefined ? undefined : `${responseCode} refused`;
      const cause = Object.assign(new Error(text), { command, code, responseCode, response });
      expect(toSmtpError(cause, "ada@example.org")).toMatchObject({
        code: "SMTP_TRANSIENT",
        isTransportFailure: true,
        message: `${message} (to ada@example.org)`,
      });
    },
  );

  it("treats something that is not a nodemailer error as a transport failure", () => {
    expect(toSmtpError(new TypeError("boom"), "a@b.example")).toMatchObject({
      code: "SMTP_TRANSIENT",
      isTransportFailure: true,
      message: "ERROR boom (to a@b.example)",
    });
  });
});
