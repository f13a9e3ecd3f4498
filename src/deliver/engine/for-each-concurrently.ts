/**
 * Runs `work` over what `next` hands out with at most `limit` calls in flight: back-pressure by
 * construction, one promise per worker rather than one per item. Stops when `next` returns
 * undefined; the first error thrown by `work` is rethrown once every worker has stopped.
 */
export async function forEachConcurrently<T>(
  next: () => Promise<T | undefined>,
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure) {
      const item = await next();
      if (item === undefined) return;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  if (failure) throw failure.error;
}
