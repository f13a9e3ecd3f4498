import { z } from "zod";
import { TransportConfig } from "../deliver/config.js";
import { cronProblem } from "../schedule/index.js";
import { Duration } from "../shared/duration.js";
import { EnvName } from "../shared/env-name.js";
import { EVENT_TYPES } from "../shared/event-types.js";
import { SummarizerConfig } from "./summarizer-config.js";

/** `templates` when the config does not set it. */
export const DEFAULT_TEMPLATES = "templates";

// Every object is strict: an unknown key is a typo until proven otherwise.

// Durations ("30s", "7d") are shared with the transports' schemas (deliver/transports/registry.ts).
export { parseDuration } from "../shared/duration.js";

const Address = z.union(
  [z.string().min(3), z.strictObject({ name: z.string().optional(), address: z.email() })],
  {
    error:
      'must be an address ("news@example.com" or "Name <news@example.com>") or a mapping { name, address }',
  },
);

export const FeedConfig = z.strictObject({
  /** http(s) URL, or a path (relative to the config file) for feeds kept on disk. */
  url: z.string().min(1),
  name: z.string().min(1).optional(),
  tags: z.array(z.string().min(1)).default([]),
  /** An http(s) image shown next to the source name of each article. */
  logoUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Fetch each article's page for its full text; default: collect.fullText. */
  fullText: z.enum(["auto", "always", "never"]).optional(),
});
export type FeedConfig = z.infer<typeof FeedConfig>;

/** Monday 09:00 in the list's time zone, when the list says no other cron. */
const DEFAULT_CRON = "0 9 * * MON";

export const ScheduleConfig = z
  .strictObject(
    {
      cron: z.string().default(DEFAULT_CRON),
      timezone: z
        .string()
        .refine(isTimeZone, { message: "is not an IANA time zone" })
        .default("UTC"),
      /** A slot found more than this late (the scheduler was down) is skipped and reported, not sent late. */
      missWindow: Duration.default("6h"),
    },
    {
      // `schedule: "0 8 * * MON"` is the first thing one writes: say where the cron goes.
      error: (issue) =>
        issue.code === "invalid_type" && typeof issue.input === "string"
          ? `must be a mapping with a cron key: schedule: { cron: "${issue.input}", timezone: UTC }`
          : undefined,
    },
  )
  // Checked by the scheduler's own parser (issue 14: "0 8 * * MONDAY" passed another one, then
  // crashed status, lists and schedule), in the list's time zone.
  .superRefine((schedule, context) => {
    if (!isTimeZone(schedule.timezone)) return;
    const problem = cronProblem(schedule.cron, schedule.timezone);
    if (problem) {
      context.addIssue({
        code: "custom",
        path: ["cron"],
        message: `"${schedule.cron}" is not a cron expression the scheduler can run: ${problem}; write e.g. "0 8 * * MON" (minute hour day-of-month month day-of-week)`,
      });
    }
  });
export type ScheduleConfig = z.infer<typeof ScheduleConfig>;

/** A keyword (case-insensitive substring) or a regular expression written `/…/flags`. */
const TextPattern = z
  .string()
  .min(1)
  .refine(isValidPattern, { message: 'is not a valid regular expression (form: "/pattern/i")' });

export const ListFilters = z.strictObject({
  /** An article must match at least one of these in its title or text (when any are given). */
  include: z.array(TextPattern).default([]),
  /** An article matching any of these in its title or text is left out. */
  exclude: z.array(TextPattern).default([]),
  /** Only articles filed under one of these categories or tagged with one (case-insensitive). */
  categories: z.array(z.string().min(1)).default([]),
});
export type ListFilters = z.infer<typeof ListFilters>;

