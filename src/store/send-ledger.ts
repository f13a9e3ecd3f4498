import type { SendLedger } from "../deliver/ports.js";
import type { DeliveryRepo } from "./deliveries.js";
import type { IssueRepo } from "./issues.js";
import type { SuppressionRepo } from "./suppressions.js";

/** The send engine's port: the delivery ledger, with the issue's pause flag and suppressions. */
export function createSendLedger(
  deliveries: DeliveryRepo,
  issues: IssueRepo,
  suppressions: SuppressionRepo,
): SendLedger {
  return {
    claim: (...args) => deliveries.claim(...args),
    skipReasonNow: (...args) => deliveries.skipReasonNow(...args),
    markSkipped: (...args) => deliveries.markSkipped(...args),
    markSentMany: (...args) => deliveries.markSentMany(...args),
    markUnsent: (...args) => deliveries.markUnsent(...args),
    renewLeases: (...args) => deliveries.renewLeases(...args),
    release: (...args) => deliveries.release(...args),
    refund: (...args) => deliveries.refund(...args),
    bounceCount: (...args) => deliveries.bounceCount(...args),
    counts: (...args) => deliveries.counts(...args),
    waiting: (...args) => deliveries.waiting(...args),
    inFlight: (...args) => deliveries.inFlight(...args),
    unsentRecipients: (...args) => deliveries.unsentRecipients(...args),
    isPaused: (issueId) => issues.isPaused(issueId),
    markIssueSent: (issueId, now) => issues.setStatus(issueId, "sent", now),
    suppress: async (email, reason, now, source) => {
      await suppressions.add(email, reason, now, source);
    },
  };
}
