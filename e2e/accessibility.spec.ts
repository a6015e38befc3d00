/**
 * An axe scan with no serious or critical violations (light, dark, ReLU + He), charts with a text
 * alternative, and the statistics table listing every layer.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { allStats, layerPanels, shot, signature, waitChanged, waitReady } from './helpers';

async function seriousViolations(page: Page) {
  // Scan the settled page: the gradient charts fade in (a CSS transition) as a pass ends.
  await page.waitForFunction(() => document.getAnimations().length === 0);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
}

/** Every chart (svg role=img) names what it shows. */
async function expectChartsLabelled(page: Page) {
  const charts = page.locator('svg[role="img"]');
  const labels = await charts.evaluateAll((svgs) =>
    svgs.map((s) => (s.getAttribute('aria-label') ?? '').trim()),
  );
  // Two histograms per layer and the depth chart.
  const layers = await layerPanels(page).count();
  expect(labels.length).toBeGreaterThanOrEqual(2 * layers + 1);
  expect(labels.filter((l) => l.length === 0)).toEqual([]);
  expect(
    labels.filter((l) => /computing/.test(l)),
    'charts still computing when ready',
  ).toEqual([]);
}

test('the default page (the lecture) has no serious or critical violations', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  expect(await seriousViolations(page)).toEqual([]);
  await expectChartsLabelled(page);
});

test('after switching to ReLU + He: no serious or critical violations', async ({ page }) => {
  await page.goto('./?layers=6&width=100&batch=200&input=100');
  await waitReady(page);
  let before = await signature(page);
  await page.getByLabel('Activation').selectOption('relu');
  await waitChanged(page, before);
  before = await signature(page);
  await page.getByLabel('Initialization').selectOption('he');
  await waitChanged(page, before);
  expect(await seriousViolations(page)).toEqual([]);
  await expectChartsLabelled(page);
  await shot(page, 'a11y-relu-he');
});

test('dark colour scheme: no serious or critical violations, and it is really dark', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./?init=large&layers=6&width=100&batch=200&input=100');
  await waitReady(page);
  const background = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r + g + b, `page background ${background}`).toBeLessThan(150);
  // An alert and the open table are part of the dark page too.
  await page.getByText('Statistics table').click();
  await page.getByLabel('Units per layer').fill('0');
  await page.getByLabel('Units per layer').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Units per layer');
  expect(await seriousViolations(page)).toEqual([]);
  await expectChartsLabelled(page);
  await shot(page, 'a11y-dark');
});

test('the statistics table lists every layer with the same numbers as the panels', async ({
  page,
}) => {
  await page.goto('./?act=relu&init=xavier&layers=7&width=100&batch=200&input=100');
  await waitReady(page);
  const details = page.locator('details', { has: page.getByText('Statistics table') });
  await expect(details).not.toHaveAttribute('open', /.*/);
  await page.getByText('Statistics table').click();
  await expect(details).toHaveAttribute('open', '');
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(7);
  const stds = await allStats(page);
  const headers = await table.locator('thead th').allTextContents();
  const actStdColumn = headers.findIndex((h) => /^act std$/i.test(h.trim()));
  expect(actStdColumn, `columns: ${headers.join(' | ')}`).toBeGreaterThan(0);
  for (let n = 1; n <= 7; n++) {
    const row = rows.nth(n - 1);
    await expect(row.getByRole('rowheader')).toHaveText(String(n));
    const cells = await row.locator('th, td').allTextContents();
    // Every measured column is filled once the page is ready, except "saturated", which does not
    // apply to ReLU (the table shows – there, as the panels leave it out).
    const saturatedColumn = headers.findIndex((h) => /^saturated$/i.test(h.trim()));
    expect(
      cells
        .slice(1)
        .filter((c, i) => i + 1 !== saturatedColumn && (c.trim() === '–' || c.trim() === '')),
      `row ${n}: ${cells.join(' | ')}`,
    ).toEqual([]);
    expect(cells[saturatedColumn]).toBe('–');
    const shown = Number(cells[actStdColumn]);
    const actual = Number(stds[n - 1]);
    expect(
      Math.abs(shown - actual) / actual,
      `layer ${n} act std ${cells[actStdColumn]} vs ${actual}`,
    ).toBeLessThan(0.01);
  }
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'a11y-stats-table');
  // The table follows a change of depth.
  const before = await signature(page);
  await page.getByLabel('Layers', { exact: true }).fill('3');
  await page.getByLabel('Layers', { exact: true }).press('Enter');
  await waitChanged(page, before);
  await expect(rows).toHaveCount(3);
});
