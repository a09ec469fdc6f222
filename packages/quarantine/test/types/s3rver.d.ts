// Same ambient typing as test-utils' src/s3rver.d.ts: that file is not part of this
// package's compilation, but test-utils' s3.ts (imported through the harness) needs it.
/** Minimal typing for the parts of `s3rver` the harness uses. */
declare module 's3rver' {
  type S3rverOptions = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    configureBuckets?: readonly { name: string }[];
  };
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<unknown>;
    close(): Promise<void>;
  }
}
