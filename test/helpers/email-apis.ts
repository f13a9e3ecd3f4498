import { randomUUID } from "node:crypto";
import addressparser from "nodemailer/lib/addressparser";
import { signAwsV4 } from "../../src/deliver/transports/sign-aws-v4.js";
import {
  type HttpRecorder,
  type RecordedAnswer,
  type RecordedRequest,
  startHttpRecorder,
} from "./http-recorder.js";

/**
 * Local stand-ins for the email APIs, speaking each one's documented wire format: they check
 * the request (path, auth, content type, the JSON fields the API requires) and answer as the API
 * does — 200 with its message id, or the error the test queued with `failNext`.
 */
export interface ApiStandIn {
  /** The base URL to configure as the transport's endpoint. */
  url: string;
  /** The requests that reached the send path, oldest first. */
  readonly requests: RecordedRequest[];
  /** Answers the next request with this (an error, a 429, a stall…) instead of success. */
  failNext(...answers: RecordedAnswer[]): void;
  close(): Promise<void>;
}

function bare(address: string): string {
  return addressparser(address, { flatten: true })[0]?.address ?? address;
}

async function standIn(check: (request: RecordedRequest) => RecordedAnswer): Promise<ApiStandIn> {
  const recorder: HttpRecorder = await startHttpRecorder(check);
  return {
    url: recorder.url(""),
    requests: recorder.requests,
    failNext: (...answers) => recorder.answer(...answers),
    close: () => recorder.close(),
  };
}

const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): RecordedAnswer => ({
  status,
  body: JSON.stringify(body),
  headers,
});

/** Postmark: POST /email, X-Postmark-Server-Token, JSON with From, To, Subject, a body, MessageStream. */
export function startPostmarkStandIn(token: string): Promise<ApiStandIn> {
  return standIn((request) => {
    if (request.method !== "POST" || request.path !== "/email")
      return json(404, { ErrorCode: 404, Message: "not found" });
    if (request.headers["x-postmark-server-token"] !== token)
      return json(401, {
        ErrorCode: 10,
        Message:
          "The Server Token you provided in the X-Postmark-Server-Token request header was invalid.",
      });
    if (
      request.headers["content-type"] !== "application/json" ||
      request.headers.accept !== "application/json"
    )
      return json(415, {
        ErrorCode: 0,
        Message: "Accept and Content-Type must be application/json",
      });
    const body = JSON.parse(request.body) as Record<string, unknown>;
    for (const field of ["From", "To", "Subject", "MessageStream"])
      if (typeof body[field] !== "string")
        return json(422, { ErrorCode: 300, Message: `Invalid email request: ${field}` });
    if (typeof body.HtmlBody !== "string" && typeof body.TextBody !== "string")
      return json(422, {
        ErrorCode: 300,
        Message: "Provide either email TextBody or HtmlBody or both.",
      });
    return json(200, {
      To: body.To,
      SubmittedAt: new Date().toISOString(),
      MessageID: randomUUID(),
      ErrorCode: 0,
      Message: "OK",
    });
  });
}

/** Resend: POST /emails, Bearer key, JSON with from, to[], subject, html or text. */
export function startResendStandIn(key: string): Promise<ApiStandIn> {
  return standIn((request) => {
    if (request.method !== "POST" || request.path !== "/emails")
      return json(404, { statusCode: 404, name: "not_found", message: "not found" });
    if (!request.headers.authorization)
      return json(401, {
        statusCode: 401,
        name: "missing_api_key",
        message: "Missing API key in the authorization header.",
      });
    if (request.headers.authorization !== `Bearer ${key}`)
      return json(403, { statusCode: 403, name: "invalid_api_key", message: "API key is invalid" });
    const body = JSON.parse(request.body) as Record<string, unknown>;
    if (
      typeof body.from !== "string" ||
      !Array.isArray(body.to) ||
      typeof body.subject !== "string"
    )
      return json(422, {
        statusCode: 422,
        name: "missing_required_field",
        message: "from, to and subject are required",
      });
    return json(200, { id: randomUUID() });
  });
}

/** SES v2: POST /v2/email/outbound-emails, SigV4 for service ses, Raw content in base64. */
export function startSesStandIn(
  credentials: { accessKeyId: string; secretAccessKey: string },
  region: string,
): Promise<ApiStandIn> {
  return standIn((request) => {
    if (request.method !== "POST" || request.path !== "/v2/email/outbound-emails")
      return json(404, { message: "not found" }, { "x-amzn-errortype": "NotFoundException" });
    // Recompute the signature from what arrived, as SES does.
    const amzDate = String(request.headers["x-amz-date"] ?? "");
    const at = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    const expected = signAwsV4(
      {
        method: "POST",
        url: new URL(`http://${request.headers.host}${request.path}`),
        headers: { "content-type": String(request.headers["content-type"]) },
        body: request.body,
      },
      {
        ...credentials,
        ...(typeof request.headers["x-amz-security-token"] === "string" && {
          sessionToken: request.headers["x-amz-security-token"],
        }),
      },
      { region, service: "ses" },
      at,
    ).authorization;
    if (request.headers.authorization !== expected)
      return json(
        403,
        {
          message: "The request signature we calculated does not match the signature you provided.",
        },
        { "x-amzn-errortype": "SignatureDoesNotMatch" },
      );
    const body = JSON.parse(request.body) as {
      Content?: { Raw?: { Data?: string } };
      FromEmailAddress?: string;
    };
    if (typeof body.Content?.Raw?.Data !== "string")
      return json(
        400,
        { message: "Content is required" },
        { "x-amzn-errortype": "BadRequestException" },
      );
    return json(200, { MessageId: `0102${randomUUID().replace(/-/g, "")}-000000` });
  });
}

/** A Postmark request's message in the contract's terms. */
export function receivedFromPostmark(request: RecordedRequest) {
  const body = JSON.parse(request.body) as Record<string, unknown> & {
    Headers: { Name: string; Value: string }[];
  };
  const headers: Record<string, string> = Object.fromEntries(
    body.Headers.map((h) => [h.Name.toLowerCase(), h.Value]),
  );
  if (typeof body.ReplyTo === "string") headers["reply-to"] = body.ReplyTo;
  return {
    to: bare(String(body.To)),
    from: bare(String(body.From)),
    subject: String(body.Subject),
    html: String(body.HtmlBody ?? ""),
    text: String(body.TextBody ?? ""),
    headers,
  };
}

/** A Resend request's message in the contract's terms. */
export function receivedFromResend(request: RecordedRequest) {
  const body = JSON.parse(request.body) as Record<string, unknown> & {
    to: string[];
    headers: Record<string, string>;
  };
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(body.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  if (typeof body.reply_to === "string") headers["reply-to"] = body.reply_to;
  return {
    to: bare(String(body.to[0])),
    from: bare(String(body.from)),
    subject: String(body.subject),
    html: String(body.html ?? ""),
    text: String(body.text ?? ""),
    headers,
  };
}

/** The raw message an SES request carried. */
export function rawFromSes(request: RecordedRequest): Buffer {
  const body = JSON.parse(request.body) as { Content: { Raw: { Data: string } } };
  return Buffer.from(body.Content.Raw.Data, "base64");
}
