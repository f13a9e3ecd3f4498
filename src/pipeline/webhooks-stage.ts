import { type DispatchReport, dispatchWebhooks } from "../inbox/index.js";
import type { Context } from "./context.js";

/** Posts the webhook deliveries that are due; nothing to do without `webhooks:`. */
export async function webhooksStage(ctx: Context): Promise<DispatchReport | undefined> {
  if (ctx.config.webhooks.length === 0) return undefined;
  return dispatchWebhooks({
    store: ctx.store,
    webhooks: ctx.config.webhooks,
    env: ctx.env,
    clock: ctx.clock,
  });
}
