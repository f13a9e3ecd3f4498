import type { Kysely } from "kysely";
import type { AudienceStore, MembershipLedger } from "../audience/ports.js";
import { ConsentRepo } from "./consents.js";
import { DeliveryRepo } from "./deliveries.js";
import type { EventRepo } from "./events.js";
import { inTransaction } from "./in-transaction.js";
import { MailEventRepo } from "./mail-events.js";
import { SubscriberRepo } from "./subscribers.js";
import { SuppressionRepo } from "./suppressions.js";
import type { Database } from "./tables.js";

/** The repos the audience's ports are made of, and the database and event log they share. */
export interface AudienceRepos {
  db: Kysely<Database>;
  events: EventRepo;
  subscribers: SubscriberRepo;
  suppressions: SuppressionRepo;
  consents: ConsentRepo;
  deliveries: DeliveryRepo;
  mailEvents: MailEventRepo;
}

/**
 * The audience's ports — exports, the subscribers file, suppressions, the membership rules and
 * mail events — with the store's rows mapped to its terms.
 */
export function createAudienceStore({
  db,
  events,
  subscribers,
  suppressions,
  consents,
  deliveries,
  mailEvents,
}: AudienceRepos): AudienceStore & MembershipLedger {
  const ledger: AudienceStore & MembershipLedger = {
    atomically: <T>(work: (ledger: MembershipLedger) => Promise<T>): Promise<T> =>
      inTransaction(db, (trx) =>
        work(trx === db ? ledger : createAudienceStore(reposOn(trx, events))),
      ),
    deliveryIdOf: (issueId, subscriberId) => deliveries.idOf(issueId, subscriberId),
    applyMailEvent: (write) => mailEvents.apply(write),
    isSuppressed: async (email) => (await suppressions.byEmail(email)) !== undefined,
    subscriberIdOf: async (email, now) => (await subscribers.upsert(email, undefined, now)).id,
    membershipsOf: async (subscriberId) =>
      (await subscribers.membershipsOf(subscriberId)).map((row) => ({
        listId: row.list_id,
        status: row.status,
      })),
    join: async (listId, subscriberId, options) => {
      await subscribers.join(listId, subscriberId, options);
    },
    recordConsent: async (consent) => (await consents.record(consent)).id,
    removeConsent: (id) => consents.remove(id),
    countMailboxConsentsSince: (mailboxKey, form, since) =>
      consents.countOfMailboxSince(mailboxKey, form, since),
    confirmConsent: (nonce, now) => consents.confirm(nonce, now),
    setTopics: (listId, subscriberId, topics, now) =>
      subscribers.setTopics(listId, subscriberId, topics, now),
    membersAfter: async (cursor, limit, listId) =>
      (await subscribers.membersAfter(cursor, limit, listId)).map((row) => ({
        listId: row.list_id,
        subscriberId: row.subscriber_id,
        email: row.email,
        name: row.name,
        listSlug: row.list_slug,
        status: row.status,
      })),
    membershipsFrom: async (source) =>
      (await subscribers.bySource(source)).map((row) => ({
        listId: row.list_id,
        subscriberId: row.subscriber_id,
        email: row.email,
      })),
    removeMembership: (listId, subscriberId) => subscribers.removeMembership(listId, subscriberId),
    suppress: (email, reason, now, source) => suppressions.add(email, reason, now, source),
    suppressions: async () =>
      (await suppressions.all()).map((row) => ({
        email: row.email,
        reason: row.reason,
        source: row.source,
        createdAt: row.created_at,
      })),
  };
  return ledger;
}

/**
 * The audience's repos on `db` (a transaction), the event log with them: on SQLite a query made
 * outside the transaction would wait for its connection.
 */
function reposOn(db: Kysely<Database>, log: EventRepo): AudienceRepos {
  const events = log.within(db);
  return {
    db,
    events,
    subscribers: new SubscriberRepo(db, events),
    suppressions: new SuppressionRepo(db),
    consents: new ConsentRepo(db),
    deliveries: new DeliveryRepo(db, events),
    mailEvents: new MailEventRepo(db, events),
  };
}
