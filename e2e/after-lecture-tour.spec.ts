/**
 * The tour's chapter after the lecture: each step under the chapter's heading, its verdict
 * reproduced, its control not, its figure drawn inside the chart's frame.
 */
import { expect, type Locator, test } from '@playwright/test';
import { CHAPTERS, CLAIMS } from '../src/engine/claims';
import { openPage, waitReady } from './helpers';

const AFTER = CLAIMS.filter((claim) => claim.chapter === 'after-lecture');
const TITLE = CHAPTERS.find((chapter) => chapter.id === 'after-lecture')!.title;

/** The texts of each svg inside `figures` that reach past the svg's left or right edge. */
async function labelsOutside(figures: Locator): Promise<string[]> {
  return figures.evaluate((root) =>
    [...root.querySelectorAll('svg')].flatMap((svg) => {
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')]
        .filter((text) => {
          const box = text.getBoundingClientRect();
          return box.width > 0 && (box.left < frame.left - 0.5 || box.right > frame.right + 0.5);
        })
        .map((text) => text.textContent ?? '');
    }),
  );
}

test('the chapter after the lecture: verdicts, controls and figures', async ({ page }) => {
  test.setTimeout(300_000);
  expect(AFTER.map((claim) => claim.id)).toEqual([
    'he2016-degradation',
    'residual-gradients-reach-the-bottom',
    'residual-variance-grows',
    'layernorm-batch-of-one',
    'dropout-reduces-overfitting',
  ]);
  await openPage(page, `?tour=${AFTER[0].id}&layers=2&width=20&input=20&batch=50`);
  for (const [index, claim] of AFTER.entries()) {
    await expect(page).toHaveURL(new RegExp(`tour=${claim.id}`));
    await expect(page.locator('.tour-chapter')).toContainText(TITLE);
    await expect(page.getByTestId(`claim-${claim.id}`)).toHaveAttribute('data-reproduced', 'true', {
      timeout: 60_000,
    });
    await expect(page.getByTestId(`control-${claim.id}`)).toHaveAttribute(
      'data-reproduced',
      'false',
      { timeout: 60_000 },
    );
    const figures = page.getByTestId(`paper-figures-${claim.id}`);
    await expect(figures.locator('svg').first()).toHaveAttribute('aria-label', /.+/);
    await expect(figures.locator('svg path').first()).toBeAttached();
    expect(await labelsOutside(figures), 'axis labels cut off at the chart edge').toEqual([]);
    await page
      .getByLabel('Lecture tour step')
      .screenshot({ path: `test-results/screens/after-${claim.id}.png` });
    if (index < AFTER.length - 1) await page.getByRole('button', { name: 'Next →' }).click();
  }
});

test('Show me sets the new controls: residual α = 1 at 100 layers, then its control α = 1/√L', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const byLabel = (label: string) => page.getByLabel(label, { exact: true });
  await openPage(page, '?tour=residual-variance-grows');
  await page.getByRole('button', { name: 'Show me', exact: true }).click();
  await waitReady(page);
  await expect(byLabel('Residual connections')).toBeChecked();
  await expect(byLabel('Branch scale')).toHaveValue('one');
  await expect(page.getByTestId(/^layer-\d+$/)).toHaveCount(100);
  await page.getByRole('button', { name: 'Show me the control' }).click();
  await waitReady(page);
  await expect(byLabel('Branch scale')).toHaveValue('inv-sqrt-depth');
  await page.getByRole('button', { name: 'Next →' }).click();
  // The layer-norm scene trains at once.
  await page.getByRole('button', { name: 'Show me', exact: true }).click();
  await expect(page.locator('.app')).toHaveAttribute('data-status', /ready|training/);
  await expect(byLabel('Residual connections')).not.toBeChecked();
  await expect(byLabel('Normalization')).toHaveValue('layer');
  await expect(byLabel('Dataset')).toHaveValue('spiral');
});
