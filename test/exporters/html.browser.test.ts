/**
 * The exported site in a real browser: Debian's chromium driven by
 * playwright-core, from file:// (no server). Skipped with the reason when
 * chromium is missing, unless NOTES_REQUIRE_EXTERNAL=1 (CI), where it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { copyOf, FIXTURES, run } from '../helpers/run.js';

const CHROMIUM = process.env.NOTES_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const need = hasChromium || !!process.env.NOTES_REQUIRE_EXTERNAL;
if (!need) console.warn(`skipping browser tests: ${CHROMIUM} not found (install chromium, or set NOTES_CHROMIUM)`);

describe.skipIf(!need)(`exported site in chromium (${hasChromium ? CHROMIUM : `${CHROMIUM} missing`})`, () => {
  let browser: Browser;
  let site: string;
  let cleanup: () => void;

  beforeAll(async () => {
    const nb = copyOf(join(FIXTURES, 'export-visits'));
    cleanup = nb.cleanup;
    const r = await run(['--dir', nb.dir, 'export', '--html', '--out', 'site'], { cwd: nb.dir });
    expect(r.code).toBe(0);
    site = join(nb.dir, 'site');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    cleanup?.();
  });

  /** A page that records dialogs, page errors, console errors and any request that is not file://. */
  async function open(path: string) {
    const page: Page = await browser.newPage();
    const events: string[] = [];
    page.on('dialog', (d) => { events.push(`dialog: ${d.message()}`); void d.dismiss(); });
    page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') events.push(`console ${m.type()}: ${m.text()}`); });
    page.on('request', (req) => { if (!req.url().startsWith('file://')) events.push(`network: ${req.url()}`); });
    await page.goto(pathToFileURL(join(site, path)).href);
    return { page, events };
  }

  it('opens index.html and follows a link to a day, then to the next day', async () => {
    const { page, events } = await open('index.html');
    await page.getByRole('link', { name: 'One', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/notes\/ess-2023\/day-1\.html$/);
    expect(await page.locator('h1').first().innerText()).toBe('One');
    await page.locator('a[rel=next]').click();
    await expect.poll(() => page.url()).toMatch(/day-2\.html$/);
    expect(await page.locator('link[rel=stylesheet]').evaluate((l: HTMLLinkElement) => !!l.sheet)).toBe(true);
    expect(events).toEqual([]);
    await page.close();
  });

  it('finds the right note for a misspelt word typed in the search box', async () => {
    const { page, events } = await open('index.html');
    await page.locator('#notes-q').fill('cryostst');
    const first = page.locator('#notes-results li a').first();
    await expect.poll(() => first.textContent({ timeout: 1000 }).catch(() => null), { timeout: 5000 }).toBe('Beamline tour');
    expect(await page.locator('#notes-results li').count()).toBe(1);
    await first.click();
    await expect.poll(() => page.url()).toMatch(/notes\/maxiv-2024\/day-1\.html$/);
    expect(events).toEqual([]);
    await page.close();
  });

  it('searches from another page through the header form (?q=)', async () => {
    const { page, events } = await open('notes/ess-2023/day-3.html');
    await page.locator('form.search input').fill('epcis');
    await page.locator('form.search input').press('Enter');
    await expect.poll(() => page.locator('#notes-results li a').first().textContent({ timeout: 1000 }).catch(() => null), { timeout: 5000 }).toBe('Three');
    expect(events).toEqual([]);
    await page.close();
  });

  it('opens people.html from the index and follows a person\'s day link', async () => {
    const { page, events } = await open('index.html');
    await page.locator('.home-links').getByRole('link', { name: 'People met' }).click();
    await expect.poll(() => page.url()).toMatch(/\/people\.html$/);
    expect(await page.locator('h1').first().innerText()).toBe('People met');
    const cy = page.locator('#person-cy-person');
    expect(await cy.locator('strong').innerText()).toBe('Cy Person');
    expect(await cy.locator('a[href^="mailto:"]').getAttribute('href')).toBe('mailto:cy.person@example.org');
    await cy.getByRole('link', { name: '2024-03-12 · Data management' }).click();
    await expect.poll(() => page.url()).toMatch(/notes\/maxiv-2024\/day-2\.html$/);
    expect(await page.locator('h1').first().innerText()).toBe('Data management');
    expect(events).toEqual([]);
    await page.close();
  });

  it('finds a person by a misspelt name in the search box and opens their row on people.html', async () => {
    const { page, events } = await open('index.html');
    await page.locator('#notes-q').fill('Dee Exampel');
    const first = page.locator('#notes-results li a').first();
    await expect.poll(() => first.textContent({ timeout: 1000 }).catch(() => null), { timeout: 5000 }).toBe('Dee Example');
    await first.click();
    await expect.poll(() => page.url()).toMatch(/people\.html#person-dee-example$/);
    expect(events).toEqual([]);
    await page.close();
  });

  it('opens follow-ups.html from the header: hostile text shows as text, links lead to the day', async () => {
    const { page, events } = await open('notes/ess-2023/day-1.html');
    await page.locator('.site-nav').getByRole('link', { name: 'Follow-ups' }).click();
    await expect.poll(() => page.url()).toMatch(/\/follow-ups\.html$/);
    const task = page.locator('li.followup.task').first();
    expect(await task.innerText()).toContain('Send the <script>alert(1)</script> ingestion notes');
    expect(await page.locator('main script').count()).toBe(0);
    await page.getByRole('link', { name: '2023-09-06 · Three' }).click();
    await expect.poll(() => page.url()).toMatch(/notes\/ess-2023\/day-3\.html$/);
    await page.waitForTimeout(200);
    expect(events).toEqual([]);
    await page.close();
  });

  it('runs nothing from a note holding <script> and <img onerror>: no dialog, no error', async () => {
    const { page, events } = await open('notes/ess-2023/day-2.html');
    const body = await page.locator('.body').innerText();
    expect(body).toContain('<script>alert(1)</script>');
    expect(body).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('.body script, .body img[onerror]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(events).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!need)('the Content-Security-Policy of the pages', () => {
  it('blocks an inline script that got into a page, and allows the site\'s own files', async () => {
    const { chromium } = await import('playwright-core');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { shell } = await import('../../src/exporters/html/layout.js');
    const dir = mkdtempSync(join(tmpdir(), 'notes-csp-'));
    try {
      writeFileSync(join(dir, 'page.html'), shell({ title: 't', site: 's', root: '', nav: [], main: '<p id="p">x</p><script>document.title = "ran"</script><img src="x" onerror="document.title = \'ran\'">', exportedAt: '2024-01-01T00:00:00Z', scripts: ['own.js'] }));
      writeFileSync(join(dir, 'own.js'), 'document.getElementById("p").textContent = "own script ran";');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
      try {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(join(dir, 'page.html')).href);
        await page.waitForTimeout(200);
        expect(await page.title()).not.toBe('ran');
        expect(await page.locator('#p').innerText()).toBe('own script ran');
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
