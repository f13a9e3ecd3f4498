import type { Transporter } from "nodemailer";
import type { DkimOptions } from "./dkim-options.js";

/** Signs built messages: the bytes DKIM-signed with the key, CRLF kept; unchanged without a key. */
export type Signer = (raw: Buffer, envelope: { from: string; to: string }) => Promise<Buffer>;

/** A signer on nodemailer's stream transport, which signs as its SMTP pipeline does. */
export function createSigner(dkim: DkimOptions | undefined): Signer {
  if (!dkim) return async (raw) => raw;
  let composer: Transporter | undefined;
  return async (raw, envelope) => {
    // Loaded at the first signature, not with the deliver face (issue 17 §6).
    const { default: nodemailer } = await import("nodemailer");
    composer ??= nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: "windows",
      dkim,
    });
    const info = await composer.sendMail({ envelope, raw });
    if (!Buffer.isBuffer(info.message)) throw new TypeError("stream transport returned no buffer");
    return info.message;
  };
}
