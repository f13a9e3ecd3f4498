// Room for the next recipient's longer address, name and tokens: a buffer is reused when the
// next message fits in it.
const HEADROOM = 4096;

/**
 * The buffers built messages are written into, given back once the transport has accepted
 * one. A bulk send then reuses a few message-sized buffers instead of allocating one per message
 * (70 KB each, freed only when the garbage collector gets to them).
 */
export class MessageBuffers {
  readonly #free: Buffer[] = [];
  readonly #ours = new WeakSet<ArrayBufferLike>();

  /** A buffer of at least `size` bytes: a free one when it is large enough, else a new one. */
  take(size: number): Buffer {
    const free = this.#free.pop();
    if (free && free.length >= size) return free;
    const buffer = Buffer.allocUnsafeSlow(size + HEADROOM);
    this.#ours.add(buffer.buffer);
    return buffer;
  }

  /**
   * Takes back the buffer behind `message` (from take) for the next message. Only once nothing
   * reads it any more: after the transport accepted it, never after a failure, which may leave
   * a stream still reading. A message built elsewhere is left alone.
   */
  give(message: Buffer): void {
    if (this.#ours.has(message.buffer)) this.#free.push(Buffer.from(message.buffer));
  }
}
