import { normalizeEmail } from "../../audience/index.js";
import { outgoingFrame, sendTestCopy as sendCopy } from "../../deliver/index.js";
import { GazetteError } from "../../shared/errors.js";
import { loadPreview } from "./load-preview.js";
import type { PreviewDeps } from "./preview-deps.js";
import type { PreviewSelection } from "./preview-selection.js";

/**
 * Sends the previewed email, as filled for the chosen reader, to one address through the
 * configured transport (deliver/frame.ts: the same test copy as `gazette send --to`). Returns
 * the address.
 */
export async function sendTestCopy(
  deps: PreviewDeps,
  selection: PreviewSelection,
  to: string,
): Promise<string> {
  const address = normalizeEmail(to);
  if (!address) throw new GazetteError("USAGE", `"${to}" is not an email address`);
  const state = await loadPreview(deps, selection);
  if (!state.message) throw new GazetteError("USAGE", "there is no email to send yet");
  await sendCopy(deps.transport, outgoingFrame(deps.ctx.config, state.list), {
    to: address,
    body: state.message,
    unsubscribeUrl: state.reader.recipient.unsubscribeUrl,
    now: deps.ctx.clock.now(),
  });
  return address;
}
