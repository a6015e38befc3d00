/**
 * The engine's threads in the page: the preview server is cross-origin isolated, so the kernels
 * run on helper threads (?threads=N, default the cores) and the status line says how many; the
 * statistics are the same to the last digit on one thread and on two; a host without isolation
 * (and no service worker to add it) runs on one thread and says why.
 */
import { expect, test, type Page } from '@playwright/test';
import { allStats, openPage, waitReady } from './helpers';
import { startStaticHost } from './static-host';

const engineLine = (page: Page) => page.locator('header .engine');

/** Every layer's activation and gradient statistics, as the panels carry them. */
async function statistics(page: Page): Promise<string[]> {
  const stats: string[] = [];
  for (const name of ['act-std', 'act-mean', 'grad-std', 'saturated', 'dead']) {
    stats.push(...(await allStats(page, name)).map((v) => `${name}:${v}`));
  }
  return stats;
}

test('the lecture network on 1 and on 2 threads: same statistics, the status line says which', async ({
  page,
}) => {
  // 10 layers of 500 units at batch 1,000: every product is cut into parts on two threads.
  const errors = await openPage(page, '?threads=2');
  await expect(engineLine(page)).toContainText(/engine wasm \([\w-]+, 2 threads\)/);
  const onTwo = await statistics(page);
  expect(onTwo.length).toBeGreaterThanOrEqual(50);
  expect(onTwo.every((s) => !s.endsWith(':null'))).toBe(true);

  await page.goto('./?threads=1');
  await waitReady(page);
  await expect(engineLine(page)).toContainText(/engine wasm \([\w-]+, 1 thread\)/);
  expect(await statistics(page)).toEqual(onTwo);

  // Without ?threads the page takes the machine's cores.
  await page.goto('./');
  await waitReady(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(engineLine(page)).toContainText(`${cores} thread`);
  expect(errors).toEqual([]);
});

test.describe('a host without cross-origin isolation', () => {
  test.use({ serviceWorkers: 'block' });

  test('runs on one thread and says why', async ({ page }) => {
    const host = await startStaticHost();
    try {
      await page.goto(`${host.url}?threads=4&layers=4&width=100&batch=200&input=100`);
      await waitReady(page);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      await expect(engineLine(page)).toContainText(/engine wasm \([\w-]+, 1 thread\)/);
      await expect(engineLine(page)).toHaveAttribute('title', /cross-origin isolated/);
      expect((await allStats(page)).every((v) => v !== null)).toBe(true);
    } finally {
      await host.close();
    }
  });
});
