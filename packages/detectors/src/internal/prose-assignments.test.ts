import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const secrets = (text: string) => scan(text, { categories: ['secret'] });
// A 40-character value shaped like an AWS secret access key, made up here.
const AWS_SECRET = 'wJ7rQ2xK9pLm4ZcR8nB3yH6dT1fG5sVq0eUa+/Pk';

describe('credentials assigned in prose', () => {
  /** regression: issue 12 */
  it('holds "our aws secret access key: …" like the code assignment', () => {
    const prose = secrets(`our aws secret access key: ${AWS_SECRET}`);
    const code = secrets(`aws_secret_access_key = "${AWS_SECRET}"`);
    expect(prose.map((f) => f.type)).toEqual(['aws-secret-key']);
    expect(prose[0]?.severity).toBe(code[0]?.severity);
    expect(prose[0]?.confidence).toBe(code[0]?.confidence);
    expect(secrets(`the AWS secret key is ${AWS_SECRET}`).map((f) => f.type)).toEqual([
      'aws-secret-key',
    ]);
  });

  /** regression: issue 12 */
  it('holds "the password is …" like `password = "…"`', () => {
    const prose = secrets('fyi the password is hunter2x for the staging box');
    const code = secrets('password = "hunter2x"');
    expect(prose.map((f) => f.type)).toEqual(['password-assignment']);
    expect(prose[0]?.severity).toBe('high');
    expect(prose[0]?.confidence).toBe(code[0]?.confidence);
    expect(secrets('the api token is Zq8Lm3Nx0Pv7Bc2T5yW1').map((f) => f.type)).toEqual([
      'generic-secret',
    ]);
  });

  it('does not take plain words after "is" for a value', () => {
    for (const text of [
      'the password is required on first login',
      'the token is expired, refresh it',
      'the key is stored in the vault',
      'your access is revoked',
    ])
      expect(secrets(text)).toEqual([]);
  });
});
