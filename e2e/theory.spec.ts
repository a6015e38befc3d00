/**
 * The depth chart's theory curve: drawn (dashed) where the mean-field theory applies, and where
 * it does not (zero weights, narrow layers, while training), no curve and the reason in words,
 * in the caption and in the chart's label.
 */
import { expect, type Page, test } from '@playwright/test';
import { openPage, SMALL } from './helpers';

/** Dashed lines of the depth chart that have something drawn (the theory's dash is "5 3"). */
async function drawnTheoryLines(page: Page): Promise<number> {
  return page
    .locator('.depth-chart svg path[stroke-dasharray="5 3"]')
    .evaluateAll((paths) => paths.filter((p) => (p.getAttribute('d') ?? '') !== '').length);
}

test('tanh + Xavier with a bias: the theory is drawn and captioned', async ({ page }) => {
  const errors = await openPage(page, `?${SMALL}&act=tanh&init=xavier&bias=0.5`);
  const chart = page.locator('.depth-chart');
  await expect(chart.getByText(/Dashed: mean-field theory/)).toBeVisible();
  await expect(page.getByTestId('no-theory')).toHaveCount(0);
  await expect(chart.locator('svg')).toHaveAttribute('aria-label', /theory for layer outputs/);
  expect(await drawnTheoryLines(page)).toBe(2);
  expect(errors).toEqual([]);
});

test('zero weights: no theory curve, and the page says why in words', async ({ page }) => {
  const errors = await openPage(page, `?${SMALL}&init=zeros`);
  const note = page.getByTestId('no-theory');
  await expect(note).toBeVisible();
  await expect(note).toContainText('No theory curve: the weights start at zero');
  await expect(page.locator('.depth-chart svg')).toHaveAttribute('aria-label', /No theory curve/);
  await expect(page.locator('.depth-chart').getByText('theory (dashed)')).toHaveCount(0);
  expect(await drawnTheoryLines(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('narrow layers: no theory curve, with the width it needs', async ({ page }) => {
  await openPage(page, '?layers=4&width=32&batch=200&input=100');
  await expect(page.getByTestId('no-theory')).toContainText('it needs 64 or more');
  expect(await drawnTheoryLines(page)).toBe(0);
});

test('training: the depth chart says the theory is for the network as initialized', async ({
  page,
}) => {
  await openPage(page, '?data=spiral&act=tanh&init=xavier&layers=3&width=100&batch=32');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('no-theory')).toContainText('No theory curve while training');
  expect(await drawnTheoryLines(page)).toBe(0);
});
