/** What the fair share needs of a card candidate, ranked best first within its feed. */
export interface Ranked {
  id: number;
  feedId: number;
  /** 0: a confident summary; 1: a summary the summarizer was unsure of. */
  tier: number;
}

/**
 * Picks up to `max` items, feed by feed in turns, so that no feed takes more than its fair share
 * (⌈max ÷ feeds with candidates⌉) while another still has candidates; then, when the others are
 * exhausted, the remaining places go to whoever has more, never past `perFeed`. Confident
 * entries of every feed come before unsure ones. `ranked` is best first; feeds take their turns
 * in the order of their best item. Returns the picked items in the order taken.
 */
export function shareFairly<T extends Ranked>(ranked: T[], max: number, perFeed?: number): T[] {
  const queues = new Map<number, T[]>();
  for (const item of ranked) queues.set(item.feedId, [...(queues.get(item.feedId) ?? []), item]);
  const cap = perFeed ?? Number.POSITIVE_INFINITY;
  const share = Math.min(cap, Math.ceil(max / Math.max(1, queues.size)));
  const taken: T[] = [];
  const counts = new Map<number, number>();
  const phases = [
    { tier: 0, limit: share },
    { tier: 1, limit: share },
    { tier: 0, limit: cap },
    { tier: 1, limit: cap },
  ];
  for (const phase of phases) {
    for (let progress = true; progress && taken.length < max; ) {
      progress = false;
      for (const [feedId, queue] of queues) {
        if (taken.length >= max) break;
        const count = counts.get(feedId) ?? 0;
        const next = queue[0];
        if (!next || next.tier > phase.tier || count >= phase.limit) continue;
        taken.push(next);
        queue.shift();
        counts.set(feedId, count + 1);
        progress = true;
      }
    }
  }
  return taken;
}
