import { randomBytes } from "node:crypto";
import { signToken } from "../audience/tokens.js";
import type { ListConfig } from "../config/index.js";
import { prepareMessage } from "../deliver/mime/prepare-message.js";
import type { AppDeps } from "./app-deps.js";
import { confirmationMessage } from "./confirmation-message.js";

export type SignupOutcome = "sent" | "already-active" | "blocked" | "throttled";

/**
 * A signup: the subscriber becomes pending (a new membership) or stays as they are, the consent
 * is recorded, and a single-use, expiring confirmation link goes out through the transport.
 * Active, bounced, complained and suppressed addresses get no email, and no address gets more
 * confirmations than `confirmationLimits` allow, whoever asks from wherever (the form must not
 * become a way to flood someone's inbox). The page says the same to everyone, so the form
 * reveals nobody's subscriptions.
 */
export async function requestSignup(
  deps: AppDeps,
  input: { email: string; list: ListConfig; listId: number; ip: string; userAgent: string },
): Promise<SignupOutcome> {
  const now = deps.clock.now();
  if (await deps.store.suppressions.byEmail(input.email)) return "blocked";
  const { id } = await deps.store.subscribers.upsert(input.email, undefined, now);
  const membership = (await deps.store.subscribers.membershipsOf(id)).find(
    (m) => m.list_id === input.listId,
  );
  if (membership?.status === "active") return "already-active";
  if (membership?.status === "bounced" || membership?.status === "complained") return "blocked";
  // A new address waits as pending; one that unsubscribed stays so until it confirms.
  if (!membership)
    await deps.store.subscribers.join(input.listId, id, {
      status: "pending",
      source: "signup",
      now,
    });
  const nonce = randomBytes(16).toString("base64url");
  const expiresAt = new Date(now.getTime() + deps.confirmTtlMs);
  const consent = await deps.store.consents.record({
    subscriberId: id,
    listId: input.listId,
    form: "signup",
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 512),
    nonce,
    now,
    expiresAt,
  });
  if (!(await isWithinLimits(deps, id, now))) {
    await deps.store.consents.remove(consent.id);
    return "throttled";
  }
  const confirmToken = signToken(
    {
      purpose: "confirm",
      listId: input.listId,
      subscriberId: id,
      expiresAt: Math.floor(expiresAt.getTime() / 1000),
      nonce,
    },
    deps.signingKeys.current,
  );
  await deps.transport.send(
    prepareMessage(
      confirmationMessage({
        config: deps.config,
        list: input.list,
        key: deps.signingKeys.current,
        listId: input.listId,
        subscriberId: id,
        to: input.email,
        confirmToken,
        nonce,
      }),
      deps.clock.now(),
    ),
  );
  return "sent";
}

/**
 * True when the confirmations recorded for the subscriber, the one just recorded included, fit
 * every limit. Recording first and counting after means that of two concurrent requests at
 * most one goes on (each counts the other's row once it is written).
 */
async function isWithinLimits(deps: AppDeps, subscriberId: number, now: Date): Promise<boolean> {
  for (const limit of deps.confirmationLimits) {
    const since = new Date(now.getTime() - limit.windowMs);
    if ((await deps.store.consents.countSince(subscriberId, "signup", since)) > limit.max)
      return false;
  }
  return true;
}
