import type { RecipientParts } from "../mime/message-template.js";
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
  subscriber: { subscriber_id: number; email: string; name: string | null },
  messageId: string,
): RecipientParts {
  return {
    recipient: {
      email: subscriber.email,
      name: subscriber.name ?? undefined,
      unsubscribeUrl: input.unsubscribeUrl(subscriber.subscriber_id),
      preferencesUrl: input.preferencesUrl(subscriber.subscriber_id),
    },
    messageId,
    subscriberRef: input.subscriberRef(subscriber.subscriber_id),
    date: input.now(),
    ...(input.returnPathFor && { returnPath: input.returnPathFor(subscriber.subscriber_id) }),
    ...(input.unsubscribeMailtoFor && {
      unsubscribeMailto: input.unsubscribeMailtoFor(subscriber.subscriber_id),
    }),
  };
}
