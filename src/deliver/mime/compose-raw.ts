import type { Transporter } from "nodemailer";
import type { OutgoingMessage } from "../transports/types.js";
import { toMailOptions } from "./to-mail-options.js";

let composer: Transporter | undefined;

/**
 * The RFC 5322 bytes of a message, built by nodemailer (every check of toMailOptions), CRLF
 * line ends and quoted-printable bodies: the one way Gazette writes a whole message. `date` is
 * written as given (RFC 5322 date-time, or a placeholder the issue template cuts at).
 */
export async function composeRaw(message: OutgoingMessage, date: string): Promise<Buffer> {
  // Loaded here, not with the deliver face, which the CLI start path imports (issue 17 §6).
  const { default: nodemailer } = await import("nodemailer");
  composer ??= nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
  });
  const options = { ...toMailOptions(message), textEncoding: "quoted-printable" as const };
  const info = await composer.sendMail({ ...options, date });
  if (!Buffer.isBuffer(info.message)) throw new TypeError("stream transport returned no buffer");
  return info.message;
}

/** RFC 5322 date-time, as nodemailer writes it. */
export function formatDate(date: Date): string {
  return date.toUTCString().replace(/GMT/, "+0000");
}
