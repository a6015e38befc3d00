/**
 * The first view loads only what it shows (docs/decisions.md): its JavaScript stays within
 * 120.5 kB gzipped, and the tour, the training panels and the recording view load when opened.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { openPage } from './helpers';

// 120.5 kB since the explanations' triggers (issue 16, docs/decisions.md): 120.1 kB measured.
const BUDGET_GZIPPED = 120.5 * 1024;

test('the first view loads at most 120.5 kB of gzipped JavaScript, none of the lazy parts', async ({
  page,
}) => {
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    const url = response.url();
    // The engine's worker and its kernel helper threads run beside the page: their code is not
    // the page's first load.
    if (!url.endsWith('.js') || /engine\.worker|kernel-helper\.worker/.test(url)) return;
    scripts.set(url, gzipSync(await response.body()).length);
  });
  await openPage(page);
  const names = [...scripts.keys()].map((url) => url.slice(url.lastIndexOf('/') + 1));
  for (const lazy of ['TourPanel', 'TrainingPanels', 'RecordingView', 'exports'])
    expect(
      names.some((name) => name.startsWith(lazy)),
      `${lazy} loaded at first`,
    ).toBe(false);
  const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
  console.log(`first view: ${names.length} scripts, ${(total / 1024).toFixed(1)} kB gzipped`);
  expect(total).toBeLessThanOrEqual(BUDGET_GZIPPED);

  await page.getByRole('button', { name: 'Lecture tour' }).click();
  await expect.poll(() => [...scripts.keys()].some((url) => url.includes('/TourPanel'))).toBe(true);
});
