import { parseDuration } from "../../shared/duration.js";
import { apiFailure, createApiClient, kindOfAnswer, readAnswer } from "./http-api.js";
import type { ConfigOf, TransportOptions } from "./registry.js";
import { type PreparedMessage, type Transport, TransportError } from "./types.js";

// Postmark's Email API (postmarkapp.com/developer/api/email-api): POST /email with the message
// as JSON, the server token in X-Postmark-Server-Token; errors carry an ErrorCode.

// ErrorCode 406: "You tried to send to a recipient that has been marked as inactive" (it bounced
// or complained before): the mailbox is gone as far as Postmark is concerned.
const INACTIVE_RECIPIENT = 406;
// A bad token (10), a sender signature missing or unconfirmed (400, 401), an account not allowed
// to send (405, 412): nothing would pass until the operator acts.
const ACCOUNT_PROBLEMS = new Set([10, 400, 401, 405, 412]);

/** Sends through Postmark's HTTP API, in the configured message stream. */
export function createPostmarkTransport(
  config: ConfigOf<"postmark">,
  options: TransportOptions,
): Transport {
  const token = options.env[config.serverTokenEnv];
  const url = new URL("/email", config.endpoint);
  const client = createApiClient("postmark", {
    connections: config.maxConnections,
    timeoutMs: parseDuration(config.timeout),
  });
  const body = (message: PreparedMessage) =>
    JSON.stringify({
      From: message.from,
      To: message.to,
      ...(message.replyTo && { ReplyTo: message.replyTo }),
      Subject: message.subject,
      HtmlBody: message.html,
      TextBody: message.text,
      MessageStream: config.messageStream,
      Headers: [
        { Name: "Message-ID", Value: message.messageId },
        ...Object.entries(message.headers).map(([Name, Value]) => ({ Name, Value })),
      ],
    });
  return {
    async send(message) {
      if (!token)
        throw new TransportError("transport-down", `postmark: ${config.serverTokenEnv} is not set`);
      const answer = await client.post(
        url,
        {
          accept: "application/json",
          "content-type": "application/json",
          "x-postmark-server-token": token,
        },
        body(message),
      );
      const json = readAnswer(answer);
      const code = typeof json.ErrorCode === "number" ? json.ErrorCode : undefined;
      if (answer.status === 200 && code === 0 && typeof json.MessageID === "string")
        return {
          messageId: message.messageId,
          response: `postmark ${json.MessageID}`,
          serviceMessageId: json.MessageID,
        };
      const detail = `${code ?? "?"} ${typeof json.Message === "string" ? json.Message : answer.body}`;
      const kind =
        code === INACTIVE_RECIPIENT
          ? "recipient-rejected"
          : code !== undefined && ACCOUNT_PROBLEMS.has(code)
            ? "transport-down"
            : kindOfAnswer(answer);
      throw apiFailure(kind, "postmark", answer, detail);
    },
    async check(message) {
      return Buffer.byteLength(body(message));
    },
    close: () => client.close(),
  };
}
