import { escapeHtml, joinDocument, type RecipientSlots } from "./recipient-slots.js";
import type { RenderedVariant } from "./render-variant.js";
import type { CompiledIssue, Recipient, SizeReport } from "./types.js";

interface CompiledParts {
  subject: string;
  /** What subscribers get: within the size budget. */
  email: Pick<RenderedVariant, "html" | "text">;
  /** Every article in full, for the archive. */
  web: Pick<RenderedVariant, "html" | "text">;
  slots: RecipientSlots;
  baseUrl: string;
  size: SizeReport;
}

/** Wraps the parts of an issue rendered once; filling a recipient is string joins only. */
export function createCompiledIssue(parts: CompiledParts): CompiledIssue {
  const { subject, email, web, slots } = parts;
  const base = parts.baseUrl.replace(/\/+$/, "");
  // The archive page is public: no name, no address; those pages ask who you are.
  const anonymous: Recipient = {
    email: "",
    unsubscribeUrl: `${base}/unsubscribe`,
    preferencesUrl: `${base}/preferences`,
  };
  return {
    subject,
    size: parts.size,
    fill: (recipient) => ({
      subject,
      html: joinDocument(email.html, slots.values(recipient, escapeHtml)),
      text: joinDocument(email.text, slots.values(recipient, asIs)),
    }),
    webVersion: () => ({
      html: joinDocument(web.html, slots.values(anonymous, escapeHtml)),
      text: joinDocument(web.text, slots.values(anonymous, asIs)),
    }),
  };
}

function asIs(value: string): string {
  return value;
}
