import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sealSubscriberRef } from "../../src/audience/subscriber-ref.js";
import type { SendIssueInput } from "../../src/deliver/index.js";
import { messageIdFor } from "../../src/deliver/index.js";
import type { Transport } from "../../src/deliver/transports/types.js";
import type { Recipient } from "../../src/render/types.js";
import { openStore, type Store } from "../../src/store/index.js";

export const T0 = new Date("2025-03-03T09:00:00Z");
/** The key the seeded sends seal X-Gazette-Subscriber with. */
export const REF_KEY = { id: "k1", secret: "seed-issue-secret" };

export interface SeededIssue {
  store: Store;
  dir: string;
  issue: { id: number; listId: number };
  /** Subscriber emails in id order: user0001@example.com … */
  emails: string[];
  subscriberIds: number[];
}

/** A store in a temp dir with `count` active subscribers on list "weekly" and issue #1's ledger. */
export async function seedIssue(
  count: number,
  options: { ledger?: boolean } = {},
): Promise<SeededIssue> {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-send-"));
  const store = await openStore(dir);
  const lists = await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], T0);
  const listId = lists.get("weekly") as number;
  const emails: string[] = [];
  const subscriberIds: number[] = [];
  for (let i = 1; i <= count; i++) {
    const email = `user${String(i).padStart(5, "0")}@example.com`;
    const { id } = await store.subscribers.upsert(email, `User ${i}`, T0);
    await store.subscribers.join(listId, id, { status: "active", source: "test", now: T0 });
    emails.push(email);
    subscriberIds.push(id);
  }
  const issue = await store.issues.create({
    listId,
    periodStart: new Date(T0.getTime() - 7 * 86_400_000),
    periodEnd: T0,
    articleIds: [],
    now: T0,
  });
  if (options.ledger !== false) {
    await store.deliveries.createLedger({
      issueId: issue.id,
      listId,
      now: T0,
      messageIdFor: idFor(issue.id),
    });
  }
  return { store, dir, issue: { id: issue.id, listId }, emails, subscriberIds };
}

/** The Message-ID the test ledger gives a delivery. */
export function idFor(issueId: number): (subscriberId: number) => string {
  return (subscriberId) =>
    messageIdFor({ installId: "test1", issueId, subscriberId, domain: "news.example.com" });
}

/** sendIssue's input for a seeded issue: a small HTML and text body naming the recipient. */
export function sendInput(
  seeded: SeededIssue,
  transport: Transport,
  overrides: Partial<SendIssueInput> = {},
): SendIssueInput {
  return {
    ledger: seeded.store.sendLedger,
    transport,
    issue: seeded.issue,
    message: {
      from: "Gazette Weekly <digest@news.example.com>",
      subject: "Gazette #1: Postgres at scale — and more",
      listIdHeader: "Weekly <weekly.news.example.com>",
      unsubscribeMailto: "unsubscribe@news.example.com",
      headers: { "X-Gazette-Issue": "weekly/1", "Feedback-ID": "1:weekly:gazette:test1" },
    },
    fill: (recipient: Recipient) => ({
      subject: "Gazette #1: Postgres at scale — and more",
      html: `<p>Hello ${recipient.name ?? "reader"} — café</p><a href="${recipient.unsubscribeUrl}">Unsubscribe</a>`,
      text: `Hello ${recipient.name ?? "reader"} — café\n\nUnsubscribe: ${recipient.unsubscribeUrl}\n`,
    }),
    unsubscribeUrl: (id) => `https://news.example.com/unsubscribe/tok${id}`,
    preferencesUrl: (id) => `https://news.example.com/preferences/tok${id}`,
    messageIdFor: idFor(seeded.issue.id),
    subscriberRef: (id) => sealSubscriberRef(REF_KEY, id),
    now: () => T0,
    random: () => 0.5,
    ...overrides,
  };
}
