import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { describeError } from "../../shared/errors.js";
import { createSigner } from "../mime/sign-message.js";
import { outboxDir } from "./outbox-dir.js";
import type { ConfigOf, TransportOptions } from "./registry.js";
import { type Transport, TransportError } from "./types.js";

const MAX_NAME = 180;

/** The default transport: one `.eml` file per message in `dir`, named after its Message-ID. */
export function createOutboxTransport(
  config: ConfigOf<"outbox">,
  options: TransportOptions,
): Transport {
  const root = outboxDir(config, options);
  const sign = createSigner(options.dkim);
  return {
    async send(message) {
      const raw = await sign(await message.raw(), message.envelope);
      const file = join(root, outboxFileName(message.messageId));
      try {
        await mkdir(root, { recursive: true });
        await writeAtomically(file, raw);
      } catch (error) {
        // A full disk or a folder we may not write: no message would get through now.
        throw new TransportError("transport-down", `outbox ${root}: ${describeError(error)}`, {
          cause: error,
        });
      }
      return { messageId: message.messageId, response: file };
    },
    async check(message) {
      return (await sign(await message.raw(), message.envelope)).length;
    },
    async close() {},
  };
}

/** A filesystem-safe name for a Message-ID: the same id always gives the same name. */
export function outboxFileName(messageId: string): string {
  const bare = messageId.replace(/^<|>$/g, "");
  const safe = bare.replace(/[^A-Za-z0-9._@+-]/g, "_").replace(/^\./, "_");
  // Ids that had to change (or be shortened) get a hash, so two ids never share a file.
  if (safe === bare && safe.length <= MAX_NAME) return `${safe}.eml`;
  const hash = createHash("sha256").update(messageId).digest("hex").slice(0, 12);
  return `${safe.slice(0, MAX_NAME)}-${hash}.eml`;
}

async function writeAtomically(file: string, data: Buffer): Promise<void> {
  // Write elsewhere, flush, then rename: a crash leaves the old file or the new one, never half
  // of one. The random part keeps two workers writing the same message apart.
  const temporary = `${file}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
