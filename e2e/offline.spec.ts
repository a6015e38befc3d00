/**
 * The service worker (src/offline/): on a static host that sends no isolation headers, from a
 * sub-path, the first visit installs it and reloads once into a cross-origin isolated page; with
 * the host gone and the browser offline, a reload still probes, trains on the digits and walks
 * the tour; a new deploy is announced. The other specs block service workers
 * (playwright.config.ts), so none of them sees a cached build.
 */
import { expect, type Page, test } from '@playwright/test';
import { SMALL, signature, waitChanged, waitReady } from './helpers';
import { type StaticHost, startStaticHost } from './static-host';

test.use({ serviceWorkers: 'allow' });

let host: StaticHost;
test.beforeEach(async () => {
  host = await startStaticHost();
});
test.afterEach(async () => {
  await host.close();
});

const isolated = (page: Page) => page.locator('html');
const stepCount = async (page: Page) => Number(await page.getByTestId('train-step').textContent());

/** The first visit: the worker installs, takes control, and the page reloads once, isolated. */
async function firstVisit(page: Page, search = `?${SMALL}`): Promise<void> {
  await page.goto(host.url + search);
  await expect(isolated(page)).toHaveAttribute('data-cross-origin-isolated', 'true', {
    timeout: 30_000,
  });
  await waitReady(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
    `${host.url}sw.js`,
  );
  expect(await page.evaluate(() => sessionStorage.getItem('activation-lab-isolation-reload'))).toBe(
    '1',
  );
}

test('after the first visit the page works offline: probe, train on the digits, tour', async ({
  page,
  context,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await firstVisit(page);

  await host.close();
  await context.setOffline(true);
  const before = host.requested.length;
  await page.reload();
  await waitReady(page);
  await expect(isolated(page)).toHaveAttribute('data-cross-origin-isolated', 'true');
  expect(host.requested.length).toBe(before);

  const probe = await signature(page);
  await page.getByLabel('Activation', { exact: true }).selectOption('relu');
  await waitChanged(page, probe);

  // The digits (7.8 MB) come from the cache too.
  await page.getByLabel('Dataset', { exact: true }).selectOption('digits');
  await expect(page.getByRole('heading', { name: /Training on/ })).toBeVisible();
  for (let step = 1; step <= 3; step++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepCount(page)).toBe(step);
  }
  expect(Number(await page.getByTestId('train-loss').textContent())).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Lecture tour' }).click();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/tour=/);
  await page.getByRole('button', { name: 'Show me', exact: true }).click();
  await waitReady(page);
  expect(errors).toEqual([]);
});

test('a new deploy takes over and says so; the unchanged digits are not downloaded again', async ({
  page,
}) => {
  await firstVisit(page);
  const digitsBefore = host.requested.filter((path) => path === 'digits.bin').length;
  host.rewriteServiceWorker((text) => text.replace(/const VERSION = '(\w+)'/, "$&+'-next'"));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const notice = page.getByRole('status').filter({ hasText: /new version/ });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();
  expect(host.requested.filter((path) => path === 'digits.bin').length).toBe(digitsBefore);
  const caches = await page.evaluate(() => globalThis.caches.keys());
  expect(caches.filter((name) => name.endsWith('-next'))).toHaveLength(1);
});