export const ListConfig = z.strictObject({
  /** Stable identifier used in the store, CLI and List-Id; lowercase letters, digits and dashes. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lowercase letters, digits and dashes"),
  name: z.string().min(1),
  description: z.string().optional(),
  /** "all", feed names / URLs, or `{ tags: [...] }`: the feeds carrying any of these tags. */
  feeds: z
    .union(
      [
        z.literal("all"),
        z.array(z.string().min(1)).min(1, "must name at least one feed (or be all)"),
        z.strictObject({ tags: z.array(z.string().min(1)).min(1) }),
      ],
      { error: 'must be "all", a list of feed names or URLs, or a mapping { tags: [a tag, …] }' },
    )
    .default("all"),
  /** Replaces the top-level sender for this list's emails. */
  sender: z.strictObject({ from: Address, replyTo: Address.optional() }).optional(),
  filters: ListFilters.default({ include: [], exclude: [], categories: [] }),
  /** At most this many articles from one feed per issue, on top of the fair share. */
  maxPerFeed: z.int().positive().optional(),
  /** The old name of `maxPerFeed`, still read; `maxPerFeed` wins when both are set. */
  maxPerSource: z.int().positive().optional(),
  /** Only articles in these languages (ISO 639-1, e.g. "en"); default: every language. */
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639-1 code such as "en"'))
    .min(1)
    .optional(),
  /** A subscriber whose topics match none of an issue's articles: "none" (no email) or "full". */
  topicFallback: z.enum(["none", "full"]).default("none"),
  /** The "In this issue" overview above the cards. */
  overview: z.boolean().default(true),
  /** Links from each summary and why to the passage they came from (#:~:text=). */
  textFragments: z.boolean().default(true),
  /** At most this many title-only or unsummarized articles in "Also published"; 0: none. */
  maxAlsoPublished: z.int().nonnegative().default(10),
  /** A theme folder for this list; replaces the top-level `templates`. */
  template: z.string().min(1).optional(),
  schedule: ScheduleConfig.default({ cron: DEFAULT_CRON, timezone: "UTC", missWindow: "6h" }),
  maxArticles: z.int().positive().default(20),
  minArticles: z.int().nonnegative().default(1),
  /** How far back the first issue (and a newly added feed) may reach. */
  lookback: Duration.default("7d"),
  /** Handlebars, rendered as plain text with the issue's data. */
  subject: z
    .string()
    .min(1)
    .default(
      "{{newsletter.name}} #{{issue.number}}: {{issue.lead.title}}{{#if issue.moreCount}} + {{issue.moreCount}} more{{/if}}",
    ),
  /** The editor's words above the articles of every issue (plain text). */
  intro: z.string().optional(),
  /** Show articles in sections under a heading per category. */
  groupByCategory: z.boolean().default(false),
  /** HTML size budget of this list's emails; replaces render.maxHtmlBytes. */
  maxEmailBytes: z.int().positive().optional(),
  /** auto: issues go out on their own · review: `run` composes a draft and waits for approval. */
  mode: z.enum(["auto", "review"]).default("auto"),
  /** In auto mode, how long a composed issue waits before it is sent (time to drop a post). */
  hold: Duration.default("0s"),
});
export type ListConfig = z.infer<typeof ListConfig>;

// One schema per transport, kept with the transports in their registry.
export { TransportConfig };

/** How the send works through the ledger: batches, leases, retries, rate, DKIM. */
export const DeliveryConfig = z.strictObject({
  /** Rows claimed at a time. */
  batchSize: z.int().positive().default(100),
  /** Messages in flight at once; default: twice the SMTP pool size, else 4. */
  concurrency: z.int().positive().optional(),
  /** Sent rows marked in one write; default: the concurrency. 1 marks each right after its reply. */
  markBatch: z.int().positive().optional(),
  /** How long a claimed row is the claimer's; after a crash it is sent again once this passes. */
  leaseDuration: Duration.default("10m"),
  retry: z
    .strictObject({
      maxAttempts: z.int().positive().default(5),
      baseDelay: Duration.default("30s"),
      maxDelay: Duration.default("1h"),
    })
    .default({ maxAttempts: 5, baseDelay: "30s", maxDelay: "1h" }),
  /** Messages per second, minute and/or hour, spaced evenly. */
  rateLimit: z
    .strictObject({
      perSecond: z.number().positive().optional(),
      perMinute: z.number().positive().optional(),
      perHour: z.number().positive().optional(),
    })
    .optional(),
  /** Hard bounces after which an address is suppressed on every list. */
  maxBounces: z.int().positive().default(2),
  dkim: z
    .strictObject({
      domain: z.string().min(1),
      selector: z.string().min(1),
      /** A PEM private key file (relative to the config file's folder). */
      privateKeyFile: z.string().min(1).optional(),
      /** The name of an environment variable holding the PEM private key. */
      privateKeyEnv: z.string().min(1).optional(),
    })
    .refine((dkim) => (dkim.privateKeyFile === undefined) !== (dkim.privateKeyEnv === undefined), {
      message: "give exactly one of privateKeyFile and privateKeyEnv",
    })
    .optional(),
});
export type DeliveryConfig = z.infer<typeof DeliveryConfig>;

export { SummarizerConfig };

