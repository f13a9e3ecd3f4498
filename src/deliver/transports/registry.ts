import { z } from "zod";
import { Duration } from "../../shared/duration.js";
import { EnvName } from "../../shared/env-name.js";
import { orList } from "../../shared/or-list.js";
import type { DkimOptions } from "../mime/dkim-options.js";
import { outboxDir } from "./outbox-dir.js";
import type { Transport } from "./types.js";

/**
 * Every transport, keyed by its `transport.type`: the config schema (with its defaults), how
 * many messages it takes at once, and its implementation, loaded only when a send needs it (the
 * CLI reads this registry with the config). Adding a transport: one file exporting its create
 * function, one entry here, one entry in test/deliver/transport-contract.test.ts.
 */

/** What a transport is built from besides its own config. */
export interface TransportOptions {
  /** The config file's folder: relative paths in the transport's config are resolved from it. */
  baseDir: string;
  /** The data directory (the outbox's default folder). */
  dataDir: string;
  /** Signs every message a transport sends as bytes; an API transport's provider signs instead. */
  dkim?: DkimOptions;
  /** The environment (API keys named in the config), never read from `process.env` here. */
  env: Readonly<Record<string, string | undefined>>;
}

interface TransportEntry<Config> {
  schema: z.ZodType<Config, unknown>;
  /** Messages the transport works on at once; the send keeps twice as many in flight. */
  parallel(config: Config): number;
  /** Where messages go, in words for the operator and without credentials. */
  describe(config: Config, where: Pick<TransportOptions, "baseDir" | "dataDir">): string;
  create(config: Config, options: TransportOptions): Promise<Transport>;
}

// Each transport's config schema, with its defaults.

const OutboxConfig = z.strictObject({
  type: z.literal("outbox"),
  /** Relative to the config file; default: `outbox/` in the data directory. */
  dir: z.string().optional(),
});

const SmtpConfig = z.strictObject({
  type: z.literal("smtp"),
  /** nodemailer's URL form, e.g. smtp://user:pass@host:587 */
  url: z
    .string()
    .regex(
      /^smtps?:\/\/\S+$/i,
      "is not an smtp:// or smtps:// URL (e.g. smtp://user:pass@host:587)",
    )
    // One that does not parse ("smtp://user:pass@[host") failed at the first send as "Invalid URL".
    .refine((url) => URL.canParse(url), {
      message:
        "is not a valid URL (e.g. smtp://user:pass@host:587; a special character in the password is written %XX)",
    }),
  pool: z.boolean().default(true),
  maxConnections: z.int().positive().default(5),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().optional(),
  tls: z
    .strictObject({
      /** false accepts any certificate: only for a relay on a trusted network. */
      rejectUnauthorized: z.boolean().optional(),
      /** The name to check the certificate against (SNI), when the URL's host differs. */
      servername: z.string().min(1).optional(),
    })
    .optional(),
});

const SesConfig = z.strictObject({
  type: z.literal("ses"),
  /** The AWS region of the SES account, e.g. eu-west-1. */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region such as eu-west-1"),
  /** Another endpoint (a VPC endpoint, a test stand-in); default https://email.<region>.amazonaws.com. */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  accessKeyIdEnv: EnvName.default("AWS_ACCESS_KEY_ID"),
  secretAccessKeyEnv: EnvName.default("AWS_SECRET_ACCESS_KEY"),
  sessionTokenEnv: EnvName.default("AWS_SESSION_TOKEN"),
  /** The configuration set whose event destination publishes bounces and complaints to SNS. */
  configurationSet: z.string().min(1).optional(),
  maxConnections: z.int().positive().default(10),
  timeout: Duration.default("30s"),
});

const PostmarkConfig = z.strictObject({
  type: z.literal("postmark"),
  serverTokenEnv: EnvName.default("POSTMARK_SERVER_TOKEN"),
  /** The message stream: Postmark's default broadcast stream is "broadcast". */
  messageStream: z.string().min(1).default("broadcast"),
  endpoint: z.url({ protocol: /^https?$/ }).default("https://api.postmarkapp.com"),
  maxConnections: z.int().positive().default(10),
  timeout: Duration.default("30s"),
});

