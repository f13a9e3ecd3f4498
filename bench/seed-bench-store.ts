import type { Store } from "../src/store/index.js";

/** Adds `count` active subscribers to the list with multi-row inserts: seconds for 100,000. */
export async function seedSubscribers(
  store: Store,
  listId: number,
  count: number,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const chunk = 500;
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const rows = Array.from({ length: n }, (_, i) => ({
      email: `reader${start + i}@bench.example.com`,
      email_key: `reader${start + i}@bench.example.com`,
      name: `Reader ${start + i}`,
      created_at: at,
      updated_at: at,
    }));
    const ids = await store.db.insertInto("subscribers").values(rows).returning("id").execute();
    await store.db
      .insertInto("memberships")
      .values(
        ids.map(({ id }) => ({
          list_id: listId,
          subscriber_id: id,
          status: "active" as const,
          source: "bench",
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
}
