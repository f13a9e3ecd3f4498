import { GazetteError } from "../shared/errors.js";
import type { SigningKey } from "./tokens.js";

/** The key that signs new tokens and every key that may still verify old ones. */
export interface SigningKeys {
  current: SigningKey;
  /** The current key first, then retired keys: links in emails already sent keep working. */
  all: SigningKey[];
}

/**
 * Reads the keys from the environment: GAZETTE_SECRET (+ GAZETTE_SECRET_ID, default k1) signs;
 * GAZETTE_SECRET_PREVIOUS (`id:secret` entries separated by commas) and the stored secret (k0)
 * still verify, so rotating the key never breaks an unsubscribe link already sent.
 */
export function readSigningKeys(env: NodeJS.ProcessEnv, storedSecret: string): SigningKeys {
  const stored: SigningKey = { id: "k0", secret: storedSecret };
  const current: SigningKey = env.GAZETTE_SECRET
    ? { id: env.GAZETTE_SECRET_ID || "k1", secret: env.GAZETTE_SECRET }
    : stored;
  if (!/^[\w-]{1,16}$/.test(current.id)) {
    throw new GazetteError(
      "CONFIG_INVALID",
      `GAZETTE_SECRET_ID: "${current.id}" must be 1–16 letters, digits, "_" or "-"`,
    );
  }
  const previous = (env.GAZETTE_SECRET_PREVIOUS ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index): SigningKey => {
      const colon = entry.indexOf(":");
      if (colon <= 0 || colon === entry.length - 1) {
        throw new GazetteError(
          "CONFIG_INVALID",
          `GAZETTE_SECRET_PREVIOUS: entry ${index + 1} is not "keyId:secret"`,
        );
      }
      return { id: entry.slice(0, colon), secret: entry.slice(colon + 1) };
    });
  const all: SigningKey[] = [];
  for (const key of [current, ...previous, stored])
    if (!all.some((known) => known.id === key.id)) all.push(key);
  return { current, all };
}
