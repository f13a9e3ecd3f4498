import type { RecipientParts } from "../mime/message-template.js";
import type { PendingRecipient } from "../ports.js";
import type { SendIssueInput } from "./send-input.js";

/** A subscriber's parts of the issue's message: address, name, links, Message-ID and sealed id. */
export function recipientParts(
  input: Pick<
    SendIssueInput,
    | "unsubscribeUrl"
    | "preferencesUrl"
    | "subscriberRef"
    | "now"
    | "returnPathFor"
    | "unsubscribeMailtoFor"
  >,
  subscriber: PendingRecipient,
  messageId: string,
): RecipientParts {
  return {
    recipient: {
      email: subscriber.email,
      name: subscriber.name ?? undefined,
      unsubscribeUrl: input.unsubscribeUrl(subscriber.subscriberId),
      preferencesUrl: input.preferencesUrl(subscriber.subscriberId),
    },
    messageId,
    subscriberRef: input.subscriberRef(subscriber.subscriberId),
    date: input.now(),
    ...(input.returnPathFor && { returnPath: input.returnPathFor(subscriber.subscriberId) }),
    ...(input.unsubscribeMailtoFor && {
      unsubscribeMailto: input.unsubscribeMailtoFor(subscriber.subscriberId),
    }),
  };
}
