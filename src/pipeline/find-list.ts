import type { ListConfig } from "../config/index.js";
import { GazetteError } from "../shared/errors.js";
import type { Context } from "./context.js";

/** The list with this id, or a usage error naming the lists there are. */
export function findList(ctx: Pick<Context, "config">, id: string | undefined): ListConfig {
  const lists = ctx.config.lists;
  if (id === undefined) {
    if (lists.length === 1) return lists[0] as ListConfig;
    throw new GazetteError(
      "USAGE",
      `several lists are configured; pick one with --list (${lists.map((l) => l.id).join(", ")})`,
    );
  }
  const found = lists.find((list) => list.id === id);
  if (!found)
    throw new GazetteError(
      "USAGE",
      `no list "${id}" in the config (lists: ${lists.map((l) => l.id).join(", ")})`,
    );
  return found;
}

/**
 * The list's number in the store (its slug is `list.id`, its List-Id header is in the outgoing
 * frame). The configured lists are synced once, when the context opens: this reads only.
 */
export function listNumber(ctx: Pick<Context, "listNumbers">, list: ListConfig): number {
  const number = ctx.listNumbers.get(list.id);
  if (number === undefined)
    throw new GazetteError("USAGE", `list "${list.id}" is not in the config this context opened`);
  return number;
}
