/**
 * Object keys and who owns them. Keys written since issue 11 are
 * `<prefix><installationId>/YYYY/MM/DD/<recordId>`; older ("legacy") keys
 * are `<prefix>YYYY/MM/DD/<recordId>`. The installation id is this
 * database's (see the `0003-create-installation` migration): two
 * deployments sharing a bucket and prefix write to disjoint key spaces.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE_AND_ID =
  /^\d{4}\/\d{2}\/\d{2}\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Where a new object goes. */
export type KeyParts = {
  readonly prefix: string;
  readonly installationId: string;
  readonly createdAt: Date;
  readonly id: string;
};

/** The key space of one installation under a prefix: `<prefix><installationId>/`. */
export function installationPrefix(prefix: string, installationId: string): string {
  return `${prefix}${installationId}/`;
}

/** Object key `<prefix><installationId>/YYYY/MM/DD/<id>` from the record's creation date (UTC). */
export function objectKey(parts: KeyParts): string {
  const { createdAt } = parts;
  const y = createdAt.getUTCFullYear().toString().padStart(4, '0');
  const m = (createdAt.getUTCMonth() + 1).toString().padStart(2, '0');
  const d = createdAt.getUTCDate().toString().padStart(2, '0');
  return `${installationPrefix(parts.prefix, parts.installationId)}${y}/${m}/${d}/${parts.id}`;
}

/**
 * The record id a key in this installation's key space names, or null when
 * the key is not one this installation writes (the orphan sweep's test).
 */
export function idInKeySpace(keySpace: string, key: string): string | null {
  if (!key.startsWith(keySpace)) return null;
  return DATE_AND_ID.exec(key.slice(keySpace.length))?.[1] ?? null;
}

/**
 * What a key names, judged by its shape alone:
 * - `legacy`: no installation id (written before issue 11): the prefix,
 *   then `YYYY/MM/DD/<id>`; any key of that shape under the configured
 *   prefix is legacy, even when the prefix ends in a UUID-like segment;
 * - `installation`: `…/<installationId>/YYYY/MM/DD/<id>`, with that id;
 * - `unknown`: anything else (never a key this package writes).
 */
export type KeyShape =
  | { readonly kind: 'legacy' }
  | { readonly kind: 'installation'; readonly installationId: string }
  | { readonly kind: 'unknown' };

/** Classifies a key by its shape; see {@link KeyShape}. */
export function keyShape(prefix: string, key: string): KeyShape {
  if (key.startsWith(prefix) && DATE_AND_ID.test(key.slice(prefix.length))) {
    return { kind: 'legacy' };
  }
  const parts = key.split('/');
  if (parts.length < 4 || !DATE_AND_ID.test(parts.slice(-4).join('/'))) return { kind: 'unknown' };
  const segment = parts[parts.length - 5];
  if (segment === undefined || !UUID.test(segment)) return { kind: 'legacy' };
  return { kind: 'installation', installationId: segment };
}

/** User metadata names (S3 lower-cases them; sent as `x-amz-meta-<name>`). */
const META_INSTALLATION = 'clawexchange-installation';
const META_CREATED_AT = 'clawexchange-created-at';
const META_EXPIRES_AT = 'clawexchange-expires-at';
const META_SEAL = 'clawexchange-seal';
const META_SEAL_KEY = 'clawexchange-seal-key';

/** The authenticated expiry an object carries (issue 16), as written at store time. */
export type ObjectSealMeta = {
  /** The record's real expiry. */
  readonly expiresAt: Date;
  /** HMAC of record id, installation id and expiry (see `record-mac.ts`). */
  readonly seal: string;
  /** Id of the MAC key that made `seal`. */
  readonly keyId: string;
};

/**
 * The metadata every new object carries: the installation that wrote it
 * (for operators attributing objects in a shared bucket) and the store's
 * time by the service's clock (the orphan sweep's age, free of clock skew
 * between the service and the storage server).
 */
export function objectMetadata(
  installationId: string,
  createdAt: Date,
  seal?: ObjectSealMeta,
): Record<string, string> {
  return {
    [META_INSTALLATION]: installationId,
    [META_CREATED_AT]: createdAt.toISOString(),
    ...(seal === undefined
      ? {}
      : {
          [META_EXPIRES_AT]: seal.expiresAt.toISOString(),
          [META_SEAL]: seal.seal,
          [META_SEAL_KEY]: seal.keyId,
        }),
  };
}

/**
 * Whether an object's metadata carries a seal at all (every object stored
 * since issue 16 does): a row without a MAC whose object is sealed was
 * stripped of its MAC, not written before the upgrade.
 */
export function hasSeal(metadata: Readonly<Record<string, string>>): boolean {
  return metadata[META_SEAL] !== undefined;
}

/** The seal an object's metadata carries, or null when absent or malformed (not yet checked). */
export function sealOf(metadata: Readonly<Record<string, string>>): ObjectSealMeta | null {
  const seal = metadata[META_SEAL];
  const keyId = metadata[META_SEAL_KEY];
  const raw = metadata[META_EXPIRES_AT];
  if (seal === undefined || keyId === undefined || raw === undefined) return null;
  const t = Date.parse(raw);
  if (!Number.isFinite(t) || new Date(t).toISOString() !== raw) return null;
  return { expiresAt: new Date(t), seal, keyId };
}

/**
 * When an object was stored: the service's own time from its metadata,
 * else the server's `Last-Modified`, else null (unknown: too young to sweep).
 */
export function storedAt(head: {
  readonly metadata: Readonly<Record<string, string>>;
  readonly lastModified: Date | undefined;
}): Date | null {
  const written = head.metadata[META_CREATED_AT];
  if (written !== undefined) {
    const t = Date.parse(written);
    if (Number.isFinite(t)) return new Date(t);
  }
  return head.lastModified ?? null;
}
