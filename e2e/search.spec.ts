/** Hyperparameter search: random against grid, with progress, Cancel, coarse to fine and CSV. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openPage } from './helpers';

test('random and grid search run side by side; coarse to fine zooms in; the table exports', async ({
  page,
}) => {
  await openPage(page, '?data=spiral&act=relu&init=he&layers=2&width=32&batch=32');
  const panel = page.locator('section.search');
  await page.getByRole('button', { name: 'Run search' }).click();
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
  await expect(panel).toHaveAttribute('data-done', '32');
  await expect(panel.getByRole('status')).toContainText(
    /best validation accuracy: grid \d+ %, random \d+ %/,
  );
  await expect(panel.locator('svg')).toHaveAttribute(
    'aria-label',
    /4 against 16 distinct learning rates/,
  );
  await page.screenshot({ path: 'test-results/screens/search.png', fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Trials CSV' }).click(),
  ]);
  const lines = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(lines).toHaveLength(33);
  expect(lines[0].split(',')).toHaveLength(5);

  // A wider network makes each trial slow enough to cancel mid-way.
  await page.getByLabel('Units per layer').fill('512');
  await page.getByLabel('Units per layer').press('Enter');
  await page.getByRole('button', { name: 'Coarse to fine' }).click();
  await expect(panel).toHaveAttribute('data-running', 'true');
  await page.getByRole('button', { name: 'Cancel search' }).click();
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 15_000 });
  expect(Number(await panel.getAttribute('data-done'))).toBeLessThan(32);
});
