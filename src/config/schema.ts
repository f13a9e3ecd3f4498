import { validate as isValidCron } from "node-cron";
import { z } from "zod";

// Every object is strict: an unknown key is a typo until proven otherwise.

const Duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as "30s", "15m", "2h" or "7d"');

const Address = z.union([
  z.string().min(3),
  z.strictObject({ name: z.string().optional(), address: z.email() }),
]);

export const FeedConfig = z.strictObject({
  /** http(s) URL, or a path (relative to the config file) for feeds kept on disk. */
  url: z.string().min(1),
  name: z.string().min(1).optional(),
  tags: z.array(z.string().min(1)).default([]),
});
export type FeedConfig = z.infer<typeof FeedConfig>;

export const ScheduleConfig = z.strictObject({
  cron: z.string().refine((value) => isValidCron(value), {
    message: 'is not a valid cron expression (five or six fields, e.g. "0 9 * * MON")',
  }),
  timezone: z.string().refine(isTimeZone, { message: "is not an IANA time zone" }).default("UTC"),
});
export type ScheduleConfig = z.infer<typeof ScheduleConfig>;

export const ListConfig = z.strictObject({
  /** Stable identifier used in the store, CLI and List-Id; lowercase letters, digits and dashes. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
  name: z.string().min(1),
  description: z.string().optional(),
  /** "all", or feed names / URLs. */
  feeds: z.union([z.literal("all"), z.array(z.string().min(1)).min(1)]).default("all"),
  schedule: ScheduleConfig.default({ cron: "0 9 * * MON", timezone: "UTC" }),
  maxArticles: z.int().positive().default(20),
  minArticles: z.int().nonnegative().default(1),
  /** How far back the first issue (and a newly added feed) may reach. */
  lookback: Duration.default("7d"),
  /** Handlebars, rendered as plain text with the data. */
  subject: z.string().min(1).default("{{newsletter.name}} #{{issue.number}}: {{issue.lead.title}}"),
});
export type ListConfig = z.infer<typeof ListConfig>;

export const TransportConfig = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("outbox"), dir: z.string().optional() }),
  z.strictObject({
    type: z.literal("smtp"),
    /** nodemailer's URL form, e.g. smtp://user:pass@host:587 */
    url: z.string().min(1),
    pool: z.boolean().default(true),
    maxConnections: z.int().positive().default(5),
  }),
]);
export type TransportConfig = z.infer<typeof TransportConfig>;

export const SummarizerConfig = z.strictObject({
  provider: z.literal("extractive").default("extractive"),
});

export const CollectConfig = z.strictObject({
  timeout: Duration.default("20s"),
  maxBytes: z
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  concurrency: z.int().positive().default(8),
  userAgent: z.string().default("Gazette/0.1 (+https://github.com/gazette-newsletter/gazette)"),
});

export const Config = z.strictObject({
  newsletter: z.strictObject({
    name: z.string().min(1),
    /** Public base URL: unsubscribe links and the web version live under it. */
    baseUrl: z.url({ protocol: /^https?$/ }),
    language: z.string().default("en"),
    /** Required by anti-spam law in most places; shown in every footer. */
    postalAddress: z.string().min(1),
  }),
  sender: z.strictObject({
    from: Address,
    replyTo: Address.optional(),
    /** Optional mailto for List-Unsubscribe, next to the https link. */
    unsubscribeMailto: z.email().optional(),
  }),
  /** Where the database, outbox and rendered files go; GAZETTE_DATA_DIR overrides it. */
  dataDir: z.string().default("data"),
  /** CSV of subscribers synced into the store on every run (optional). */
  subscribersFile: z.string().optional(),
  templates: z.string().default("templates"),
  transport: TransportConfig.default({ type: "outbox" }),
  summarizer: SummarizerConfig.default({ provider: "extractive" }),
  collect: CollectConfig.default({
    timeout: "20s",
    maxBytes: 10 * 1024 * 1024,
    concurrency: 8,
    userAgent: "Gazette/0.1 (+https://github.com/gazette-newsletter/gazette)",
  }),
  feeds: z.array(FeedConfig).min(1),
  lists: z.array(ListConfig).min(1),
});
export type Config = z.infer<typeof Config>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds in a duration string such as "20s" or "7d". */
export function parseDuration(value: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
  if (!match) throw new Error(`not a duration: ${value}`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "ms"];
  return Number(match[1]) * unit;
}
