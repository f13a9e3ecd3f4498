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
 * entries of every feed are picked before unsure ones. `ranked` is best first; feeds take their
 * turns in the order of their best item. Returns the picked items round by round: every feed's
 * first pick, then every feed's second…; within a round, in the order picked (confident first).
 * So a feed whose entries are all unsure still shows its best in the first round, after the
 * confident feeds' best, not below every other feed's later picks.
 */
export function shareFairly<T extends Ranked>(ranked: T[], max: number, perFeed?: number): T[] {
  // Each feed's items in rank order and how many it has given: one pass, no copies.
  const queues = new Map<number, { items: T[]; taken: number }>();
  for (const item of ranked) {
    const queue = queues.get(item.feedId);
    if (queue) queue.items.push(item);
    else queues.set(item.feedId, { items: [item], taken: 0 });
  }
  const cap = perFeed ?? Number.POSITIVE_INFINITY;
  const share = Math.min(cap, Math.ceil(max / Math.max(1, queues.size)));
  const taken: { item: T; round: number }[] = [];
  const phases = [
    { tier: 0, limit: share },
    { tier: 1, limit: share },
    { tier: 0, limit: cap },
    { tier: 1, limit: cap },
  ];
  for (const phase of phases) {
    for (let progress = true; progress && taken.length < max; ) {
      progress = false;
      for (const queue of queues.values()) {
        if (taken.length >= max) break;
        const next = queue.items[queue.taken];
        if (!next || next.tier > phase.tier || queue.taken >= phase.limit) continue;
        taken.push({ item: next, round: queue.taken });
        queue.taken += 1;
        progress = true;
      }
    }
  }
  // A stable sort: within a round, the order picked.
  return taken.sort((a, b) => a.round - b.round).map(({ item }) => item);
}
