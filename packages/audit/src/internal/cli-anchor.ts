/**
 * The CLI's anchor store, from the environment: `AUDIT_ANCHOR_BUCKET` and
 * `AUDIT_ANCHOR_CHAIN_ID` turn it on; the S3 connection comes from
 * `S3_ENDPOINT`, `S3_REGION`, `S3_ACCESS_KEY`/`S3_SECRET_KEY` (else the AWS
 * SDK's default credential chain, e.g. an instance role) and
 * `S3_FORCE_PATH_STYLE`. Loads the AWS SDK only when configured.
 */
import type { AuditAnchorStore } from '../anchor.js';
import { AuditError, AuditErrorCode } from '../errors.js';

/** Why the anchor environment is unusable (a usage error). */
export class AnchorEnvError extends Error {}

/**
 * Builds the anchor store the environment describes, or undefined when none.
 *
 * @param env - the process environment
 * @returns the store, or undefined
 * @throws {AnchorEnvError} when the variables are incomplete
 */
export async function anchorFromEnv(env: NodeJS.ProcessEnv): Promise<AuditAnchorStore | undefined> {
  const bucket = env.AUDIT_ANCHOR_BUCKET;
  if (!bucket) return undefined;
  const chainId = env.AUDIT_ANCHOR_CHAIN_ID;
  if (!chainId) throw new AnchorEnvError('AUDIT_ANCHOR_BUCKET needs AUDIT_ANCHOR_CHAIN_ID');
  const objectLock = env.AUDIT_ANCHOR_OBJECT_LOCK ?? 'auto';
  if (objectLock !== 'auto' && objectLock !== 'required' && objectLock !== 'off') {
    throw new AnchorEnvError("AUDIT_ANCHOR_OBJECT_LOCK must be 'auto', 'required' or 'off'");
  }
  let sdk: typeof import('@aws-sdk/client-s3');
  let anchorS3: typeof import('../anchor-s3.js');
  try {
    [sdk, anchorS3] = await Promise.all([import('@aws-sdk/client-s3'), import('../anchor-s3.js')]);
  } catch (cause) {
    throw new AuditError(
      AuditErrorCode.ANCHOR_FAILED,
      'anchoring to S3 needs the package @aws-sdk/client-s3 installed',
      { field: 'anchor', cause },
    );
  }
  const keys =
    env.S3_ACCESS_KEY && env.S3_SECRET_KEY
      ? { credentials: { accessKeyId: env.S3_ACCESS_KEY, secretAccessKey: env.S3_SECRET_KEY } }
      : {};
  const client = new sdk.S3Client({
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    region: env.S3_REGION || env.AWS_REGION || 'us-east-1',
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...keys,
  });
  return anchorS3.createS3AnchorStore({
    client,
    bucket,
    chainId,
    objectLock,
    ...(env.AUDIT_ANCHOR_PREFIX === undefined ? {} : { prefix: env.AUDIT_ANCHOR_PREFIX }),
  });
}
