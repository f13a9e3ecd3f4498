import nodemailer, { type Transporter } from "nodemailer";
import { toMailOptions } from "./to-mail-options.js";
import type { OutgoingMessage } from "./types.js";

let composer: Transporter | undefined;

/** The RFC 5322 bytes of a message (LF line ends), built the way the SMTP transport builds them. */
export async function buildMessage(message: OutgoingMessage): Promise<Buffer> {
  // The stream transport runs nodemailer's whole pipeline (list headers included),
  // which MailComposer alone does not.
  composer ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await composer.sendMail(toMailOptions(message));
  if (!Buffer.isBuffer(info.message)) throw new TypeError("stream transport returned no buffer");
  return info.message;
}