/** One receiver of signed event POSTs (events out). */
export const WebhookConfig = z.strictObject({
  // A user name or password in the URL would be kept in the store and printed by `gazette
  // webhooks`, and fetch refuses such a URL anyway: no POST could ever go out.
  url: z
    .url({ protocol: /^https?$/ })
    .refine((url) => !URL.canParse(url) || !hasCredentials(new URL(url)), {
      message:
        "must not hold a user name or password (they would be stored and printed, and the POST is refused); sign with secretEnv, or put a token in the path",
    }),
  /** The events posted to it; default every one. */
  events: z
    .array(z.enum(EVENT_TYPES))
    .min(1)
    .default([...EVENT_TYPES]),
  /** The environment variable holding the signing secret (`whsec_…` base64, or any string). */
  secretEnv: EnvName,
  /** Time allowed for one POST. */
  timeout: Duration.default("10s"),
  retry: z
    .strictObject({
      maxAttempts: z.int().positive().default(10),
      baseDelay: Duration.default("1m"),
      maxDelay: Duration.default("6h"),
    })
    .default({ maxAttempts: 10, baseDelay: "1m", maxDelay: "6h" }),
});
export type WebhookConfig = z.infer<typeof WebhookConfig>;

/** Event webhooks of email services, received by `gazette serve` under /events/<service>. */
export const ServiceEventsConfig = z.strictObject({
  /** A signed timestamp older (or further ahead) than this is a replay and refused. */
  maxAge: Duration.default("15m"),
  /** Amazon SES through an SNS topic's HTTPS subscription. */
  ses: z
    .strictObject({
      /** The SNS topics whose messages are accepted; any other TopicArn is refused. */
      topicArns: z
        .array(z.string().regex(/^arn:aws[a-z-]*:sns:/, "must be an SNS topic ARN"))
        .min(1),
      /**
       * Extra URL prefixes a signing certificate and a SubscribeURL may come from, besides
       * https://sns.<region>.amazonaws.com/ (tests, private endpoints).
       */
      certificateUrlPrefixes: z.array(z.url()).default([]),
    })
    .optional(),
  /** Postmark: HTTP basic auth in the webhook URL, or a custom header carrying a token. */
  postmark: z
    .strictObject({
      usernameEnv: EnvName.optional(),
      passwordEnv: EnvName.optional(),
      tokenEnv: EnvName.optional(),
      tokenHeader: z.string().min(1).default("X-Gazette-Token"),
    })
    .refine((p) => (p.usernameEnv === undefined) === (p.passwordEnv === undefined), {
      message: "give both usernameEnv and passwordEnv, or neither",
    })
    .refine((p) => p.passwordEnv !== undefined || p.tokenEnv !== undefined, {
      message: "give usernameEnv and passwordEnv (basic auth), or tokenEnv, or both",
    })
    .optional(),
  /** Resend: Svix-signed events; the webhook's signing secret (whsec_…). */
  resend: z.strictObject({ secretEnv: EnvName }).optional(),
});
export type ServiceEventsConfig = z.infer<typeof ServiceEventsConfig>;

export const InboxConfig = z.strictObject({
  host: z.string().min(1),
  /** 993 with `secure` (TLS from the first byte), else 143 with STARTTLS when offered. */
  port: z.int().positive().optional(),
  secure: z.boolean().default(true),
  user: z.string().min(1),
  /** Write `${GAZETTE_INBOX_PASSWORD}` (or another variable): never the password itself. */
  password: z.string().min(1),
  mailbox: z.string().min(1).default("INBOX"),
  /** At most this much of one message is read; a DSN's verdict is in its first kilobytes. */
  maxMessageBytes: z
    .int()
    .positive()
    .default(1024 * 1024),
  tls: z.strictObject({ rejectUnauthorized: z.boolean().default(true) }).optional(),
  /** `--watch` (and `gazette worker`): how often the mailbox is read again. */
  interval: Duration.default("1m"),
});
export type InboxConfig = z.infer<typeof InboxConfig>;

