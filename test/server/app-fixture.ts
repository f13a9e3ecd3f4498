import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { readSigningKeys } from "../../src/audience/signing-keys.js";
import { type Config, parseConfigText } from "../../src/config/index.js";
import type { Transport } from "../../src/deliver/index.js";
import type { ServiceEventReceiver } from "../../src/inbox/index.js";
import { type AppOptions, createApp } from "../../src/server/index.js";
import type { LinksOutcome } from "../../src/server/request-links.js";
import type { SignupOutcome } from "../../src/server/request-signup.js";
import { fixedClock } from "../../src/shared/clock.js";
import { type MembershipStatus, openStore, type Store } from "../../src/store/index.js";
import { startSmtpSink } from "../helpers/smtp-sink.js";
import { smtpTransport } from "../helpers/transports.js";

export const CONFIG_YAML = `newsletter:
  name: Fixture Weekly
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: Fixture <digest@news.example.com>
feeds:
  - url: https://blog.example.com/feed.xml
lists:
  - id: weekly
    name: Weekly
  - id: ai
    name: AI Digest
    description: Machine learning only
    topicFallback: full
topics: [Backend, AI, Security]
`;

/** A real store in a temp dir, a real SMTP sink behind the mailer, the app in-process. */
export async function createAppFixture(
  options: {
    signupLimit?: { max: number; windowMs: number };
    /** More options for the app (limits, hooks). */
    app?: Partial<AppOptions>;
    /** The transport the app sends through, made from the fixture's SMTP one (default: it). */
    transport?: (smtp: Transport) => Transport;
    /** Extra top-level config (YAML), e.g. `serviceEvents:`. */
    extraConfig?: string;
    /** The email services' event receiver, made from the fixture's store, config and clock. */
    serviceEvents?: (parts: {
      store: Store;
      config: Config;
      clock: ReturnType<typeof fixedClock>;
    }) => ServiceEventReceiver;
  } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-server-"));
  const store = await openStore(dir);
  const config = parseConfigText(CONFIG_YAML + (options.extraConfig ?? ""), "fixture.yaml", {});
  const signingKeys = readSigningKeys(
    { GAZETTE_SECRET: "fixture-secret", GAZETTE_SECRET_ID: "k1" },
    "stored",
  );
  const clock = fixedClock("2026-05-01T10:00:00Z");
  const sink = await startSmtpSink();
  const mailer = smtpTransport({ url: sink.url });
  const signups = toldOutcomes<SignupOutcome | Error>();
  const linkRequests = toldOutcomes<LinksOutcome | Error>();
  const appOver = (on: Store, tell: { onSignup: AppOptions["onSignup"] }) =>
    createApp({
      store: on,
      config,
      signingKeys,
      clock,
      transport: options.transport ? options.transport(mailer) : mailer,
      onLinkRequest: linkRequests.tell,
      archiveDir: path.join(dir, "archive"),
      clientIp: (c) => c.req.header("x-test-ip") ?? "192.0.2.1",
      ...(options.signupLimit ? { signupLimit: options.signupLimit } : {}),
      ...tell,
      ...options.app,
      ...(options.serviceEvents && {
        serviceEvents: options.serviceEvents({ store: on, config, clock }),
      }),
    });
  const app = appOver(store, { onSignup: signups.tell });
  const others: Store[] = [];
  const listIds = await store.subscribers.syncLists(config.lists, clock.now());
  return {
    dir,
    store,
    config,
    signingKeys,
    clock,
    sink,
    app,
    /** How each signup ended (it runs after the answer): `next()` waits for the next one. */
    signups,
    /** How each "email me my link" request ended, likewise. */
    linkRequests,
    listIds,
    listId: (slug: string) => listIds.get(slug) as number,
    /** Adds a subscriber on a list with a status; returns the subscriber id. */
    async addMember(email: string, slug: string, status: MembershipStatus = "active") {
      const { id } = await store.subscribers.upsert(email, undefined, clock.now());
      await store.subscribers.join(listIds.get(slug) as number, id, {
        status,
        source: "test",
        now: clock.now(),
        force: true,
      });
      return id;
    },
    /**
     * Another `gazette serve` on the same store: its own connection and its own memory (a second
     * process, or this one after a restart), with the same clock, transport and SMTP sink.
     */
    async anotherServer() {
      const other = await openStore(dir);
      others.push(other);
      const told = toldOutcomes<SignupOutcome | Error>();
      return { app: appOver(other, { onSignup: told.tell }), signups: told };
    },
    /** Everything an audience route could change, to prove that a request changed nothing. */
    snapshot: () => snapshotAudience(store),
    async close() {
      await mailer.close();
      await sink.close();
      for (const other of others) await other.close();
      await store.close();
    },
  };
}

export type AppFixture = Awaited<ReturnType<typeof createAppFixture>>;

/**
 * What a hook of the app is told, in order: the work it reports runs after the page was answered,
 * so a test awaits `next()` (at once when it was already told) before it looks at the store or mail.
 */
export function toldOutcomes<T>() {
  const told: T[] = [];
  const waiting: ((outcome: T) => void)[] = [];
  return {
    tell(outcome: T) {
      const waiter = waiting.shift();
      if (waiter) waiter(outcome);
      else told.push(outcome);
    },
    next: () =>
      new Promise<T>((resolve) => {
        if (told.length > 0) resolve(told.shift() as T);
        else waiting.push(resolve);
      }),
    /** Outcomes told and not yet taken by `next()`. */
    get untaken(): readonly T[] {
      return told;
    },
  };
}

export async function snapshotAudience(store: Store): Promise<string> {
  const tables = await Promise.all(
    (["lists", "subscribers", "memberships", "consents", "suppressions"] as const).map((table) =>
      store.db.selectFrom(table).selectAll().execute(),
    ),
  );
  return JSON.stringify(tables);
}

/** The page parsed with linkedom, for assertions on structure. */
export function parsePage(body: string) {
  return parseHTML(body).document;
}

/** The CSRF field of the first form on a page. */
export function csrfOf(body: string): string {
  const value = parsePage(body).querySelector('input[name="csrf"]')?.getAttribute("value");
  if (!value) throw new Error("no csrf field on the page");
  return value;
}

export function form(fields: Record<string, string | string[]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return params;
}
