import { setImmediate } from "node:timers/promises";
import { type Kysely, sql } from "kysely";
import type { ClaimedDelivery, PendingRecipient, SentMark } from "../deliver/ports.js";
import { chunksOf } from "./chunks-of.js";
import { isPostgres } from "./dialect.js";
import type { EventRepo } from "./events.js";
import { perSize, prepareQuery } from "./prepared-query.js";
import type { Database, DeliveryStatus } from "./tables.js";

/** A row that did not go out, or not yet: failed, bounced, or pending after a transient error. */
export interface DeliveryFailure {
  email: string;
  status: DeliveryStatus;
  error: string | null;
  attempts: number;
  next_attempt_at: string | null;
}

/** The delivery an email service's event is about. */
export interface DeliveryMatch {
  id: number;
  issue_id: number;
  subscriber_id: number;
  email: string;
  status: DeliveryStatus;
}

const PAGE = 500;
const SETTLED: DeliveryStatus[] = ["sent", "failed", "bounced", "skipped"];

/**
 * The send ledger: one row per (issue, subscriber). A row is marked `sent` only after the
 * transport accepted it, so a crash loses nothing; at most the messages in flight are uncertain.
 */
export class DeliveryRepo {
  // The two queries run once per message: compiled once (see prepareQuery).
  readonly #consent;
  readonly #markSent;
  /** The ledger's insert of a page of `n` rows, compiled once per `n` (see #prepareLedgerPage). */
  readonly #ledgerPage = perSize((size) => this.#prepareLedgerPage(size));
  readonly #markSentMany = perSize((size) => this.#prepareMarkSentMany(size));

  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: EventRepo,
  ) {
    this.#consent = prepareQuery(
      db,
      ["listId", "subscriberId"],
      (p: { listId: number; subscriberId: number }) =>
        db
          .selectFrom("subscribers")
          .leftJoin("memberships", (join) =>
            join
              .onRef("memberships.subscriber_id", "=", "subscribers.id")
              .on("memberships.list_id", "=", p.listId),
          )
          .leftJoin("suppressions", "suppressions.email", "subscribers.email_key")
          .select(["memberships.status as membership", "suppressions.reason as suppressed"])
          .where("subscribers.id", "=", p.subscriberId),
    );
    this.#markSent = prepareQuery(
      db,
      ["id", "response", "at"],
      (p: { id: number; response: string; at: string }) =>
        db
          .updateTable("deliveries")
          .set({
            status: "sent",
            smtp_response: p.response,
            error: null,
            lease_until: null,
            next_attempt_at: null,
            sent_at: p.at,
            updated_at: p.at,
          })
          .where("id", "=", p.id),
    );
  }

  /**
   * Creates the rows for every active member who is not suppressed, in one transaction, and
   * marks the issue `sending`. Idempotent: rows that exist are kept as they are. Members are
   * read page by page, so memory does not grow with the list. Returns how many rows were added.
   * With `keepIf`, the rows are committed only once it resolves: its rejection rolls them back and
   * is thrown (a check that runs meanwhile, such as the theme's, decides whether the send starts).
   */
  createLedger(input: {
    issueId: number;
    listId: number;
    now: Date;
    messageIdFor: (subscriberId: number) => string;
    keepIf?: Promise<void>;
  }): Promise<number> {
    // Awaited before the commit: a rejection meanwhile is not an unhandled one.
    input.keepIf?.catch(() => undefined);
    return this.db.transaction().execute(async (trx) => {
      const at = input.now.toISOString();
      let added = 0;
      let after = 0;
      for (;;) {
        const members = await trx
          .selectFrom("memberships")
          .innerJoin("subscribers", "subscribers.id", "memberships.subscriber_id")
          .select(["subscribers.id", "subscribers.email"])
          .where("memberships.list_id", "=", input.listId)
          .where("memberships.status", "=", "active")
          // Paged on the membership key: the (list_id, subscriber_id) index yields the next page
          // in order. On subscribers.id, SQLite sorted every remaining member for each page.
          .where("memberships.subscriber_id", ">", after)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("suppressions")
                  .select("suppressions.email")
                  .whereRef("suppressions.email", "=", "subscribers.email_key"),
              ),
            ),
          )
          .orderBy("memberships.subscriber_id")
          .limit(PAGE)
          .execute();
        if (members.length === 0) break;
        after = members[members.length - 1]?.id ?? after;
        const insertPage = this.#ledgerPage(members.length);
        const params: Record<string, string | number> = { issueId: input.issueId, at };
        members.forEach((member, i) => {
          params[`subscriber${i}`] = member.id;
          params[`email${i}`] = member.email;
          params[`messageId${i}`] = input.messageIdFor(member.id);
        });
        // RETURNING names the rows added: those that existed are kept (ON CONFLICT DO NOTHING).
        added += (await insertPage(params, trx)).length;
        // SQLite answers at once: without a turn of the event loop between pages, a list of a
        // million is one synchronous stretch of seconds in which no timer, signal or task of the
        // garbage collector runs (the sender's peak RSS grew by 90 MiB in it).
        await setImmediate();
      }
      await trx
        .updateTable("issues")
        .set({ status: "sending" })
        .where("id", "=", input.issueId)
        .where("status", "=", "draft")
        .execute();
      await input.keepIf;
      return added;
    });
  }

  /**
   * Claims up to `limit` rows — leases that expired first, then pending rows whose retry time has
   * come — marking them `sending` until now + leaseMs. Rows of subscribers who left the list or
   * were suppressed meanwhile are settled as `skipped` instead. Safe against a concurrent claimer:
   * the update re-checks each row's state, and only the rows it changed are returned.
   */
  claim(
    issueId: number,
    listId: number,
    limit: number,
    now: Date,
    leaseMs: number,
  ): Promise<ClaimedDelivery[]> {
    // PostgreSQL, many workers: each locks its candidates (FOR UPDATE SKIP LOCKED) until its
    // update commits, so concurrent claims take disjoint rows instead of racing for the same ones.
    // SQLite has one writer at a time: the update's re-check is enough there.
    if (isPostgres(db(this.db)))
      return this.db
        .transaction()
        .execute((trx) => this.#claim(trx, true, issueId, listId, limit, now, leaseMs));
    return this.#claim(this.db, false, issueId, listId, limit, now, leaseMs);
  }

  async #claim(
    q: Kysely<Database>,
    isLocking: boolean,
    issueId: number,
    listId: number,
    limit: number,
    now: Date,
    leaseMs: number,
  ): Promise<ClaimedDelivery[]> {
    const at = now.toISOString();
    const candidates = q
      .selectFrom("deliveries")
      .innerJoin("subscribers", "subscribers.id", "deliveries.subscriber_id")
      .leftJoin("memberships", (join) =>
        join
          .onRef("memberships.subscriber_id", "=", "deliveries.subscriber_id")
          .on("memberships.list_id", "=", listId),
      )
      .leftJoin("suppressions", "suppressions.email", "subscribers.email_key")
      .select([
        "deliveries.id",
        "deliveries.subscriber_id as subscriberId",
        "deliveries.email",
        "subscribers.name",
        "deliveries.message_id as messageId",
        "deliveries.attempts",
        "memberships.status as membership",
        "suppressions.reason as suppressed",
      ])
      .where("deliveries.issue_id", "=", issueId)
      .orderBy("deliveries.id")
      .limit(limit)
      .$if(isLocking, (qb) => qb.forUpdate(["deliveries"]).skipLocked());
    // Two narrow queries rather than one OR: each walks the (issue_id, status) index in id order,
    // so a claim costs the same at the end of a 100,000-row ledger as at its start.
    const expired = await candidates
      .where("deliveries.status", "=", "sending")
      .where("deliveries.lease_until", "<", at)
      .execute();
    const ready =
      expired.length < limit
        ? await candidates
            .where("deliveries.status", "=", "pending")
            .where((eb) =>
              eb.or([
                eb("deliveries.next_attempt_at", "is", null),
                eb("deliveries.next_attempt_at", "<=", at),
              ]),
            )
            .limit(limit - expired.length)
            .execute()
        : [];
    const rows = [...expired, ...ready];
    const gone = rows.filter((row) => row.membership !== "active" || row.suppressed !== null);
    // In the claim's transaction: on PostgreSQL these rows are locked by it.
    for (const row of gone)
      await q
        .updateTable("deliveries")
        .set({ status: "skipped", error: skipReason(row), lease_until: null, updated_at: at })
        .where("id", "=", row.id)
        .execute();
    const wanted = rows.filter((row) => !gone.includes(row));
    if (wanted.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const taken = await q
      .updateTable("deliveries")
      .set((eb) => ({
        status: "sending",
        lease_until: leaseUntil,
        attempts: eb("attempts", "+", 1),
        updated_at: at,
      }))
      .where(
        "id",
        "in",
        wanted.map((row) => row.id),
      )
      .where((eb) =>
        eb.or([
          eb("status", "=", "pending"),
          eb.and([eb("status", "=", "sending"), eb("lease_until", "<", at)]),
        ]),
      )
      .returning("id")
      .execute();
    const isTaken = new Set(taken.map((row) => row.id));
    return wanted
      .filter((row) => isTaken.has(row.id))
      .map(({ membership: _m, suppressed: _s, ...row }) => ({
        ...row,
        attempts: row.attempts + 1,
        leaseUntil: new Date(leaseUntil),
      }));
  }

  /**
   * Extends the leases of rows a sender still holds — still `sending`, their lease the one it
   * was given (`heldUntil`: a claim by another sender sets another) — to `until`. Returns the ids
   * renewed; a row missing from them is no longer the sender's.
   */
  async renewLeases(ids: number[], heldUntil: Date, until: Date, now: Date): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable("deliveries")
      .set({ lease_until: until.toISOString(), updated_at: now.toISOString() })
      .where("id", "in", ids)
      .where("status", "=", "sending")
      .where("lease_until", "=", heldUntil.toISOString())
      .returning("id")
      .execute();
    return rows.map((row) => row.id);
  }

  /**
   * Why this subscriber must not get the message now (left the list, suppressed), or undefined.
   * Two primary-key lookups: cheap enough to run right before every hand-over to the transport.
   */
  async skipReasonNow(
    listId: number,
    delivery: { subscriberId: number; email: string },
  ): Promise<string | undefined> {
    const [row] = await this.#consent({ listId, subscriberId: delivery.subscriberId });
    if (!row) return "no longer subscribed";
    return row.membership === "active" && row.suppressed === null ? undefined : skipReason(row);
  }

  /** Settles the pending rows of these addresses as skipped, with the reason (a topic choice). */
  async skipPending(issueId: number, emails: string[], reason: string, now: Date): Promise<void> {
    for (const slice of chunksOf(emails, 500)) {
      await this.db
        .updateTable("deliveries")
        .set({ status: "skipped", error: reason, lease_until: null, updated_at: now.toISOString() })
        .where("issue_id", "=", issueId)
        .where("status", "=", "pending")
        .where("email", "in", slice)
        .execute();
    }
  }

  /** How many deliveries of the issue were skipped, by reason. */
  async skipReasons(issueId: number): Promise<{ reason: string; count: number }[]> {
    const rows = await this.db
      .selectFrom("deliveries")
      .select((eb) => ["error", eb.fn.countAll<number>().as("count")])
      .where("issue_id", "=", issueId)
      .where("status", "=", "skipped")
      .groupBy("error")
      .orderBy("error")
      .execute();
    return rows.map((row) => ({ reason: row.error ?? "", count: Number(row.count) }));
  }

  async markSkipped(id: number, reason: string, now: Date): Promise<void> {
    await this.db
      .updateTable("deliveries")
      .set({ status: "skipped", error: reason, lease_until: null, updated_at: now.toISOString() })
      .where("id", "=", id)
      .execute();
  }

  async markSent(id: number, response: string, now: Date): Promise<void> {
    await this.#markSent({ id, response, at: now.toISOString() });
  }

  /**
   * Marks many rows sent in one statement, each with its own SMTP reply: the group commit of a
   * bulk send, one write instead of one per message.
   */
  async markSentMany(rows: SentMark[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    const prepared = this.#markSentMany(rows.length);
    const params: Record<string, string | number> = { at: now.toISOString() };
    rows.forEach((row, i) => {
      params[`id${i}`] = row.id;
      params[`response${i}`] = row.response;
      params[`service${i}`] = row.serviceMessageId ?? "";
    });
    await prepared(params);
  }

  /**
   * createLedger's insert of `size` rows, compiled once per size (pages are mostly full): Kysely
   * building and compiling it anew for each page of a million-member list made most of the
   * garbage of a ledger's creation.
   */
  #prepareLedgerPage(size: number) {
    const indexes = Array.from({ length: size }, (_, i) => i);
    const names = [
      "issueId",
      "at",
      ...indexes.flatMap((i) => [`subscriber${i}`, `email${i}`, `messageId${i}`]),
    ];
    return prepareQuery(this.db, names, (p: Record<string, string | number>) =>
      this.db
        .insertInto("deliveries")
        .values(
          indexes.map((i) => ({
            issue_id: p.issueId as number,
            subscriber_id: p[`subscriber${i}`] as number,
            email: p[`email${i}`] as string,
            status: "pending" as const,
            attempts: 0,
            message_id: p[`messageId${i}`] as string,
            created_at: p.at as string,
            updated_at: p.at as string,
          })),
        )
        .onConflict((oc) => oc.columns(["issue_id", "subscriber_id"]).doNothing())
        .returning("id"),
    );
  }

  /** markSentMany's statement for `size` rows, compiled once per size (groups are mostly full). */
  #prepareMarkSentMany(size: number) {
    const indexes = Array.from({ length: size }, (_, i) => i);
    const names = ["at", ...indexes.flatMap((i) => [`id${i}`, `response${i}`, `service${i}`])];
    return prepareQuery(this.db, names, (p: Record<string, string | number>) => {
      const responses = sql.join(
        indexes.map((i) => sql`when ${p[`id${i}`]} then ${p[`response${i}`]}`),
        sql` `,
      );
      // An email service's message id, "" for none (SMTP, the outbox).
      const services = sql.join(
        indexes.map((i) => sql`when ${p[`id${i}`]} then ${p[`service${i}`]}`),
        sql` `,
      );
      return this.db
        .updateTable("deliveries")
        .set({
          status: "sent",
          smtp_response: sql<string>`case id ${responses} end`,
          service_message_id: sql<string | null>`nullif(case id ${services} end, '')`,
          error: null,
          lease_until: null,
          next_attempt_at: null,
          sent_at: p.at as string,
          updated_at: p.at as string,
        })
        .where(
          "id",
          "in",
          indexes.map((i) => p[`id${i}`] as number),
        );
    });
  }

  /**
   * Settles a row as failed or bounced (permanent), or puts it back to pending (transient), not
   * to be claimed before `nextAttemptAt`. `refundAttempt` un-counts the attempt. A bounce and its
   * subscriber.bounced event are written in one transaction.
   */
  markUnsent(
    id: number,
    status: "failed" | "bounced" | "pending",
    error: string,
    now: Date,
    options: { refundAttempt?: boolean; nextAttemptAt?: Date } = {},
  ): Promise<void> {
    const types = status === "bounced" ? (["subscriber.bounced"] as const) : [];
    return this.events.atomically(this.db, types, async (db, events) => {
      await db
        .updateTable("deliveries")
        .set((eb) => ({
          status,
          error,
          lease_until: null,
          next_attempt_at: options.nextAttemptAt?.toISOString() ?? null,
          updated_at: now.toISOString(),
          ...(options.refundAttempt ? { attempts: eb("attempts", "-", 1) } : {}),
        }))
        .where("id", "=", id)
        .execute();
      if (status === "bounced") await events.recordBounce(id, error, now);
    });
  }

  /** Keeps the id the email service gave the message, so its later events find the row. */
  async setServiceMessageId(id: number, serviceMessageId: string): Promise<void> {
    await this.db
      .updateTable("deliveries")
      .set({ service_message_id: serviceMessageId })
      .where("id", "=", id)
      .execute();
  }

  /** The delivery an email service knows by its own message id. */
  byServiceMessageId(serviceMessageId: string): Promise<DeliveryMatch | undefined> {
    return this.db
      .selectFrom("deliveries")
      .select(["id", "issue_id", "subscriber_id", "email", "status"])
      .where("service_message_id", "=", serviceMessageId)
      .executeTakeFirst();
  }

  /** Puts a claimed row that was never tried back to pending, its attempt un-counted. */
  async release(id: number, now: Date): Promise<void> {
    await this.db
      .updateTable("deliveries")
      .set((eb) => ({
        status: "pending",
        lease_until: null,
        updated_at: now.toISOString(),
        attempts: eb("attempts", "-", 1),
      }))
      .where("id", "=", id)
      .where("status", "=", "sending")
      .execute();
  }

  /**
   * Makes rows that failed for the relay's sake (it was down) claimable at once again, their
   * last attempt un-counted: an outage must not use up a recipient's attempts.
   */
  async refund(ids: number[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("deliveries")
      .set((eb) => ({
        next_attempt_at: null,
        updated_at: now.toISOString(),
        attempts: eb("attempts", "-", 1),
      }))
      .where("id", "in", ids)
      .where("status", "=", "pending")
      .execute();
  }

  async counts(issueId: number): Promise<Partial<Record<DeliveryStatus, number>>> {
    const rows = await this.db
      .selectFrom("deliveries")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .where("issue_id", "=", issueId)
      .groupBy("status")
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }

  /**
   * Unsettled rows that cannot be claimed at `now` (a retry time or a live lease ahead), and the
   * earliest time one of them can.
   */
  async waiting(issueId: number, now: Date): Promise<{ count: number; nextAt?: Date }> {
    const at = now.toISOString();
    const row = await this.db
      .selectFrom("deliveries")
      .select((eb) => [
        eb.fn.countAll<number>().as("count"),
        eb.fn.min(eb.fn.coalesce("next_attempt_at", "lease_until")).as("next_at"),
      ])
      .where("issue_id", "=", issueId)
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "pending"), eb("next_attempt_at", ">", at)]),
          eb.and([eb("status", "=", "sending"), eb("lease_until", ">=", at)]),
        ]),
      )
      .executeTakeFirst();
    const count = Number(row?.count ?? 0);
    const nextAt = row?.next_at ? new Date(String(row.next_at)) : undefined;
    return nextAt ? { count, nextAt } : { count };
  }

  /** Rows `sending` under a live lease: in flight, with this sender or another. */
  async inFlight(issueId: number, now: Date): Promise<number> {
    const row = await this.db
      .selectFrom("deliveries")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("issue_id", "=", issueId)
      .where("status", "=", "sending")
      .where("lease_until", ">=", now.toISOString())
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** Every row that failed, bounced or waits for a retry, with its reason. */
  failures(issueId: number): Promise<DeliveryFailure[]> {
    return this.db
      .selectFrom("deliveries")
      .select(["email", "status", "error", "attempts", "next_attempt_at"])
      .where("issue_id", "=", issueId)
      .where((eb) =>
        eb.or([
          eb("status", "in", ["failed", "bounced"]),
          eb.and([eb("status", "=", "pending"), eb("error", "is not", null)]),
        ]),
      )
      .orderBy("id")
      .execute();
  }

  /**
   * `--resend-failed`: failed rows (not bounced, not skipped) back to pending with their attempts
   * reset, and the issue re-opened for sending. Returns how many rows were reset.
   */
  resetFailed(issueId: number, now: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable("deliveries")
        .set({
          status: "pending",
          attempts: 0,
          error: null,
          next_attempt_at: null,
          lease_until: null,
          updated_at: now.toISOString(),
        })
        .where("issue_id", "=", issueId)
        .where("status", "=", "failed")
        .executeTakeFirst();
      const reset = Number(result.numUpdatedRows);
      if (reset > 0) {
        await trx
          .updateTable("issues")
          .set({ status: "sending", sent_at: null })
          .where("id", "=", issueId)
          .where("status", "=", "sent")
          .execute();
      }
      return reset;
    });
  }

  /** The id of the issue's delivery to the subscriber, if there is one. */
  async idOf(issueId: number, subscriberId: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom("deliveries")
      .select("id")
      .where("issue_id", "=", issueId)
      .where("subscriber_id", "=", subscriberId)
      .executeTakeFirst();
    return row?.id;
  }

  /** How many deliveries to this address bounced, over every issue. */
  async bounceCount(email: string): Promise<number> {
    const row = await this.db
      .selectFrom("deliveries")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("email", "=", email)
      .where("status", "=", "bounced")
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /**
   * For a dry run: active, unsuppressed members with no settled row for the issue, in subscriber
   * order after `afterSubscriberId`, one page at a time (paged on the membership key, as
   * createLedger is).
   */
  unsentRecipients(
    issueId: number,
    listId: number,
    afterSubscriberId: number,
    limit: number,
  ): Promise<PendingRecipient[]> {
    return this.db
      .selectFrom("memberships")
      .innerJoin("subscribers", "subscribers.id", "memberships.subscriber_id")
      .select(["subscribers.id as subscriberId", "subscribers.email", "subscribers.name"])
      .where("memberships.list_id", "=", listId)
      .where("memberships.status", "=", "active")
      .where("memberships.subscriber_id", ">", afterSubscriberId)
      .where(({ not, exists, selectFrom, or }) =>
        not(
          or([
            exists(
              selectFrom("suppressions")
                .select("suppressions.email")
                .whereRef("suppressions.email", "=", "subscribers.email_key"),
            ),
            exists(
              selectFrom("deliveries")
                .select("deliveries.id")
                .whereRef("deliveries.subscriber_id", "=", "subscribers.id")
                .where("deliveries.issue_id", "=", issueId)
                .where("deliveries.status", "in", SETTLED),
            ),
          ]),
        ),
      )
      .orderBy("memberships.subscriber_id")
      .limit(limit)
      .execute();
  }
}

function db(kysely: Kysely<Database>): Kysely<unknown> {
  return kysely as Kysely<unknown>;
}

function skipReason(row: { membership: string | null; suppressed: string | null }): string {
  return row.suppressed !== null ? `suppressed (${row.suppressed})` : "no longer subscribed";
}
