import { createVerify, X509Certificate } from "node:crypto";
import { readJsonObject, stringOf } from "./read-json.js";
import type { RejectReason } from "./types.js";

// Amazon SNS message signatures (docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message):
// the string to sign is "Key\nValue\n" for fixed keys in byte order, the signature RSA over SHA1
// (SignatureVersion 1) or SHA256 (2), the certificate fetched from SigningCertURL — only from an
// https://sns.<region>.amazonaws.com/ URL ending in .pem, never trusted from the message itself.

const NOTIFICATION_KEYS = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
const CONFIRMATION_KEYS = [
  "Message",
  "MessageId",
  "SubscribeURL",
  "Timestamp",
  "Token",
  "TopicArn",
  "Type",
];
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

export interface SnsMessage {
  type: "Notification" | "SubscriptionConfirmation" | "UnsubscribeConfirmation";
  messageId: string;
  topicArn: string;
  message: string;
  timestamp: Date;
  subscribeUrl?: string;
}

export interface SnsOptions {
  topicArns: readonly string[];
  /** Extra URL prefixes certificates and SubscribeURLs may come from (tests, private endpoints). */
  certificateUrlPrefixes: readonly string[];
  maxAgeMs: number;
  now: Date;
  /** The PEM at a (checked) certificate URL; cached by the caller. */
  certificate(url: string): Promise<string>;
}

export type SnsCheck =
  | { isValid: true; message: SnsMessage }
  | { isValid: false; reason: RejectReason; detail: string };

/** Verifies an SNS HTTP(S) delivery: shape, topic, age, certificate origin, signature. */
export async function verifySnsMessage(body: string, options: SnsOptions): Promise<SnsCheck> {
  const fail = (reason: RejectReason, detail: string): SnsCheck => ({
    isValid: false,
    reason,
    detail,
  });
  const json = readJsonObject(body);
  if (!json) return fail("malformed", "not a JSON object");
  const field = (key: string) => stringOf(json[key]);
  const type = field("Type");
  if (
    type !== "Notification" &&
    type !== "SubscriptionConfirmation" &&
    type !== "UnsubscribeConfirmation"
  )
    return fail("malformed", `Type ${JSON.stringify(type ?? null)}`);
  const signature = field("Signature");
  const certUrl = field("SigningCertURL");
  if (!signature || !certUrl) return fail("unsigned", "no Signature");
  const version = field("SignatureVersion");
  if (version !== "1" && version !== "2") return fail("malformed", `SignatureVersion ${version}`);
  const keys = type === "Notification" ? NOTIFICATION_KEYS : CONFIRMATION_KEYS;
  let toSign = "";
  for (const key of keys) {
    const value = field(key);
    if (value === undefined) {
      if (key === "Subject") continue;
      return fail("malformed", `no ${key}`);
    }
    toSign += `${key}\n${value}\n`;
  }
  const topicArn = field("TopicArn") as string;
  if (!options.topicArns.includes(topicArn)) return fail("unknown-topic", `topic ${topicArn}`);
  const timestamp = new Date(field("Timestamp") as string);
  if (Number.isNaN(timestamp.getTime())) return fail("malformed", "Timestamp unreadable");
  if (Math.abs(options.now.getTime() - timestamp.getTime()) > options.maxAgeMs)
    return fail("replayed", `Timestamp ${timestamp.toISOString()}`);
  if (!isTrustedSnsUrl(certUrl, options.certificateUrlPrefixes, ".pem"))
    return fail("untrusted-certificate", certUrl);
  let publicKey: X509Certificate["publicKey"];
  try {
    publicKey = new X509Certificate(await options.certificate(certUrl)).publicKey;
  } catch (error) {
    const detail = `certificate ${certUrl}: ${error instanceof Error ? error.message : error}`;
    return fail("untrusted-certificate", detail);
  }
  const verifier = createVerify(version === "1" ? "RSA-SHA1" : "RSA-SHA256");
  verifier.update(toSign, "utf8");
  if (!verifier.verify(publicKey, signature, "base64"))
    return fail("forged", "signature does not match");
  const subscribeUrl = field("SubscribeURL");
  return {
    isValid: true,
    message: {
      type,
      messageId: field("MessageId") as string,
      topicArn,
      message: field("Message") as string,
      timestamp,
      ...(subscribeUrl && { subscribeUrl }),
    },
  };
}

/**
 * True for https://sns.<region>.amazonaws.com[.cn]/… (with `suffix`: a path ending in it, and no
 * query or fragment), or a URL under one of the configured prefixes.
 */
export function isTrustedSnsUrl(
  value: string,
  prefixes: readonly string[],
  suffix?: string,
): boolean {
  if (prefixes.some((prefix) => value.startsWith(prefix))) return true;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === "https:" &&
    url.port === "" &&
    SNS_HOST.test(url.hostname) &&
    // A certificate's URL is a file's: a query or fragment would make one certificate endless
    // URLs, each fetched and cached anew (SubscribeURL's query is SNS's own).
    (suffix === undefined ||
      (url.pathname.endsWith(suffix) && url.search === "" && url.hash === ""))
  );
}
