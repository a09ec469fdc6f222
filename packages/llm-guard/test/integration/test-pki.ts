import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A test PKI in a new temporary directory: a CA (`ca.pem`), a server key
 * and certificate for `localhost` signed by it (`server.key`, `server.pem`),
 * and an unrelated CA (`other.pem`). The caller removes `dir`.
 */
export type TestPki = {
  /** The directory holding the files. */
  readonly dir: string;
  /** The signing CA's certificate, PEM. */
  readonly ca: string;
  /** A CA that signed nothing here, PEM. */
  readonly otherCa: string;
  /** The server's private key, PEM. */
  readonly key: string;
  /** The server's certificate (`DNS:localhost`), PEM. */
  readonly cert: string;
};

/**
 * Writes a {@link TestPki} with the `openssl` command (certificates valid two days).
 *
 * @param prefix - the temporary directory's name prefix
 * @returns the directory and the PEM texts
 */
export function makeTestPki(prefix: string): TestPki {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const days = ['-days', '2'];
  for (const name of ['ca', 'other']) {
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      ...days,
      '-subj',
      `/CN=llm-guard test ${name}`,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
    );
  }
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  );
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost\n');
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    ...days,
    '-extfile',
    'san.ext',
    '-out',
    'server.pem',
  );
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    dir,
    ca: read('ca.pem'),
    otherCa: read('other.pem'),
    key: read('server.key'),
    cert: read('server.pem'),
  };
}
