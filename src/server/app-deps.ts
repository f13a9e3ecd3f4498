import type { Context } from "hono";
import type { SigningKeys, SignupOutcome, WindowLimit } from "../audience/index.js";
import type { Config, ListConfig } from "../config/index.js";
import type { Transport } from "../deliver/index.js";
import type { ServiceEventReceiver } from "../inbox/index.js";
import type { Clock } from "../shared/clock.js";
import type { Store } from "../store/index.js";
import type { AfterAnswer } from "./after-answer.js";
import type { ClientLimiter } from "./client-limiter.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { LinksOutcome } from "./request-links.js";

/** What the web app works with; everything is passed in, so tests run it in-process. */
export interface AppOptions {
  store: Store;
  config: Config;
  signingKeys: SigningKeys;
  clock: Clock;
  /** Sends the signup confirmation emails: the configured transport. */
  transport: Transport;
  /** `<dataDir>/archive`: the web versions written after each send. */
  archiveDir: string;
  /** The client's address for rate limits and consent records (default: the socket's peer). */
  clientIp?: (c: Context) => string;
  /** Signup attempts allowed per client (IPv6: per /64, with larger quotas per /48 and /32) and window (default 5 per hour). */
  signupLimit?: WindowLimit;
  /** How long a confirmation link stays valid (default 48 hours). */
  confirmTtlMs?: number;
  /**
   * Confirmation emails one mailbox may get per window (default 1 per 10 minutes, 3 a day),
   * counted in the store over its spellings (mailboxKey), so across processes and restarts.
   */
  confirmationLimits?: WindowLimit[];
  /** Email services' event webhooks (`serviceEvents:`), under /events/<service>. */
  serviceEvents?: ServiceEventReceiver;
  /** Personal-link emails one address may get per window (default 1 per 10 minutes, 3 a day). */
  linkLimits?: WindowLimit[];
  /** Told how each "email me my link" request ended (it runs after the answer); for logs and tests. */
  onLinkRequest?: (outcome: LinksOutcome | Error) => void;
  /** Told how each signup ended (it runs after the answer, as link requests do); for logs and tests. */
  onSignup?: (outcome: SignupOutcome | Error) => void;
  /**
   * Runs the work of signups and link requests after their answer (default: a new one); `gazette
   * serve` waits for it to settle before it closes the transport, so a stop cuts no email.
   */
  afterAnswer?: AfterAnswer;
}

export type { WindowLimit };

/** The options with the lists resolved and the limiter made: what each route reads. */
export interface AppDeps extends AppOptions {
  afterAnswer: AfterAnswer;
  lists: ListIndex;
  signupLimiter: ClientLimiter;
  confirmTtlMs: number;
  confirmationLimits: WindowLimit[];
  clientIp: (c: Context) => string;
  /** Link requests per client (as signups: 5 an hour, IPv6 per /64, /48 and /32). */
  linkClientLimiter: ClientLimiter;
  /** Link emails per address, one limiter per window. */
  linkLimiters: RateLimiter[];
  /** Email-service events refused as unauthenticated, per client (20 an hour). */
  eventAuthLimiter: ClientLimiter;
}

/** Configured lists by store id and slug, created in the store on first use. */
export interface ListIndex {
  byId(id: number): Promise<ListConfig | undefined>;
  idOf(slug: string): Promise<number | undefined>;
}

/**
 * Reads the store's lists, never writes them: a GET must change nothing, so the lists are created
 * before serving (`gazette serve` syncs them) and re-read when one is missing.
 */
export function createListIndex(store: Store, config: Config): ListIndex {
  let ids: Map<string, number> | undefined;
  const load = async (slug?: string) => {
    if (!ids || (slug !== undefined && !ids.has(slug))) ids = await store.subscribers.listIds();
    return ids;
  };
  return {
    async byId(id) {
      for (const [slug, known] of await load())
        if (known === id) return config.lists.find((list) => list.id === slug);
      return undefined;
    },
    async idOf(slug) {
      if (!config.lists.some((list) => list.id === slug)) return undefined;
      return (await load(slug)).get(slug);
    },
  };
}