const ResendConfig = z.strictObject({
  type: z.literal("resend"),
  apiKeyEnv: EnvName.default("RESEND_API_KEY"),
  endpoint: z.url({ protocol: /^https?$/ }).default("https://api.resend.com"),
  maxConnections: z.int().positive().default(10),
  timeout: Duration.default("30s"),
});

const SCHEMAS = [OutboxConfig, SmtpConfig, SesConfig, PostmarkConfig, ResendConfig] as const;
const TYPES: readonly string[] = SCHEMAS.map((schema) => schema.shape.type.value);

/** The `transport:` config: one of the schemas above, told apart by `type`. */
export const TransportConfig = z.discriminatedUnion("type", SCHEMAS, {
  error: (issue) => {
    const names = orList(TYPES.map((type) => `"${type}"`));
    // A value that is not a mapping at all (`transport: smtp`) wants the shape, not the list.
    if ((issue.code as string) !== "invalid_type") return `must be ${names}`;
    const type = TYPES.includes(String(issue.input)) ? String(issue.input) : "outbox";
    return `must be a mapping with a type key (${names}): transport: { type: ${type}, … }`;
  },
});
export type TransportConfig = z.infer<typeof TransportConfig>;
export type TransportType = TransportConfig["type"];
/** One transport's config, e.g. `ConfigOf<"smtp">`. */
export type ConfigOf<T extends TransportType> = Extract<TransportConfig, { type: T }>;

/** The registry. Implementations are imported when a transport is created, never before. */
export const TRANSPORTS: { [T in TransportType]: TransportEntry<ConfigOf<T>> } = {
  outbox: {
    schema: OutboxConfig,
    parallel: () => 2,
    describe: (config, where) =>
      `outbox (.eml files in ${outboxDir(config, where)}, nothing is sent)`,
    create: async (config, options) =>
      (await import("./outbox.js")).createOutboxTransport(config, options),
  },
  smtp: {
    schema: SmtpConfig,
    parallel: (config) => (config.pool ? config.maxConnections : 1),
    describe: (config) => originOf(config.url) ?? "smtp",
    create: async (config, options) =>
      (await import("./smtp.js")).createSmtpTransport(config, options),
  },
  ses: {
    schema: SesConfig,
    parallel: (config) => config.maxConnections,
    describe: (config) =>
      `Amazon SES (${config.endpoint ?? `https://email.${config.region}.amazonaws.com`})`,
    create: async (config, options) =>
      (await import("./ses.js")).createSesTransport(config, options),
  },
  postmark: {
    schema: PostmarkConfig,
    parallel: (config) => config.maxConnections,
    describe: (config) => `Postmark (${config.endpoint}, stream ${config.messageStream})`,
    create: async (config, options) =>
      (await import("./postmark.js")).createPostmarkTransport(config, options),
  },
  resend: {
    schema: ResendConfig,
    parallel: (config) => config.maxConnections,
    describe: (config) => `Resend (${config.endpoint})`,
    create: async (config, options) =>
      (await import("./resend.js")).createResendTransport(config, options),
  },
};

function entryOf<T extends TransportConfig>(config: T): TransportEntry<T> {
  return TRANSPORTS[config.type as TransportType] as unknown as TransportEntry<T>;
}

/** The configured transport, its implementation loaded now. */
export function createTransport(
  config: TransportConfig,
  options: TransportOptions,
): Promise<Transport> {
  return entryOf(config).create(config, options);
}

/** How many messages the configured transport works on at once. */
export function parallelOf(config: TransportConfig): number {
  return entryOf(config).parallel(config);
}

/**
 * Where messages go, in words for the operator, without credentials: "outbox (.eml files in
 * DIR, nothing is sent)", "smtp://host:port", "Postmark (URL, stream NAME)".
 */
export function describeTransport(
  config: TransportConfig,
  where: Pick<TransportOptions, "baseDir" | "dataDir">,
): string {
  return entryOf(config).describe(config, where);
}

/** "smtp://host:port" of a URL, without its user and password; undefined when it is no URL. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}
