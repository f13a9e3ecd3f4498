import { type SignupOutcome, signToken, signUp } from "../audience/index.js";
import type { ListConfig } from "../config/index.js";
import { prepareMessage } from "../deliver/index.js";
import type { AppDeps } from "./app-deps.js";
import { confirmationMessage } from "./confirmation-message.js";

export type { SignupOutcome } from "../audience/index.js";

/**
 * The signup form's action: the membership rules decide (audience/membership.ts), and when a
 * confirmation may go out, its single-use, expiring link is sent through the transport. The
 * route answers before calling it, the same to everyone, so neither the page nor its timing
 * reveals anybody's subscriptions. One mailbox's spellings (`victim+1@`, `victim+2@`, … are each
 * an address of their own in the store) share the confirmation limits, which the store counts.
 */
export async function requestSignup(
  deps: AppDeps,
  input: { email: string; list: ListConfig; listId: number; ip: string; userAgent: string },
): Promise<SignupOutcome> {
  const now = deps.clock.now();
  const { outcome, confirmation } = await signUp(
    deps.store,
    { email: input.email, listNumber: input.listId, ip: input.ip, userAgent: input.userAgent },
    { confirmTtlMs: deps.confirmTtlMs, limits: deps.confirmationLimits, now },
  );
  if (!confirmation) return outcome;
  const { subscriberId, nonce, expiresAt } = confirmation;
  const confirmToken = signToken(
    {
      purpose: "confirm",
      listId: input.listId,
      subscriberId,
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
        subscriberId,
        to: input.email,
        confirmToken,
        nonce,
      }),
      now,
    ),
  );
  return outcome;
}
