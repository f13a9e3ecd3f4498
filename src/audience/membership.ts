import { randomBytes } from "node:crypto";
import { applyMailEvent } from "./apply-mail-event.js";
import { mailboxKey } from "./email-address.js";
import type { MembershipLedger } from "./ports.js";

/**
 * The rules of a membership — signup, confirm, unsubscribe, preferences — one owner for the web
 * pages (src/server/ only parses, calls and renders) and any other caller. A bounced or
 * complained membership is never made active again by a link or a form: it says more than the
 * person's click does.
 */

/** The membership rules' view of the store. */
export type MembershipStore = { audience: MembershipLedger };

/** How an unsubscribe came: the link's page, a mail client's one-click POST, the preferences page. */
export interface UnsubscribeAct {
  source: "link" | "one-click" | "preferences";
  /** delivery.maxBounces: the mail-event rule the unsubscribe is applied with. */
  maxBounces: number;
}

export type SignupOutcome = "sent" | "already-active" | "blocked" | "throttled";

/** At most `max` events within any `windowMs`. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/** A subscriber as a consent names them: the id, and the address whose mailbox it is for. */
export interface ConsentingSubscriber {
  id: number;
  email: string;
}

/** What a signup that may go on needs to send its confirmation. */
export interface PendingConfirmation {
  subscriberId: number;
  nonce: string;
  expiresAt: Date;
}

/**
 * A signup: the subscriber becomes pending (a new membership) or stays as they are, and the
 * consent is recorded. Active, bounced, complained and suppressed addresses get nothing, and no
 * mailbox gets more confirmations than `limits` allow, whoever asks and through whichever of its
 * spellings (`victim+1@`, `victim+2@`…: the form must not become a way to flood someone's inbox).
 * Returns the confirmation to send when one may go out.
 */
export async function signUp(
  store: MembershipStore,
  input: { email: string; listNumber: number; ip: string; userAgent: string },
  rules: { confirmTtlMs: number; limits: readonly WindowLimit[]; now: Date },
): Promise<{ outcome: SignupOutcome; confirmation?: PendingConfirmation }> {
  const { now } = rules;
  if (await store.audience.isSuppressed(input.email)) return { outcome: "blocked" };
  const id = await store.audience.subscriberIdOf(input.email, now);
  const membership = (await store.audience.membershipsOf(id)).find(
    (m) => m.listId === input.listNumber,
  );
  if (membership?.status === "active") return { outcome: "already-active" };
  if (membership?.status === "bounced" || membership?.status === "complained")
    return { outcome: "blocked" };
  // A new address waits as pending; one that unsubscribed stays so until it confirms.
  if (!membership)
    await store.audience.join(input.listNumber, id, {
      status: "pending",
      source: "signup",
      now,
    });
  const nonce = randomBytes(16).toString("base64url");
  const expiresAt = new Date(now.getTime() + rules.confirmTtlMs);
  const mailbox = mailboxKey(input.email);
  const consentId = await store.audience.recordConsent({
    subscriberId: id,
    mailboxKey: mailbox,
    listId: input.listNumber,
    form: "signup",
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 512),
    nonce,
    now,
    expiresAt,
  });
  if (!(await isWithinLimits(store, mailbox, rules.limits, now))) {
    await store.audience.removeConsent(consentId);
    return { outcome: "throttled" };
  }
  return { outcome: "sent", confirmation: { subscriberId: id, nonce, expiresAt } };
}

/**
 * True when the confirmations recorded for the mailbox, the one just recorded included, fit
 * every limit. The count is the store's, so it holds across `gazette serve` processes and
 * restarts. Recording first and counting after means that of two concurrent requests for one
 * mailbox (in any spellings, in any processes) at most one goes on: each counts the other's row
 * once it is written.
 */
async function isWithinLimits(
  store: MembershipStore,
  mailbox: string,
  limits: readonly WindowLimit[],
  now: Date,
): Promise<boolean> {
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.windowMs);
    if ((await store.audience.countMailboxConsentsSince(mailbox, "signup", since)) > limit.max)
      return false;
  }
  return true;
}

/**
 * The confirmation link's POST: single use (only the request that marks the consent confirmed
 * goes on), then the membership becomes active. `used` when the link was already used, `kept`
 * when a bounced or complained membership stays as it is. One transaction: a link is used up
 * only with the activation it makes, so a confirm that fails half way can be clicked again.
 */
