import { describe, expect, it } from 'vitest';
import { scanSecrets } from '../index.js';

// Made-up credentials; each form is one a config file, shell history or script really takes.
const PW = 'Tq4vL8zWm2Rx';
const TOKEN = 'Zp3kW8qLm5Nv2Xc7Rb9TyH4d';
const UUID = '5c1f8e27-93ab-4d06-b8e1-7a2f4c9d03b6';

/** The secret values found in `text`. */
function values(text: string): string[] {
  return scanSecrets(text).map((f) => text.slice(f.start, f.end));
}

describe('credentials in config and command-line forms', () => {
  const hits: Array<[string, string]> = [
    [`machine ftp.example.net login deploy password ${PW}`, PW],
    [`machine git.example.org\n  login ci-bot\n  password ${PW}\n`, PW],
    [`<add key="SmtpPassword" value="${PW}" />`, PW],
    [`<add key="Stripe.ApiKey" value="${TOKEN}"/>`, TOKEN],
    [`$secure = ConvertTo-SecureString "${PW}" -AsPlainText -Force`, PW],
    [`ConvertTo-SecureString -String '${PW}' -AsPlainText -Force`, PW],
    [`mysql -h db.internal -u root -p${PW} shop`, PW],
    [`mysqldump -uadmin -p'${PW}' --all-databases > all.sql`, PW],
    [`sshpass -p '${PW}' ssh admin@10.1.2.3`, PW],
    [`redis-cli -h cache.internal -p 6380 -a ${PW} ping`, PW],
    [`api_token <- "${TOKEN}"`, TOKEN],
    [`const crm = new HubSpotAPI("${UUID}");`, UUID],
    [`client = MailClient('${TOKEN}')`, TOKEN],
    // A prefixed token with a dot is not an `object.member` expression.
    ['token: s.Qm7vR2xK9pLw4Tz8Yb3Nc5Hd', 's.Qm7vR2xK9pLw4Tz8Yb3Nc5Hd'],
  ];
  for (const [text, value] of hits) {
    it(`finds the value in: ${text.slice(0, 50)}`, () => {
      expect(values(text)).toContain(value);
    });
  }

  const misses: string[] = [
    // A space after -p makes MySQL prompt; the next word is the database.
    'mysql -u root -p shop_production',
    // -p on a line with no MySQL client is some other tool's flag.
    `rsync -p${PW} src/ dest/`,
    'machine ftp.example.net login deploy password $NETRC_PASSWORD',
    '<add key="SmtpPassword" value="#{SmtpPassword}" />',
    '<add key="PageSize" value="Tq4vL8zWm2Rx" />',
    '$secure = Read-Host -AsSecureString',
    'sshpass -p "$SSHPASS" ssh admin@10.1.2.3',
    'redis-cli -a password ping',
    'const c = new HttpClient("orders-service-primary");',
    'const api = new RestAPI("https://api.example.com/v2");',
    'token: config.SessionTokenV2Provider',
  ];
  for (const text of misses) {
    it(`reports nothing in: ${text.slice(0, 50)}`, () => {
      expect(values(text)).toEqual([]);
    });
  }

  it('a key in a URL query ends at the next parameter', () => {
    const text = `GET https://api.example.com/v1/items?api_key=${TOKEN}&limit=5&page=2`;
    expect(values(text)).toEqual([TOKEN]);
  });

  it('a provider token with the alphabet typed in order is filler, not a key', () => {
    const real = `sk-ant-api03-${'Qm7vR2xK9pLw4Tz8Yb3Nc5Hd'.repeat(4)}AA`;
    const filler = `sk-ant-api03-${'Qm7vR2xK9pLw4Tz8Yb3Nc5Hd'.repeat(3)}abcdghijklmnopqrstuvwxyzAA`;
    expect(values(real)).toEqual([real]);
    expect(values(filler)).toEqual([]);
  });
});
