import type { ServiceEventsConfig } from "../../config/index.js";
import type { Clock } from "../../shared/clock.js";
import { parseDuration } from "../../shared/duration.js";
import { GazetteError } from "../../shared/errors.js";
import type { ServiceEventLog } from "../ports.js";
import { webhookKey } from "../standard-webhooks.js";
import type { ServiceEventEffects } from "./apply-service-event.js";
import { readPostmark } from "./read-postmark.js";
import { readResend } from "./read-resend.js";
import { readSesNotification } from "./read-ses.js";
import type { EmailService, EventRequest, Reading, RejectReason } from "./types.js";
import { isTrustedSnsUrl, verifySnsMessage } from "./verify-sns.js";

// SNS signs with one certificate per region, replaced every few years; more URLs than this are
// made up (a configured prefix takes any path under it) and would otherwise be kept for good.
const MAX_CERTIFICATES = 100;

/** The answer to give the service. */
export interface EventAnswer {
  status: number;
  body: string;
  /** Why the request was refused, if it was. */
  refused?: RejectReason;
}

export interface ServiceEventReceiver {
  /** The services configured; any other is not found. */
  readonly services: readonly EmailService[];
  receive(service: EmailService, request: EventRequest): Promise<EventAnswer>;
}

export interface ReceiverOptions {
  store: { readonly serviceEventLog: ServiceEventLog };
  config: ServiceEventsConfig;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  effects: ServiceEventEffects;
  /** GETs a URL (an SNS certificate, a SubscribeURL); default: fetch with a 10 s timeout. */
  get?: (url: string) => Promise<string>;
}

/**
 * Reads an email service's event request: authenticate (SNS signature, Postmark credentials,
 * Svix signature) → read its events → apply each once. A refused request is counted with its
 * reason and answered 401 (unauthenticated) or 400 (unreadable), so that a forger learns nothing
 * and the service's retries of a real but broken request show in its dashboard.
 */
export function createServiceEventReceiver(options: ReceiverOptions): ServiceEventReceiver {
  const { config, store, clock } = options;
  const maxAgeMs = parseDuration(config.maxAge);
  const get = options.get ?? getText;
  const certificates = new Map<string, Promise<string>>();
  const certificate = (url: string) => {
    let pem = certificates.get(url);
    if (!pem) {
      const oldest = certificates.keys().next();
      if (certificates.size >= MAX_CERTIFICATES && !oldest.done) certificates.delete(oldest.value);
      pem = get(url);
      pem.catch(() => certificates.delete(url));
      certificates.set(url, pem);
    }
    return pem;
  };
  const secret = (path: string, name: string | undefined) => {
    if (name === undefined) return undefined;
    const value = options.env[name];
    if (!value)
      throw new GazetteError("CONFIG_INVALID", `serviceEvents.${path}: ${name} is not set`);
    return value;
  };
  // Secrets are read once, at start: a missing one stops `gazette serve` with its name.
  const postmark = config.postmark && {
    username: secret("postmark.usernameEnv", config.postmark.usernameEnv),
    password: secret("postmark.passwordEnv", config.postmark.passwordEnv),
    token: secret("postmark.tokenEnv", config.postmark.tokenEnv),
    tokenHeader: config.postmark.tokenHeader,
  };
  const resendKey =
    config.resend && webhookKey(secret("resend.secretEnv", config.resend.secretEnv) as string);
  const services: EmailService[] = [];
  if (config.ses) services.push("ses");
  if (postmark) services.push("postmark");
  if (resendKey) services.push("resend");

  async function read(service: EmailService, request: EventRequest): Promise<Reading> {
    const now = clock.now();
    if (service === "postmark" && postmark)
      return readPostmark(request, stripUndefined(postmark), now);
    if (service === "resend" && resendKey) return readResend(request, resendKey, { now, maxAgeMs });
    const ses = config.ses;
    if (!ses) throw new Error(`${service} is not configured`);
    const check = await verifySnsMessage(request.body, {
      topicArns: ses.topicArns,
      certificateUrlPrefixes: ses.certificateUrlPrefixes,
      maxAgeMs,
      now,
      certificate,
    });
    if (!check.isValid) return { isAccepted: false, reason: check.reason, detail: check.detail };
    const { message } = check;
    if (message.type === "SubscriptionConfirmation") {
      // Confirming is a GET of SubscribeURL, which must be SNS's own (or a configured prefix).
      const url = message.subscribeUrl ?? "";
      if (!isTrustedSnsUrl(url, ses.certificateUrlPrefixes))
        return {
          isAccepted: false,
          reason: "untrusted-certificate",
          detail: `SubscribeURL ${url}`,
        };
      await get(url);
      return {
        isAccepted: true,
        events: [],
        note: `subscription to ${message.topicArn} confirmed`,
      };
    }
    if (message.type === "UnsubscribeConfirmation")
      return { isAccepted: true, events: [], note: "unsubscribe confirmation ignored" };
    const events = readSesNotification(message.message, now);
    if (!events)
      return { isAccepted: false, reason: "malformed", detail: "Message is not an SES event" };
    return { isAccepted: true, events };
  }

  return {
    services,
    async receive(service, request) {
      const reading = await read(service, request);
      const now = clock.now();
      if (!reading.isAccepted) {
        await store.serviceEventLog.countRejection(service, reading.reason, now);
        const status = reading.reason === "malformed" ? 400 : 401;
        return { status, body: JSON.stringify({ error: reading.reason }), refused: reading.reason };
      }
      const counts = { applied: 0, duplicate: 0, unmatched: 0 };
      for (const event of reading.events) counts[await options.effects.apply(event, now)]++;
      return {
        status: 200,
        body: JSON.stringify({ ...counts, ...(reading.note && { note: reading.note }) }),
      };
    },
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A small text body over https (certificates, SubscribeURL); 64 KiB at most, 10 s. */
async function getText(url: string): Promise<string> {
  const response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > 65_536) throw new Error(`GET ${url}: body over 64 KiB`);
  return text;
}
