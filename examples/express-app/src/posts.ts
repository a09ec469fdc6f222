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
  list(): readonly Post[];
};

/** An in-memory store of published posts and comments. */
export function createPostStore(): PostStore {
  const posts: Post[] = [];
  return {
    publish(post) {
      const stored = { id: randomUUID(), ...post };
      posts.push(stored);
      return stored;
    },
    list: () => posts.map((p) => ({ ...p })),
  };
}
