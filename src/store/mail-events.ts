import type { Kysely } from "kysely";
import { emailKey } from "../audience/email-address.js";
import type { Database, MailEventKind } from "./tables.js";

/** One event to record and apply, already tied (or not) to a delivery and a subscriber. */
export interface MailEventWrite {
  /** source + the event's own id; a second event with the same key changes nothing. */
  eventKey?: string;
  source: string;
  kind: MailEventKind;
  email?: string;
  /** The Message-ID Gazette sent, with or without angle brackets. */
  messageId?: string;
  deliveryId?: number;
  /** For an unsubscribe by token: the one membership it ends. */
  listId?: number;
  subscriberId?: number;
  status?: string;
  detail?: string;
  at: Date;
  /** Hard bounces (over every issue and route) after which the address is suppressed. */
  maxBounces: number;
}

/**
 * What an event changed. duplicate: already recorded · unknown: it names no delivery and no
 * address Gazette knows · suppressed · counted: a hard bounce below maxBounces · recorded: a soft
 * bounce · unsubscribed · not-a-member: an unsubscribe from someone on no list.
 */
export type MailEventOutcome =
  | "duplicate"
  | "unknown"
  | "suppressed"
  | "counted"
  | "recorded"
  | "unsubscribed"
  | "not-a-member";

export interface MailEventResult {
  outcome: MailEventOutcome;
  email?: string;
  deliveryId?: number;
  /** Memberships whose status changed (unsubscribed, complained). */
  memberships: number;
  /** Hard bounces counted for the address, this one included. */
  bounces?: number;
}

type Tx = Kysely<Database>;

/** Counts per kind and source, for `status` and `deliveries`. */
export interface MailEventCount {
  kind: MailEventKind;
  source: string;
  count: number;
}

/** The events that came back (mail_events) and the effects they have, each in one transaction. */
export class MailEventRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records the event and applies its effect in one transaction, so an event is never half
   * applied: a caller that marks its message handled after this returns loses nothing.
   */
  apply(event: MailEventWrite): Promise<MailEventResult> {
    return this.db.transaction().execute((trx) => applyIn(trx, event));
  }

  /** Events by kind and source; of one issue's deliveries when issueId is given. */
  async counts(issueId?: number): Promise<MailEventCount[]> {
    let query = this.db
      .selectFrom("mail_events")
      .select(["kind", "source", (eb) => eb.fn.countAll<number>().as("count")])
      .where("outcome", "!=", "duplicate")
      .groupBy(["kind", "source"])
      .orderBy("kind")
      .orderBy("source");
    if (issueId !== undefined)
      query = query.where("delivery_id", "in", (eb) =>
        eb.selectFrom("deliveries").select("id").where("issue_id", "=", issueId),
      );
    const rows = await query.execute();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }
}

async function applyIn(trx: Tx, event: MailEventWrite): Promise<MailEventResult> {
  const at = event.at.toISOString();
  if (event.eventKey !== undefined) {
    const seen = await trx
      .selectFrom("mail_events")
      .select("id")
      .where("event_key", "=", event.eventKey)
      .executeTakeFirst();
    if (seen) return { outcome: "duplicate", memberships: 0 };
  }
  const delivery = await findDelivery(trx, event);
  const subscriber = await findSubscriber(trx, event, delivery?.subscriber_id);
  const email = subscriber?.email ?? delivery?.email ?? event.email;
  const result = await effect(trx, event, { delivery, subscriber, email, at });
  await trx
    .insertInto("mail_events")
    .values({
      event_key: event.eventKey ?? null,
      source: event.source,
      kind: event.kind,
      email: email ? emailKey(email) : null,
      delivery_id: delivery?.id ?? null,
      list_id: event.listId ?? null,
      status: event.status ?? null,
      detail: event.detail?.slice(0, 1000) ?? null,
      outcome: result.outcome,
      created_at: at,
    })
    .execute();
  return {
    ...result,
    ...(email ? { email } : {}),
    ...(delivery ? { deliveryId: delivery.id } : {}),
  };
}

interface Found {
  delivery: { id: number; email: string; subscriber_id: number; status: string } | undefined;
  subscriber: { id: number; email: string } | undefined;
  email: string | undefined;
  at: string;
}