export const CollectConfig = z.strictObject({
  timeout: Duration.default("20s"),
  maxBytes: z
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  concurrency: z.int().positive().default(8),
  userAgent: z.string().default("Gazette/0.1 (+https://github.com/gazette-newsletter/gazette)"),
  /** A feed that sends no byte for this long is given up, however much time is left. */
  idleTimeout: Duration.default("10s"),
  /** Requests in flight at once to one host name: politeness towards shared hosts. */
  perHostConcurrency: z.int().positive().default(2),
  /** Addresses, CIDR ranges or host names the private-address guard lets through (internal feeds). */
  allowPrivate: z.array(z.string().min(1)).default([]),
  /** Items kept from one fetch of a feed, newest first. */
  maxItemsPerFeed: z.int().positive().default(200),
  /** Fetch article pages for their full text: auto (when the feed has under fullTextMinWords). */
  fullText: z.enum(["auto", "always", "never"]).default("auto"),
  fullTextMinWords: z.int().nonnegative().default(150),
  /** Parsing one feed (or extracting one page) longer than this is given up. */
  parseTimeout: Duration.default("10s"),
  /** Worker threads that parse feeds and pages; default: the cores but one (at least 1, at most 8). */
  parseWorkers: z.int().positive().max(64).optional(),
});

/** Gmail clips a message past 102 KB of HTML; 90 KiB leaves room for per-recipient fields. */
export const RenderConfig = z.strictObject({
  maxHtmlBytes: z
    .int()
    .positive()
    .default(90 * 1024),
});

export const Config = z.strictObject({
  newsletter: z.strictObject({
    name: z.string().min(1),
    /** Public base URL: unsubscribe links and the web version live under it. */
    baseUrl: z.url({ protocol: /^https?$/ }),
    language: z.string().default("en"),
    /** Required by anti-spam law in most places; shown in every footer. */
    postalAddress: z.string().min(1),
    /** An http(s) image shown in the header of every issue. */
    logoUrl: z.url({ protocol: /^https?$/ }).optional(),
  }),
  sender: z.strictObject({
    from: Address,
    replyTo: Address.optional(),
    /** Optional mailto for List-Unsubscribe, next to the https link; read by `gazette inbox`. */
    unsubscribeMailto: z.email().optional(),
    /**
     * VERP: the envelope sender (Return-Path) of every message, as `local+<token>@domain`, the
     * token signed per delivery, so a bounce names its delivery even without a DSN.
     */
    returnPath: z.email().optional(),
  }),
  /** The bounce and unsubscribe mailbox `gazette inbox` reads over IMAP. */
  inbox: InboxConfig.optional(),
  /** Where the database, outbox and rendered files go; GAZETTE_DATA_DIR overrides it. */
  dataDir: z.string().default("data"),
  /** CSV of subscribers synced into the store on every run (optional). */
  subscribersFile: z.string().optional(),
  /** The theme folder; left unset and missing beside the config, the theme Gazette ships. */
  templates: z.string().default(DEFAULT_TEMPLATES),
  render: RenderConfig.default({ maxHtmlBytes: 90 * 1024 }),
  transport: TransportConfig.default({ type: "outbox" }),
  summarizer: SummarizerConfig.default({ provider: "extractive" }),
  collect: CollectConfig.default({
    timeout: "20s",
    maxBytes: 10 * 1024 * 1024,
    concurrency: 8,
    userAgent: "Gazette/0.1 (+https://github.com/gazette-newsletter/gazette)",
    idleTimeout: "10s",
    perHostConcurrency: 2,
    allowPrivate: [],
    maxItemsPerFeed: 200,
    fullText: "auto",
    fullTextMinWords: 150,
    parseTimeout: "10s",
  }),
  delivery: DeliveryConfig.default({
    batchSize: 100,
    leaseDuration: "10m",
    retry: { maxAttempts: 5, baseDelay: "30s", maxDelay: "1h" },
    maxBounces: 2,
  }),
  feeds: z.array(FeedConfig).min(1),
  lists: z.array(ListConfig).min(1),
  /** Signed POSTs of events (subscribed, unsubscribed, issue sent…) to other systems. */
  webhooks: z.array(WebhookConfig).default([]),
  /** Email services' event webhooks that `gazette serve` accepts. */
  serviceEvents: ServiceEventsConfig.optional(),
  /** The topics subscribers may choose on the preferences page (categories or tags). */
  topics: z.array(z.string().min(1)).optional(),
});
export type Config = z.infer<typeof Config>;

/** True for keywords and for `/…/flags` strings that compile as regular expressions. */
function isValidPattern(value: string): boolean {
  const match = /^\/(.+)\/([a-z]*)$/s.exec(value);
  if (!match) return true;
  try {
    new RegExp(match[1] as string, match[2]);
    return true;
  } catch {
    return false;
  }
}

function hasCredentials(url: URL): boolean {
  return url.username !== "" || url.password !== "";
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
