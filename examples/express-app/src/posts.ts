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
  /**
   * The newest kept posts, oldest of them first: at most `limit` posts and,
   * past the first, at most `maxChars` characters of text in all.
   *
   * @throws {RangeError} when `limit` or `maxChars` is not a positive integer
   */
  latest(limit: number, maxChars?: number): readonly Post[];
};

/** Options of {@link createPostStore}. */
export type PostStoreOptions = {
  /**
   * Most posts kept; publishing one more drops the oldest.
   * @default 10_000
   */
  readonly keep?: number;
  /**
   * Most characters of post text kept in all (the newest post is always kept):
   * with posts up to the gate's body limit, a count alone would let 10,000
   * large posts hold about a gigabyte.
   * @default 16_000_000
   */
  readonly keepChars?: number;
};

/** Default of {@link PostStoreOptions.keep}. */
export const DEFAULT_POSTS_KEPT = 10_000;
/** Default of {@link PostStoreOptions.keepChars}. */
export const DEFAULT_CHARS_KEPT = 16_000_000;

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer`);
  }
  return value;
}

/**
 * An in-memory store of published posts and comments, bounded by count and
 * by characters: the oldest posts go first. Memory stays bounded whatever
 * the stream of posts.
 *
 * @throws {RangeError} when `keep` or `keepChars` is not a positive integer
 */
export function createPostStore(options: PostStoreOptions = {}): PostStore {
  const keep = positiveInteger('keep', options.keep ?? DEFAULT_POSTS_KEPT);
  const keepChars = positiveInteger('keepChars', options.keepChars ?? DEFAULT_CHARS_KEPT);
  // Kept posts are posts[first..]; the dropped prefix is cut off once it is half the array.
  let posts: Post[] = [];
  let first = 0;
  let chars = 0;
  const kept = (): number => posts.length - first;
  const dropOldest = (): void => {
    chars -= (posts[first] as Post).text.length;
    first += 1;
    if (first * 2 >= posts.length) {
      posts = posts.slice(first);
      first = 0;
    }
  };
  return {
    publish(post) {
      const stored = { id: randomUUID(), ...post };
      posts.push(stored);
      chars += stored.text.length;
      while (kept() > 1 && (kept() > keep || chars > keepChars)) dropOldest();
      return stored;
    },
    list: () => posts.slice(first).map((p) => ({ ...p })),
    latest(limit, maxChars = Number.MAX_SAFE_INTEGER) {
      positiveInteger('limit', limit);
      positiveInteger('maxChars', maxChars);
      const out: Post[] = [];
      let taken = 0;
      for (let i = posts.length - 1; i >= first && out.length < limit; i--) {
        const p = posts[i] as Post;
        if (out.length > 0 && taken + p.text.length > maxChars) break;
        taken += p.text.length;
        out.push({ ...p });
      }
      return out.reverse();
    },
  };
}