async function effect(
  trx: Tx,
  event: MailEventWrite,
  found: Found,
): Promise<Omit<MailEventResult, "email" | "deliveryId">> {
  const { delivery, subscriber, email, at } = found;
  if (!email) return { outcome: "unknown", memberships: 0 };
  const reason = `${event.kind} (${event.source})`;
  switch (event.kind) {
    case "complaint": {
      await suppress(trx, email, reason, event.source, at);
      const memberships = subscriber
        ? await setStatuses(trx, subscriber.id, undefined, "complained", at)
        : 0;
      return { outcome: "suppressed", memberships };
    }
    case "hard-bounce": {
      if (!delivery && !subscriber) return { outcome: "unknown", memberships: 0 };
      if (delivery && delivery.status === "sent")
        await trx
          .updateTable("deliveries")
          .set({ status: "bounced", error: reason, updated_at: at })
          .where("id", "=", delivery.id)
          .execute();
      const bounces = await bounceCount(trx, email, delivery === undefined);
      if (bounces < event.maxBounces) return { outcome: "counted", memberships: 0, bounces };
      await suppress(trx, email, `${bounces} hard bounces`, event.source, at);
      return { outcome: "suppressed", memberships: 0, bounces };
    }
    case "soft-bounce":
      return { outcome: delivery || subscriber ? "recorded" : "unknown", memberships: 0 };
    case "unsubscribe": {
      if (!subscriber) return { outcome: "not-a-member", memberships: 0 };
      const memberships = await setStatuses(trx, subscriber.id, event.listId, "unsubscribed", at);
      return { outcome: memberships > 0 ? "unsubscribed" : "not-a-member", memberships };
    }
  }
}

async function findDelivery(trx: Tx, event: MailEventWrite): Promise<Found["delivery"]> {
  const columns = ["id", "email", "subscriber_id", "status"] as const;
  if (event.deliveryId !== undefined)
    return trx
      .selectFrom("deliveries")
      .select(columns)
      .where("id", "=", event.deliveryId)
      .executeTakeFirst();
  if (!event.messageId) return undefined;
  const bare = event.messageId.trim().replace(/^<|>$/g, "");
  return trx
    .selectFrom("deliveries")
    .select(columns)
    .where("message_id", "=", `<${bare}>`)
    .executeTakeFirst();
}

async function findSubscriber(
  trx: Tx,
  event: MailEventWrite,
  deliverySubscriberId: number | undefined,
): Promise<Found["subscriber"]> {
  const id = event.subscriberId ?? deliverySubscriberId;
  if (id !== undefined) {
    const byId = await trx
      .selectFrom("subscribers")
      .select(["id", "email"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (byId) return byId;
    // A subscriber merged into another (migration 012): the survivor.
    const alias = await trx
      .selectFrom("subscriber_aliases")
      .innerJoin("subscribers", "subscribers.id", "subscriber_aliases.survivor_id")
      .select(["subscribers.id", "subscribers.email"])
      .where("subscriber_aliases.subscriber_id", "=", id)
      .executeTakeFirst();
    if (alias) return alias;
  }
  if (!event.email) return undefined;
  return trx
    .selectFrom("subscribers")
    .select(["id", "email"])
    .where("email_key", "=", emailKey(event.email))
    .executeTakeFirst();
}

/** Bounced deliveries of the address, plus hard bounces that named no delivery (this one too). */
async function bounceCount(trx: Tx, email: string, isUntied: boolean): Promise<number> {
  const key = emailKey(email);
  const bounced = await trx
    .selectFrom("deliveries")
    .innerJoin("subscribers", "subscribers.id", "deliveries.subscriber_id")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("subscribers.email_key", "=", key)
    .where("deliveries.status", "=", "bounced")
    .executeTakeFirst();
  const untied = await trx
    .selectFrom("mail_events")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("email", "=", key)
    .where("kind", "=", "hard-bounce")
    .where("delivery_id", "is", null)
    .where("outcome", "!=", "duplicate")
    .executeTakeFirst();
  return Number(bounced?.count ?? 0) + Number(untied?.count ?? 0) + (isUntied ? 1 : 0);
}

async function suppress(
  trx: Tx,
  email: string,
  reason: string,
  source: string,
  at: string,
): Promise<void> {
  await trx
    .insertInto("suppressions")
    .values({ email: emailKey(email), reason, source, created_at: at })
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
}

/** Active or pending memberships (of one list, or all) to the status; bounced/complained kept. */
async function setStatuses(
  trx: Tx,
  subscriberId: number,
  listId: number | undefined,
  status: "unsubscribed" | "complained",
  at: string,
): Promise<number> {
  const from =
    status === "complained" ? ["active", "pending", "unsubscribed"] : ["active", "pending"];
  let query = trx
    .updateTable("memberships")
    .set({ status, updated_at: at })
    .where("subscriber_id", "=", subscriberId)
    .where("status", "in", from as ("active" | "pending" | "unsubscribed")[]);
  if (listId !== undefined) query = query.where("list_id", "=", listId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
