import { parseDuration } from "../../shared/duration.js";
import { createSigner } from "../mime/sign-message.js";
import { apiFailure, createApiClient, kindOfAnswer, readAnswer } from "./http-api.js";
import type { ConfigOf, TransportOptions } from "./registry.js";
import { signAwsV4 } from "./sign-aws-v4.js";
import { type Transport, TransportError } from "./types.js";

// Amazon SES API v2 SendEmail (docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html)
// with Raw content: Gazette's own MIME bytes (DKIM-signed when configured) go as they are, so
// List-Unsubscribe and the Message-ID reach the reader unchanged. Signed with SigV4 by hand:
// the AWS SDK would add megabytes for one request type.

// SES's error types (x-amzn-ErrorType) that mean nothing will pass until the operator acts.
const ACCOUNT_PROBLEMS = new Set([
  "AccountSuspendedException",
  "SendingPausedException",
  "MailFromDomainNotVerifiedException",
  "NotFoundException",
  "AccessDeniedException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
]);
const THROTTLED = new Set([
  "TooManyRequestsException",
  "LimitExceededException",
  "ThrottlingException",
]);

/** Sends the raw message through SES v2, SigV4-signed. */
export function createSesTransport(config: ConfigOf<"ses">, options: TransportOptions): Transport {
  const endpoint = config.endpoint ?? `https://email.${config.region}.amazonaws.com`;
  const url = new URL("/v2/email/outbound-emails", endpoint);
  const sign = createSigner(options.dkim);
  const client = createApiClient("ses", {
    connections: config.maxConnections,
    timeoutMs: parseDuration(config.timeout),
  });
  const bodyOf = async (message: Parameters<Transport["send"]>[0]) =>
    JSON.stringify({
      FromEmailAddress: message.envelope.from,
      Destination: { ToAddresses: [message.envelope.to] },
      Content: {
        Raw: { Data: (await sign(await message.raw(), message.envelope)).toString("base64") },
      },
      ...(config.configurationSet && { ConfigurationSetName: config.configurationSet }),
    });
  return {
    async send(message) {
      const accessKeyId = options.env[config.accessKeyIdEnv];
      const secretAccessKey = options.env[config.secretAccessKeyEnv];
      if (!accessKeyId || !secretAccessKey)
        throw new TransportError(
          "transport-down",
          `ses: ${config.accessKeyIdEnv} and ${config.secretAccessKeyEnv} must be set`,
        );
      const sessionToken = options.env[config.sessionTokenEnv];
      const body = await bodyOf(message);
      const headers = signAwsV4(
        { method: "POST", url, headers: { "content-type": "application/json" }, body },
        { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) },
        { region: config.region, service: "ses" },
        new Date(),
      );
      const answer = await client.post(url, headers, body);
      const json = readAnswer(answer);
      if (answer.status === 200 && typeof json.MessageId === "string")
        return {
          messageId: message.messageId,
          response: `ses ${json.MessageId}`,
          serviceMessageId: json.MessageId,
        };
      const type = (answer.header("x-amzn-errortype") ?? "").split(":")[0] ?? "";
      const text =
        typeof json.message === "string"
          ? json.message
          : typeof json.Message === "string"
            ? json.Message
            : answer.body;
      const kind = ACCOUNT_PROBLEMS.has(type)
        ? "transport-down"
        : THROTTLED.has(type)
          ? "retry-later"
          : kindOfAnswer(answer);
      throw apiFailure(kind, "ses", answer, `${type} ${text}`.trim());
    },
    async check(message) {
      return Buffer.byteLength(await bodyOf(message));
    },
    close: () => client.close(),
  };
}
