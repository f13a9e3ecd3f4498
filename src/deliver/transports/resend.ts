import { parseDuration } from "../../shared/duration.js";
import { apiFailure, createApiClient, kindOfAnswer, readAnswer } from "./http-api.js";
import type { ConfigOf, TransportOptions } from "./registry.js";
import { type PreparedMessage, type Transport, TransportError } from "./types.js";

// Resend's API (resend.com/docs/api-reference/emails/send-email): POST /emails with the message
// as JSON and a Bearer key. The Message-ID is the Idempotency-Key, so a retry after a timeout
// (the message may have gone) is never sent twice.

/** Sends through Resend's HTTP API. */
export function createResendTransport(
  config: ConfigOf<"resend">,
  options: TransportOptions,
): Transport {
  const key = options.env[config.apiKeyEnv];
  const url = new URL("/emails", config.endpoint);
  const client = createApiClient("resend", {
    connections: config.maxConnections,
    timeoutMs: parseDuration(config.timeout),
  });
  const body = (message: PreparedMessage) =>
    JSON.stringify({
      from: message.from,
      to: [message.to],
      ...(message.replyTo && { reply_to: message.replyTo }),
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: { "Message-ID": message.messageId, ...message.headers },
    });
  return {
    async send(message) {
      if (!key)
        throw new TransportError("transport-down", `resend: ${config.apiKeyEnv} is not set`);
      const answer = await client.post(
        url,
        {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "idempotency-key": message.messageId,
          "user-agent": "Gazette",
        },
        body(message),
      );
      const json = readAnswer(answer);
      if (answer.status === 200 && typeof json.id === "string")
        return {
          messageId: message.messageId,
          response: `resend ${json.id}`,
          serviceMessageId: json.id,
        };
      const name = typeof json.name === "string" ? json.name : "";
      const detail =
        `${name} ${typeof json.message === "string" ? json.message : answer.body}`.trim();
      // Resend names its errors; a daily quota is a wait, a bad key or domain an outage.
      const kind =
        name === "daily_quota_exceeded" || name === "rate_limit_exceeded"
          ? "retry-later"
          : name === "invalid_api_key" ||
              name === "missing_api_key" ||
              name === "restricted_api_key"
            ? "transport-down"
            : kindOfAnswer(answer);
      throw apiFailure(kind, "resend", answer, detail);
    },
    async check(message) {
      return Buffer.byteLength(body(message));
    },
    close: () => client.close(),
  };
}
