import { pipeline, type Readable, type Transform } from "node:stream";
import zlib from "node:zlib";
import { GazetteError } from "../../shared/errors.js";

/** What `Accept-Encoding` offers: the codings readCappedBody can undo. */
export const ACCEPTED_ENCODINGS = "gzip, deflate, br";

/**
 * All bytes of a response body, decoded from its Content-Encoding (`gzip`, `x-gzip`, `deflate`,
 * `br`, in the order applied), or FEED_TOO_LARGE as soon as more than `maxBytes` decoded bytes
 * have come out (the streams are then destroyed, so the rest is never downloaded or inflated: a
 * small gzip bomb is caught too). `onChunk` runs as each received chunk arrives (the fetch
 * restarts its idle deadline there).
 */
export async function readCappedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  source: string,
  onChunk: () => void = () => {},
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const decoders = decodersFor(contentEncoding, source);
    body.on("data", onChunk);
    // The pipeline's own error reaches the loop below through its last stream.
    const output = decoders.length === 0 ? body : pipeline([body, ...decoders], () => {});
    for await (const chunk of output as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw tooLarge(source, maxBytes);
      chunks.push(chunk);
    }
  } finally {
    // Past the cap, or on an error: nothing more is read (a destroyed body reports an error of
    // its own, which is not the reason).
    body.on("error", () => {});
    body.destroy();
  }
  return Buffer.concat(chunks, total);
}

/** The FEED_TOO_LARGE error for `source`. */
export function tooLarge(source: string, maxBytes: number): GazetteError {
  return new GazetteError("FEED_TOO_LARGE", `feed ${source} is over ${maxBytes} bytes`);
}

// No server applies more than two codings; each one undone is a stream every chunk passes
// through, so a header naming thousands (a 70 KB answer under "gzip, gzip, …" 2 500 times) kept
// the fetch decoding for minutes, past its deadline. Browsers and curl refuse more than five.
const MAX_CODINGS = 5;

// Content codings are listed in the order they were applied: undone last to first.
function decodersFor(contentEncoding: string | undefined, source: string): Transform[] {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  if (codings.length > MAX_CODINGS) {
    const message = `feed ${source} is sent with ${codings.length} content codings (Content-Encoding), more than the ${MAX_CODINGS} Gazette decodes`;
    throw new GazetteError("FEED_FETCH_FAILED", message);
  }
  return codings.reverse().map((coding) => {
    if (coding === "gzip" || coding === "x-gzip") return zlib.createGunzip(LENIENT);
    if (coding === "br") return zlib.createBrotliDecompress();
    // "deflate" is zlib-wrapped data (RFC 9110 §8.4.1.2); Unzip also takes a mislabelled gzip.
    if (coding === "deflate") return zlib.createUnzip(LENIENT);
    const message = `feed ${source} is sent with Content-Encoding "${coding}", which Gazette cannot decode`;
    throw new GazetteError("FEED_FETCH_FAILED", message);
  });
}

// A truncated but otherwise good stream keeps what arrived, as browsers do.
const LENIENT = {
  flush: zlib.constants.Z_SYNC_FLUSH,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
};
