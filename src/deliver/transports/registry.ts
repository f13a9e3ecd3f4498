import { z } from "zod";
import type { DkimOptions } from "../mime/dkim-options.js";
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
  url: z.string().min(1),
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

/** The `transport:` config: one of the schemas above, told apart by `type`. */
export const TransportConfig = z.discriminatedUnion("type", [OutboxConfig, SmtpConfig]);
export type TransportConfig = z.infer<typeof TransportConfig>;
export type TransportType = TransportConfig["type"];
/** One transport's config, e.g. `ConfigOf<"smtp">`. */
export type ConfigOf<T extends TransportType> = Extract<TransportConfig, { type: T }>;

/** The registry. Implementations are imported when a transport is created, never before. */
export const TRANSPORTS: { [T in TransportType]: TransportEntry<ConfigOf<T>> } = {
  outbox: {
    schema: OutboxConfig,
    parallel: () => 2,
    create: async (config, options) =>
      (await import("./outbox.js")).createOutboxTransport(config, options),
  },
  smtp: {
    schema: SmtpConfig,
    parallel: (config) => (config.pool ? config.maxConnections : 1),
    create: async (config, options) =>
      (await import("./smtp.js")).createSmtpTransport(config, options),
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
