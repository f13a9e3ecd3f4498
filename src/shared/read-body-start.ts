/** The start of an HTTP body, and whether there was more. */
export interface BodyStart {
  text: string;
  isCut: boolean;
}

/**
 * Reads a body's first `limit` bytes as UTF-8 and never the rest (the iteration stops, which
 * destroys the stream): a far end that answers without end cannot fill the memory.
 */
export async function readBodyStart(
  body: AsyncIterable<Uint8Array> | null | undefined,
  limit: number,
): Promise<BodyStart> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body) {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) break;
    }
  }
  const bytes = Buffer.concat(chunks);
  return { text: bytes.subarray(0, limit).toString("utf8"), isCut: size > limit };
}
