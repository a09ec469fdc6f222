import { randomUUID } from 'node:crypto';

/** A published post or comment as the demo keeps it (in memory: the demo has no posts table). */
export type Post = {
  readonly id: string;
  readonly kind: 'POST' | 'COMMENT';
  readonly agentId: string;
  readonly text: string;
  /** The gate's verdict, or `RELEASED` for content a moderator released from quarantine. */
  readonly verdict: string;
  readonly tier: string;
};

/** The demo's published content. */
export type PostStore = {
  publish(post: Omit<Post, 'id'>): Post;
  /** Every kept post, oldest first. */
  list(): readonly Post[];
  /** The newest `limit` kept posts, oldest of them first. */
  latest(limit: number): readonly Post[];
};

/** Options of {@link createPostStore}. */
export type PostStoreOptions = {
  /**
   * How many posts are kept; publishing one more drops the oldest. Bounds the
   * memory a stream of posts can take (the store used to grow without end).
   * @default 10_000
   */
  readonly keep?: number;
};

/** Default of {@link PostStoreOptions.keep}. */
export const DEFAULT_POSTS_KEPT = 10_000;

/**
 * An in-memory store of published posts and comments, holding the newest
 * `keep` of them.
 *
 * @throws {RangeError} when `keep` is not a positive integer
 */
export function createPostStore(options: PostStoreOptions = {}): PostStore {
  const keep = options.keep ?? DEFAULT_POSTS_KEPT;
  if (!Number.isSafeInteger(keep) || keep < 1) {
    throw new RangeError('keep must be a positive integer');
  }
  // A ring: `next` is where the next post goes once the ring is full.
  const ring: Post[] = [];
  let next = 0;
  const inOrder = (): Post[] => [...ring.slice(next), ...ring.slice(0, next)];
  return {
    publish(post) {
      const stored = { id: randomUUID(), ...post };
      if (ring.length < keep) {
        ring.push(stored);
      } else {
        ring[next] = stored;
        next = (next + 1) % keep;
      }
      return stored;
    },
    list: () => inOrder().map((p) => ({ ...p })),
    latest: (limit) =>
      inOrder()
        .slice(-limit)
        .map((p) => ({ ...p })),
  };
}
