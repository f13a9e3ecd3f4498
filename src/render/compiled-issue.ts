import {
  escapeHtml,
  joinDocument,
  type RecipientSlots,
  type SplitDocument,
} from "./recipient-slots.js";
import type { CompiledIssue, Recipient } from "./types.js";

interface CompiledParts {
  subject: string;
  html: SplitDocument;
  text: SplitDocument;
  slots: RecipientSlots;
  baseUrl: string;
}

/** Wraps the parts of an issue rendered once; filling a recipient is string joins only. */
export function createCompiledIssue(parts: CompiledParts): CompiledIssue {
  const { subject, html, text, slots } = parts;
  const fill = (recipient: Recipient) => ({
    subject,
    html: joinDocument(html, slots.values(recipient, escapeHtml)),
    text: joinDocument(text, slots.values(recipient, asIs)),
  });
  // The archive page is public: no name, no address, and the unsubscribe page asks who you are.
  const anonymous: Recipient = {
    email: "",
    unsubscribeUrl: `${parts.baseUrl.replace(/\/+$/, "")}/unsubscribe`,
  };
  return {
    subject,
    fill,
    webVersion: () => {
      const { html, text } = fill(anonymous);
      return { html, text };
    },
  };
}

function asIs(value: string): string {
  return value;
}
