import type { Kysely } from "kysely";
import { emailKey } from "../audience/index.js";
import type { MailEventKind, MailEventResult, MailEventWrite } from "../audience/ports.js";
import type { EventRepo } from "./events.js";
import { inTransaction } from "./in-transaction.js";
import type { Database } from "./tables.js";

export type { MailEventOutcome, MailEventResult, MailEventWrite } from "../audience/ports.js";

type Tx = Kysely<Database>;

/** Counts per kind and source, for `status` and `deliveries`. */
export interface MailEventCount {
  kind: MailEventKind;
  source: string;
  count: number;
}

/** The events that came back (mail_events) and the effects they have, each in one transaction. */
export class MailEventRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: EventRepo,
  ) {}

  /**
   * Records the event, applies its effect and tells the webhooks (subscriber.bounced,
   * .complained, .unsubscribed) of what changed, in one transaction, so an event is never half
   * applied: a caller that marks its message handled after this returns loses nothing.
   */
  apply(event: MailEventWrite): Promise<MailEventResult> {
    const run = async (trx: Tx) => {
      const changes: Changes = { listIds: [] };
      const result = await applyIn(trx, event, changes);
      await tellWebhooks(this.events.within(trx), event, result, changes);
      return result;
    };
    // Inside a caller's transaction (a preferences form) it is part of that one.
    return inTransaction(this.db, run);
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

/** What an event changed, for the webhooks: the memberships, the delivery marked bounced. */
interface Changes {
  subscriberId?: number;
  listIds: number[];
  bouncedDeliveryId?: number;
}

async function tellWebhooks(
  events: EventRepo,
  event: MailEventWrite,
  result: MailEventResult,
  changes: Changes,
): Promise<void> {
  const extra = { source: event.source };
  if (changes.bouncedDeliveryId !== undefined)
    await events.recordBounce(changes.bouncedDeliveryId, event.detail ?? event.kind, event.at);
  const type =
    event.kind === "complaint"
      ? "subscriber.complained"
      : event.kind === "unsubscribe"
        ? "subscriber.unsubscribed"
        : undefined;
  if (!type || changes.subscriberId === undefined || result.outcome === "duplicate") return;
  for (const listId of changes.listIds)
    await events.recordMembership(type, listId, changes.subscriberId, event.at, {
      status: type === "subscriber.complained" ? "complained" : "unsubscribed",
      ...extra,
    });
}

async function applyIn(trx: Tx, event: MailEventWrite, changes: Changes): Promise<MailEventResult> {
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
  const result = await effect(trx, event, { delivery, subscriber, email, at }, changes);
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
  changes: Changes,
): Promise<Omit<MailEventResult, "email" | "deliveryId">> {
  const { delivery, subscriber, email, at } = found;
  if (!email) return { outcome: "unknown", memberships: 0 };
  const reason = `${event.kind} (${event.source})`;
  switch (event.kind) {
    case "complaint": {
      await suppress(trx, email, reason, event.source, at);
      const memberships = subscriber
        ? await setStatuses(trx, subscriber.id, undefined, "complained", at, changes)
        : 0;
      return { outcome: "suppressed", memberships };
    }
    case "hard-bounce": {
      if (!delivery && !subscriber) return { outcome: "unknown", memberships: 0 };
      if (delivery && delivery.status === "sent") {
        await trx
          .updateTable("deliveries")
          .set({ status: "bounced", error: reason, updated_at: at })
          .where("id", "=", delivery.id)
          .execute();
        changes.bouncedDeliveryId = delivery.id;
      }
      const bounces = await bounceCount(trx, email, delivery === undefined);
      if (bounces < event.maxBounces) return { outcome: "counted", memberships: 0, bounces };
      await suppress(trx, email, `${bounces} hard bounces`, event.source, at);
      return { outcome: "suppressed", memberships: 0, bounces };
    }
    case "soft-bounce":
    case "delivered":
      return { outcome: delivery || subscriber ? "recorded" : "unknown", memberships: 0 };
    case "unsubscribe": {
      if (!subscriber) return { outcome: "not-a-member", memberships: 0 };
      const memberships = await setStatuses(
        trx,
        subscriber.id,
        event.listId,
        "unsubscribed",
        at,
        changes,
      );
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
  changes: Changes,
): Promise<number> {
  const from =
    status === "complained" ? ["active", "pending", "unsubscribed"] : ["active", "pending"];
  let query = trx
    .updateTable("memberships")
    .set({ status, updated_at: at })
    .where("subscriber_id", "=", subscriberId)
    .where("status", "in", from as ("active" | "pending" | "unsubscribed")[]);
  if (listId !== undefined) query = query.where("list_id", "=", listId);
  // The lists about to change, read in the same transaction, for the webhooks.
  let lists = trx
    .selectFrom("memberships")
    .select("list_id")
    .where("subscriber_id", "=", subscriberId)
    .where("status", "in", from as ("active" | "pending" | "unsubscribed")[]);
  if (listId !== undefined) lists = lists.where("list_id", "=", listId);
  changes.subscriberId = subscriberId;
  changes.listIds = (await lists.execute()).map((row) => row.list_id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
