import { randomBytes } from "node:crypto";
import { GazetteError } from "../shared/errors.js";
import type { Recipient } from "./types.js";

export type RecipientField = "name" | "firstName" | "email" | "unsubscribeUrl" | "preferencesUrl";

interface Slot {
  field: RecipientField;
  /** Shown when the subscriber has no value for the field (a name is optional). */
  fallback: string;
}

/** A rendered document cut at its slots: literal text at even indexes, slot numbers between. */
export interface SplitDocument {
  literals: string[];
  slots: number[];
}

/**
 * Placeholder tokens for the per-recipient fields. Each carries a nonce drawn per render, so
 * no feed text can contain one; the token is plain `[a-z0-9]`, untouched by escaping and MJML.
 */
export class RecipientSlots {
  readonly #nonce = randomBytes(12).toString("hex");
  readonly #slots: Slot[] = [];

  /** The token standing for `field` in a template's output. */
  token(field: RecipientField, fallback = ""): string {
    let index = this.#slots.findIndex((s) => s.field === field && s.fallback === fallback);
    if (index === -1) index = this.#slots.push({ field, fallback }) - 1;
    return `gz${this.#nonce}s${index}z`;
  }

  /** Cuts a rendered document at the tokens, once per issue. */
  split(document: string): SplitDocument {
    const pieces = document.split(new RegExp(`gz${this.#nonce}s(\\d+)z`));
    const literals = pieces.filter((_, i) => i % 2 === 0);
    if (literals.some((literal) => literal.includes(`gz${this.#nonce}`))) {
      throw new GazetteError("TEMPLATE_INVALID", "a recipient field was altered while rendering");
    }
    return { literals, slots: pieces.filter((_, i) => i % 2 === 1).map(Number) };
  }

  /** The values of every slot for one recipient, in slot order. */
  values(recipient: Recipient, encode: (value: string) => string): string[] {
    return this.#slots.map((slot) => encode(fieldValue(recipient, slot)));
  }
}

/** Joins a split document with the values of its slots: the whole per-recipient cost. */
export function joinDocument(document: SplitDocument, values: string[]): string {
  let out = document.literals[0] ?? "";
  for (let i = 0; i < document.slots.length; i++) {
    out += (values[document.slots[i] ?? -1] ?? "") + (document.literals[i + 1] ?? "");
  }
  return out;
}

function fieldValue(recipient: Recipient, slot: Slot): string {
  const value =
    slot.field === "name"
      ? recipient.name?.trim()
      : slot.field === "firstName"
        ? firstNameOf(recipient.name)
        : recipient[slot.field];
  return value ? value : slot.fallback;
}

/** "Ada" of "Ada Lovelace": a greeting says "Hi Ada", as a person would write. */
export function firstNameOf(name: string | undefined): string | undefined {
  return name?.trim().split(/\s+/)[0];
}

/** Escapes a value for HTML text and double- or single-quoted attributes. */
export { escapeMarkup as escapeHtml } from "../shared/escape-markup.js";
