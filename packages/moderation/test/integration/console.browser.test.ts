/**
 * The console in a real headless Chromium (Debian `chromium`, driven by
 * playwright-core), against the real quarantine and audit, on 127.0.0.1.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, canary, hold, startWorld, type World } from './setup.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

let w: World;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    // A missing browser fails the run (never a skip), saying how to get one.
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's \`chromium\` (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  w = await startWorld();
  mkdirSync(ARTIFACTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'moderation-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 1366, height: 820 },
  });
});

afterAll(async () => {
  await context?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  await w?.close();
});

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

describe('moderation console in Chromium', () => {
  it('log in, open the queue, view content, release an item: it leaves the queue and its audit rows appear', async () => {
    const text = canary();
    const target = await hold(w, text, {
      tier: 'MODERATE',
      sourceId: 'post-42',
      labels: ['SECRET_STRIPE_KEY', 'PII_EMAIL'],
    });
    const other = await hold(w, canary(), { tier: 'HIGH', sourceId: 'post-43' });
    // An escalated record (UNDER_REVIEW) is part of the humans' queue too.
    const escalated = await hold(w, canary(), { tier: 'CRITICAL', sourceId: 'post-44' });
    await w.quarantine.updateStatus(escalated, 'UNDER_REVIEW', { reviewedBy: 'triage-bot' });
    const page = await context.newPage();
    const errors = watchErrors(page);

    const resp = await page.goto(`${w.url}/login/alice`);
    expect(resp?.status()).toBe(200);
    expect(resp?.headers()['content-security-policy']).toContain("script-src 'nonce-");
    const rows = page.locator('#queue tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, '1-queue.png'), fullPage: true });

    // Filters: tier HIGH shows only the other record.
    await page.getByLabel('Tier').selectOption('HIGH');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect
      .poll(() =>
        page
          .locator('#queue tbody tr')
          .evaluateAll((trs) =>
            trs.map((t) => (t as unknown as { dataset: { id?: string } }).dataset.id),
          ),
      )
      .toEqual([other]);
    await page.getByLabel('Tier').selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => rows.count()).toBe(3);

    // Open with the keyboard: focus the row's button and press Enter.
    await page.locator(`#queue tbody tr[data-id="${target}"] button`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#envelope').textContent()).toContain(target);
    expect(await page.locator('#matches').textContent()).toContain('sk_live_****');

    await page.getByRole('button', { name: 'View content' }).click();
    await expect.poll(() => page.locator('#content').textContent()).toBe(text);
    expect(await page.locator('#expiry').textContent()).toMatch(/expires at .+ \(in 300 s\)/);
    await expect.poll(() => page.locator('#history').textContent()).toContain('HUMAN_VIEW_CONTENT');
    await page.screenshot({ path: join(ARTIFACTS, '2-item-content.png'), fullPage: true });

    await page.getByLabel(/^Notes/).fill('Test key from the docs, safe to publish');
    await page.getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Item released.');
    await expect
      .poll(() =>
        page
          .locator('#queue tbody tr')
          .evaluateAll((trs) =>
            trs.map((t) => (t as unknown as { dataset: { id?: string } }).dataset.id),
          ),
      )
      .toEqual(expect.arrayContaining([other, escalated]));
    expect(await rows.count()).toBe(2);
    await expect.poll(() => page.locator('#history').textContent()).toContain('HUMAN_RELEASE');
    expect(await page.locator('#history').textContent()).toContain('Test key from the docs');
    await page.screenshot({ path: join(ARTIFACTS, '3-released.png'), fullPage: true });

    expect(w.published.map((p) => p.content)).toEqual([text]);
    expect((await auditRows(w, target)).map((r) => [r.eventType, r.actorId])).toEqual([
      ['HUMAN_VIEW_CONTENT', 'alice'],
      ['HUMAN_RELEASE', 'alice'],
    ]);
    // No CSP violation, no script error.
    expect(errors).toEqual([]);
    await page.close();
  });

  /** regression: issue 15 */
  it('a console left open past the CSRF token lifetime fetches a fresh token and still acts', async () => {
    const id = await hold(w, canary(), { tier: 'LOW', sourceId: 'post-45' });
    const page = await context.newPage();
    await page.goto(`${w.url}/login/alice`);
    await page.locator(`#queue tbody tr[data-id="${id}"] button`).click();
    await expect.poll(() => page.locator('#envelope').textContent()).toContain(id);
    const lifetime = 4 * 3_600_000 + 1;
    w.clock.advance(lifetime);
    try {
      await page.getByLabel(/^Notes/).fill('Spam, stale tab');
      await page.getByRole('button', { name: 'Delete' }).click();
      await expect.poll(() => page.locator('#status').textContent()).toBe('Item deleted.');
    } finally {
      w.clock.advance(-lifetime);
    }
    expect((await auditRows(w, id)).map((r) => [r.eventType, r.actorId])).toEqual([
      ['HUMAN_DELETE', 'alice'],
    ]);
    await page.close();
  });

  it('a non-admin session gets 403 and no console', async () => {
    const page = await context.newPage();
    await context.clearCookies();
    const resp = await page.goto(`${w.url}/login/mallory`);
    expect(resp?.status()).toBe(403);
    expect(await page.locator('#queue').count()).toBe(0);
    await page.close();
  });
});
