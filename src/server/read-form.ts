import type { Context } from "hono";
import type { ParseBodyOptions } from "hono/utils/body";

/**
 * The request's form fields (none for a body that is not a form), or undefined when the body
 * says it is a form and cannot be read as one (a multipart body without its boundary, a broken
 * part): the sender's mistake, which the caller answers with 400, not a server error.
 */
export async function readForm(
  c: Context,
  options: Partial<ParseBodyOptions> = {},
): Promise<Record<string, unknown> | undefined> {
  try {
    return await c.req.parseBody(options);
  } catch {
    return undefined;
  }
}
