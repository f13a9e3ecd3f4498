/** The fastest of `runs` runs of `work`, in milliseconds: the least disturbed by the rest of the machine. */
export async function fastest(work: () => unknown, runs = 3): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
