import type { AudienceStore, MembershipLedger } from "../audience/ports.js";
import type { ConsentRepo } from "./consents.js";
import type { DeliveryRepo } from "./deliveries.js";
import type { MailEventRepo } from "./mail-events.js";
import type { SubscriberRepo } from "./subscribers.js";
import type { SuppressionRepo } from "./suppressions.js";

/** The repos the audience's ports are made of. */
export interface AudienceRepos {
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
  subscribers,
  suppressions,
  consents,
  deliveries,
  mailEvents,
}: AudienceRepos): AudienceStore & MembershipLedger {
  return {
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
    countConsentsSince: (subscriberId, form, since) =>
      consents.countSince(subscriberId, form, since),
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
}
