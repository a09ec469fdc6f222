/**
 * Command-line, URL and layout credentials (issue 12): registry login passwords, curl basic
 * auth forms, Cloudinary URLs, Sidekiq gem credentials, Laravel Sanctum tokens. Every value
 * here is made up for the test in the documented shape.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

/** `[type, matched text]` of the secret findings of `text`. */
const hits = (text: string): Array<[string, string]> =>
  scan(text, { categories: ['secret'] }).map((f) => [f.type, text.slice(f.start, f.end)]);
const typesOf = (text: string): string[] => hits(text).map(([t]) => t);

/** regression: issue 12 */
describe('registry login password', () => {
  it('finds the -p / --password value of docker and podman login', () => {
    expect(hits('docker login reg.example.io -u ci -p Vq3+hT9zLw2/Xn8R')).toContainEqual([
      'registry-login-password',
      'Vq3+hT9zLw2/Xn8R',
    ]);
    expect(typesOf('podman login --username ci --password=Pk4nW8rT2yZ6 q.io')).toContain(
      'registry-login-password',
    );
  });

  it('leaves variables, placeholders and other commands alone', () => {
    expect(typesOf('docker login -u ci -p $REGISTRY_PASSWORD r.io')).not.toContain(
      'registry-login-password',
    );
    expect(typesOf('docker login -u ci -p <password> r.io')).not.toContain(
      'registry-login-password',
    );
    expect(typesOf('docker login -u ci -p password r.io')).not.toContain('registry-login-password');
    expect(typesOf('docker run -p 8080:80 nginx -p Vq3hT9zLw2Xn')).not.toContain(
      'registry-login-password',
    );
  });
});

/** regression: issue 12 */
describe('curl basic auth', () => {
  it('finds a password quoted on its own, and a token given as the user name', () => {
    expect(hits("curl --user deploy:'Hq7vN2xR9kLm' https://api.example.io")).toContainEqual([
      'curl-basic-auth',
      'Hq7vN2xR9kLm',
    ]);
    expect(hits('curl -u "Tz8Kq2Vn5Wx9Pd3R:" https://api.example.io')).toContainEqual([
      'curl-basic-auth',
      'Tz8Kq2Vn5Wx9Pd3R',
    ]);
  });

  it('does not report the names of credentials as credentials', () => {
    for (const t of [
      'curl -u username:token https://x.io',
      'curl -u <user:password> https://x.io',
      'curl --user user:pass --digest https://x.io',
      'curl -u your_token: https://x.io',
      'curl -u abcdefghijkl: https://x.io',
    ])
      expect(typesOf(t)).not.toContain('curl-basic-auth');
  });
});

/** regression: issue 12 */
describe('Cloudinary URL', () => {
  it('finds the API secret of a cloudinary:// URL', () => {
    const secret = 'Xa9_kP2mQ7vL4nR8tW1yZ5cB3dE';
    expect(hits(`CLOUDINARY_URL=cloudinary://483920174652831:${secret}@demo-cloud`)).toContainEqual(
      ['cloudinary-url', secret],
    );
  });

  it('needs the numeric key and the cloud name', () => {
    expect(typesOf('cloudinary://apikey:Xa9kP2mQ7vL4nR8tW1yZ5cB3dE@demo')).not.toContain(
      'cloudinary-url',
    );
    expect(typesOf('cloudinary://483920174652831:Xa9kP2mQ7vL4nR8tW1yZ5cB3dE')).not.toContain(
      'cloudinary-url',
    );
  });
});

/** regression: issue 12 */
describe('Sidekiq commercial gem credentials', () => {
  it('finds user:password of eight hex digits each for contribsys', () => {
    expect(hits('export BUNDLE_GEMS__CONTRIBSYS__COM=4f2a9c1e:7b3d05e8')).toContainEqual([
      'sidekiq-credentials',
      '4f2a9c1e:7b3d05e8',
    ]);
    expect(typesOf('bundle config --local enterprise.contribsys.com 9e1c4b7a:02f8d6c3')).toContain(
      'sidekiq-credentials',
    );
  });

  it('needs the hex layout and the contribsys name', () => {
    expect(typesOf('BUNDLE_GEMS__CONTRIBSYS__COM=user:password')).not.toContain(
      'sidekiq-credentials',
    );
    expect(typesOf('BUNDLE_GEMS__EXAMPLE__COM=4f2a9c1e:7b3d05e8')).not.toContain(
      'sidekiq-credentials',
    );
  });
});

/** regression: issue 12 */
describe('Laravel Sanctum token', () => {
  const random40 = 'pQ3rT7vX1zB5nM9kL2hG6fD4sA8wE0yU3iO7cJ1b';

  it('finds <id>|<40 random characters>, with or without the CRC32 suffix', () => {
    expect(hits(`Authorization: Bearer 17|${random40}`)).toContainEqual([
      'laravel-sanctum-token',
      random40,
    ]);
    expect(typesOf(`token 3|${random40}0a1b2c3d`)).toContain('laravel-sanctum-token');
  });

  it('does not report a table cell or a single-case word run', () => {
    expect(typesOf('| 17|abcdefghijklmnopqrstuvwxyzabcdefghijklmn |')).not.toContain(
      'laravel-sanctum-token',
    );
    expect(typesOf(`a|${random40}`)).not.toContain('laravel-sanctum-token');
  });
});
