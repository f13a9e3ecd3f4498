import nodemailer, { type Transporter } from "nodemailer";
import type { OutgoingMessage, RawMessage } from "../transports/types.js";
import type { DkimOptions } from "./dkim-options.js";
import { toMailOptions } from "./to-mail-options.js";

/** Builds messages to bytes, DKIM-signed when given a key, without sending them anywhere. */
export interface MessageBuilder {
  /** The RFC 5322 bytes of a message (LF line ends), built as the SMTP transport builds them. */
  build(message: OutgoingMessage): Promise<Buffer>;
  /** A raw message as it would go out: signed when there is a key, else unchanged. */
  finish(message: RawMessage): Promise<Buffer>;
}

/** A builder on nodemailer's stream transport, which runs its whole pipeline (list headers, DKIM). */
export function createMessageBuilder(dkim?: DkimOptions): MessageBuilder {
  const composer: Transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
    ...(dkim && { dkim }),
  });
  const bytes = async (mail: Parameters<Transporter["sendMail"]>[0]) => {
    const info = await composer.sendMail(mail);
    if (!Buffer.isBuffer(info.message)) throw new TypeError("stream transport returned no buffer");
    return info.message;
  };
  return {
    build: (message) => bytes(toMailOptions(message)),
    finish: async ({ envelope, raw }) => (dkim ? bytes({ envelope, raw }) : raw),
  };
}

let plain: MessageBuilder | undefined;

/** The RFC 5322 bytes of a message (LF line ends), unsigned. */
export function buildMessage(message: OutgoingMessage): Promise<Buffer> {
  plain ??= createMessageBuilder();
  return plain.build(message);
}
