import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, as bytes on the wire were parsed. */
export type KmsRequest = {
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
};

/** A local HTTP server speaking the KMS JSON 1.1 protocol for three operations. */
export type FakeKms = {
  readonly endpoint: string;
  readonly requests: KmsRequest[];
  close(): Promise<void>;
};

const ARN = (name: string) => `arn:aws:kms:us-east-1:111122223333:key/${name}`;

/**
 * Starts the fake on port 0. Keys: `alias/<name>` or the ARN of `<name>`
 * for each name given. Ciphertext blobs are `len ‖ arn ‖ iv ‖ ct ‖ tag`
 * under the named key with the canonical encryption context as AAD, so a
 * blob presented with another context fails like real KMS
 * (InvalidCiphertextException).
 */
export async function startFakeKms(names: readonly string[]): Promise<FakeKms> {
  const keys = new Map(names.map((n) => [ARN(n), randomBytes(32)]));
  const resolve = (id: unknown): string | undefined => {
    if (typeof id !== 'string') return undefined;
    if (keys.has(id)) return id;
    const alias = /^alias\/(.+)$/.exec(id)?.[1];
    return alias !== undefined && keys.has(ARN(alias)) ? ARN(alias) : undefined;
  };
  const aad = (ctx: unknown) =>
    Buffer.from(JSON.stringify(Object.entries((ctx ?? {}) as Record<string, string>).sort()));
  const seal = (arn: string, plain: Buffer, ctx: unknown): Buffer => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', keys.get(arn) as Buffer, iv);
    c.setAAD(aad(ctx));
    const ct = Buffer.concat([c.update(plain), c.final()]);
    const a = Buffer.from(arn);
    return Buffer.concat([Buffer.from([a.length]), a, iv, ct, c.getAuthTag()]);
  };
  const open = (blob: Buffer, ctx: unknown): { arn: string; plain: Buffer } => {
    const n = blob[0] ?? 0;
    const arn = blob.subarray(1, 1 + n).toString();
    const key = keys.get(arn);
    if (key === undefined) throw new Error('InvalidCiphertextException');
    const iv = blob.subarray(1 + n, 13 + n);
    const d = createDecipheriv('aes-256-gcm', key, iv);
    d.setAAD(aad(ctx));
    d.setAuthTag(blob.subarray(blob.length - 16));
    return {
      arn,
      plain: Buffer.concat([d.update(blob.subarray(13 + n, blob.length - 16)), d.final()]),
    };
  };

  const requests: KmsRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
        string,
        unknown
      >;
      requests.push({ target, headers: req.headers, body });
      const reply = (status: number, payload: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(payload));
      };
      const fail = (type: string) => reply(400, { __type: type, message: 'refused by fake KMS' });
      try {
        if (target === 'TrentService.GenerateDataKey') {
          const arn = resolve(body.KeyId);
          if (arn === undefined || body.KeySpec !== 'AES_256') return fail('NotFoundException');
          const plain = randomBytes(32);
          return reply(200, {
            KeyId: arn,
            Plaintext: plain.toString('base64'),
            CiphertextBlob: seal(arn, plain, body.EncryptionContext).toString('base64'),
          });
        }
        if (target === 'TrentService.Encrypt') {
          const arn = resolve(body.KeyId);
          if (arn === undefined) return fail('NotFoundException');
          const plain = Buffer.from(String(body.Plaintext), 'base64');
          return reply(200, {
            KeyId: arn,
            CiphertextBlob: seal(arn, plain, body.EncryptionContext).toString('base64'),
          });
        }
        if (target === 'TrentService.Decrypt') {
          let opened: { arn: string; plain: Buffer };
          try {
            opened = open(
              Buffer.from(String(body.CiphertextBlob), 'base64'),
              body.EncryptionContext,
            );
          } catch {
            return fail('InvalidCiphertextException');
          }
          if (body.KeyId !== undefined && resolve(body.KeyId) !== opened.arn) {
            return fail('IncorrectKeyException');
          }
          return reply(200, { KeyId: opened.arn, Plaintext: opened.plain.toString('base64') });
        }
        return fail('UnknownOperationException');
      } catch {
        return fail('KMSInternalException');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r, j) => {
        server.closeAllConnections();
        server.close((e) => (e ? j(e) : r()));
      }),
  };
}
