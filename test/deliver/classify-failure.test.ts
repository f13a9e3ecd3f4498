import { describe, expect, it } from "vitest";
import { classifyFailure } from "../../src/deliver/engine/classify-failure.js";
import { SmtpError } from "../../src/deliver/index.js";
import { GazetteError } from "../../src/shared/errors.js";

const permanent = (code: number, text: string) =>
  new SmtpError("SMTP_PERMANENT", `${code} ${text} (to a@example.com)`, { responseCode: code });

describe("classifyFailure", () => {
  it.each([
    [permanent(550, "5.1.1 No such user"), "bounced"],
    [permanent(551, "User not local"), "bounced"],
    [permanent(553, "Mailbox name not allowed"), "bounced"],
    // RFC 3463 X.7.Y: a policy refusal (spam, DMARC) says nothing about the mailbox.
    [permanent(550, "5.7.1 Message rejected as spam"), "failed"],
    [permanent(554, "Transaction failed"), "failed"],
    [permanent(552, "Message too large"), "failed"],
    [new GazetteError("HEADER_INVALID", "Subject: contains a line break"), "failed"],
  ])("settles %s as %s", (error, kind) => {
    expect(classifyFailure(error).kind).toBe(kind);
  });

  it.each([
    [new SmtpError("SMTP_TRANSIENT", "451 Try later", { responseCode: 451 }), false],
    [
      new SmtpError("SMTP_TRANSIENT", "421 Closing", {
        responseCode: 421,
        isTransportFailure: true,
      }),
      true,
    ],
    [new SmtpError("SMTP_TRANSIENT", "ECONNREFUSED", { isTransportFailure: true }), true],
    [new Error("ENOSPC: no space left on device"), true],
  ])("retries %s (a relay failure: %s)", (error, isRelayFailure) => {
    expect(classifyFailure(error)).toMatchObject({ kind: "retry", isRelayFailure });
  });
});
