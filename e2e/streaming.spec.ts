/**
 * Streaming and stale work: changes made faster than the engine answers end on the last choice's
 * statistics, and the page never shows an older request's results as ready.
 */
import { expect, test } from '@playwright/test';
import { allStats, layerPanels, layerStat, shot, signature, waitReady } from './helpers';

interface Snapshot {
  init: string;
  act10: number;
  sat10: number;
  panels: number;
}

test('Initialization changed several times in quick succession ends on the last choice (Xavier)', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  // Record, at every moment the page says "ready", what the controls show and what layer 10 says.
  await page.evaluate(() => {
    const w = window as unknown as { readySnapshots: unknown[] };
    w.readySnapshots = [];
    const app = document.querySelector('.app')!;
    new MutationObserver(() => {
      if (app.getAttribute('data-status') !== 'ready') return;
      const panel = document.querySelector('[data-testid="layer-10"]');
      const init = [...document.querySelectorAll('label')].find(
        (l) => l.textContent === 'Initialization',
      )?.control as HTMLSelectElement | undefined;
      w.readySnapshots.push({
        init: init?.value ?? '',
        act10: Number(panel?.getAttribute('data-act-std')),
        sat10: Number(panel?.getAttribute('data-saturated')),
        panels: document.querySelectorAll('[data-testid^="layer-"]').length,
      });
    }).observe(app, { attributes: true, attributeFilter: ['data-status'] });
  });

  const init = page.getByLabel('Initialization');
  // small (the default) → large → small → large → xavier, without waiting for any pass.
  await init.selectOption('large');
  await init.selectOption('small');
  await init.selectOption('large');
  await init.selectOption('xavier');
  await expect(page).toHaveURL(/init=xavier/);
  await waitReady(page);

  const act10 = await layerStat(page, 10, 'act-std');
  expect(act10).toBeGreaterThan(0.18);
  expect(act10).toBeLessThan(0.3);
  for (let n = 1; n <= 10; n++) expect(await layerStat(page, n, 'saturated')).toBeLessThan(0.2);
  for (let n = 1; n <= 10; n++) expect(await layerStat(page, n, 'grad-std')).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'Diagnosis' })).not.toContainText(
    /saturated|collapse/i,
  );
  await shot(page, 'stream-rapid-init-xavier');

  // Let any late message land, then check nothing older replaced the answer.
  const settled = await signature(page);
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  expect(await signature(page)).toBe(settled);

  // Every "ready" the page showed matched the choice on screen at that moment.
  const snapshots = await page.evaluate(
    () => (window as unknown as { readySnapshots: Snapshot[] }).readySnapshots,
  );
  test.info().annotations.push({ type: 'ready snapshots', description: JSON.stringify(snapshots) });
  expect(snapshots.length).toBeGreaterThan(0);
  expect(snapshots.at(-1)!.init).toBe('xavier');
  for (const s of snapshots) {
    if (s.init === 'xavier') expect(s.act10, JSON.stringify(s)).toBeGreaterThan(0.18);
    if (s.init === 'large') expect(s.sat10, JSON.stringify(s)).toBeGreaterThan(0.85);
    if (s.init === 'small') expect(s.act10, JSON.stringify(s)).toBeLessThan(1e-5);
  }
});

test('Layers typed in quick succession: the panels and statistics are those of the last value', async ({
  page,
  context,
}) => {
  await page.goto('./?act=relu&init=he&layers=4&width=200&batch=400&input=200');
  await waitReady(page);
  const layers = page.getByLabel('Layers', { exact: true });
  for (const value of ['12', '6', '9', '5']) {
    await layers.fill(value);
    await layers.press('Enter');
  }
  await page.getByLabel('Activation').selectOption('tanh');
  await page.getByLabel('Initialization').selectOption('xavier');
  await expect(page).toHaveURL(/layers=5&/);
  await waitReady(page);
  await expect(layerPanels(page)).toHaveCount(5);
  const stds = await allStats(page);
  const grads = await allStats(page, 'grad-std');
  await shot(page, 'stream-rapid-layers');

  // A fresh page with the same link computes the same numbers: nothing stale was kept.
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await waitReady(fresh);
  expect(await allStats(fresh)).toEqual(stds);
  expect(await allStats(fresh, 'grad-std')).toEqual(grads);
});