export function confirmSignup(
  store: MembershipStore,
  member: { nonce: string; listNumber: number; subscriberId: number },
  now: Date,
): Promise<"used" | "activated" | "kept"> {
  return store.audience.atomically(async (audience) => {
    if (!(await audience.confirmConsent(member.nonce, now))) return "used";
    const membership = (await audience.membershipsOf(member.subscriberId)).find(
      (m) => m.listId === member.listNumber,
    );
    if (membership?.status === "bounced" || membership?.status === "complained") return "kept";
    await audience.join(member.listNumber, member.subscriberId, {
      status: "active",
      source: "signup",
      now,
      force: true,
    });
    return "activated";
  });
}

/**
 * Ends a membership: active or pending becomes unsubscribed. Idempotent, and a bounced or
 * complained status is kept (it says more than "unsubscribed"). The same rule as a mailto
 * unsubscribe (applyMailEvent), recorded with its source: link, one-click or preferences.
 */
export async function unsubscribe(
  store: MembershipStore,
  listNumber: number,
  subscriberId: number,
  now: Date,
  act: UnsubscribeAct,
): Promise<void> {
  await applyMailEvent(
    store,
    {
      kind: "unsubscribe",
      source: act.source,
      membership: { listId: listNumber, subscriberId },
      at: now,
    },
    { maxBounces: act.maxBounces },
  );
}

/**
 * Ends every membership of the subscriber (the preferences page's "unsubscribe from all"), all
 * in one transaction: never some lists left and others not.
 */
export function unsubscribeAll(
  store: MembershipStore,
  subscriberId: number,
  now: Date,
  act: UnsubscribeAct,
): Promise<void> {
  return store.audience.atomically(async (audience) => {
    for (const membership of await audience.membershipsOf(subscriberId))
      await unsubscribe({ audience }, membership.listId, subscriberId, now, act);
  });
}

/**
 * Makes the membership active again, for a subscriber who acted through a link that came to
 * their mailbox, and records that act as a confirmed consent (`form`: where they acted), in one
 * transaction: an active membership always has the consent that made it so.
 */
export function joinWithConsent(
  store: MembershipStore,
  listNumber: number,
  subscriber: ConsentingSubscriber,
  act: { form: string; ip: string; userAgent: string },
  now: Date,
): Promise<void> {
  return store.audience.atomically(async (audience) => {
    await audience.join(listNumber, subscriber.id, {
      status: "active",
      source: act.form,
      now,
      force: true,
    });
    const nonce = randomBytes(16).toString("base64url");
    await audience.recordConsent({
      subscriberId: subscriber.id,
      mailboxKey: mailboxKey(subscriber.email),
      listId: listNumber,
      form: act.form,
      ip: act.ip,
      userAgent: act.userAgent.slice(0, 512),
      nonce,
      now,
      expiresAt: now,
    });
    await audience.confirmConsent(nonce, now);
  });
}

/**
 * Applies a preferences form: the same topics on every list kept; lists ticked are joined
 * (active at once: the link came to this mailbox, and the join is recorded as consent), lists
 * unticked are left. A bounced or complained membership is never reactivated. The whole form is
 * one transaction: it is saved as it was sent, or not at all.
 */
export function savePreferences(
  store: MembershipStore,
  lists: readonly { slug: string; number: number }[],
  subscriber: ConsentingSubscriber,
  choice: { topics: string[]; lists: string[]; ip: string; userAgent: string },
  now: Date,
  rules: { maxBounces: number },
): Promise<void> {
  return store.audience.atomically(async (audience) => {
    const subscriberId = subscriber.id;
    const memberships = await audience.membershipsOf(subscriberId);
    for (const list of lists) {
      const membership = memberships.find((m) => m.listId === list.number);
      if (!choice.lists.includes(list.slug)) {
        if (membership)
          await unsubscribe({ audience }, list.number, subscriberId, now, {
            source: "preferences",
            maxBounces: rules.maxBounces,
          });
        continue;
      }
      if (!membership || membership.status === "unsubscribed")
        await joinWithConsent(
          { audience },
          list.number,
          subscriber,
          { form: "preferences", ...choice },
          now,
        );
      if (membership?.status !== "bounced" && membership?.status !== "complained")
        await audience.setTopics(list.number, subscriberId, choice.topics, now);
    }
  });
}
