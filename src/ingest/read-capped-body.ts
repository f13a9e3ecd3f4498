import { GazetteError } from "../shared/errors.js";

/**
 * All bytes of a response body, or FEED_TOO_LARGE as soon as more than `maxBytes` have arrived
 * (the stream is then cancelled, so the rest is never downloaded). Bytes are counted after
 * content decoding, so a small gzip bomb is caught too. `onChunk` runs as each chunk arrives
 * (the fetch restarts its idle deadline there).
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  source: string,
  onChunk: () => void = () => {},
): Promise<Uint8Array> {
  if (body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk();
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(source, maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  return Buffer.concat(chunks, total);
}

/** The FEED_TOO_LARGE error for `source`. */
export function tooLarge(source: string, maxBytes: number): GazetteError {
  return new GazetteError("FEED_TOO_LARGE", `feed ${source} is over ${maxBytes} bytes`);
}
