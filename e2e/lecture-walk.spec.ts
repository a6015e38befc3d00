/**
 * The walk a student takes through lecture 6, through the labelled controls, asserting the
 * statistics each panel carries and that the panels are drawn.
 */
import { expect, test } from '@playwright/test';
import { layer, layerStat, openPage, waitReady } from './helpers';

test('the default is the lecture: 10 tanh layers with small weights, collapsing', async ({
  page,
}) => {
  const errors = await openPage(page);
  await expect(page.getByTestId(/^layer-\d+$/)).toHaveCount(10);
  await expect(page.getByLabel('Activation')).toHaveValue('tanh');
  await expect(page.getByLabel('Initialization')).toHaveValue('small');
  expect(await layerStat(page, 5, 'act-std')).toBeLessThan(1e-3);
  expect(await layerStat(page, 10, 'act-std')).toBeLessThan(1e-5);
  expect(await layerStat(page, 10, 'grad-std')).toBeGreaterThan(0);
  await expect(page.getByText(/collapse/i).first()).toBeVisible();
  // Every panel has drawn its histograms.
  for (let n = 1; n <= 10; n++)
    await expect(layer(page, n).locator('svg rect, svg path').first()).toBeAttached();
  await page.screenshot({ path: 'test-results/screens/lecture-default.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('large weights saturate every layer; Xavier keeps tanh healthy', async ({ page }) => {
  await openPage(page);
  await page.getByLabel('Initialization').selectOption('large');
  await waitReady(page);
  for (let n = 1; n <= 10; n++) expect(await layerStat(page, n, 'saturated')).toBeGreaterThan(0.85);
  await expect(page.getByText(/% of units saturated/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/tanh-large.png', fullPage: true });

  await page.getByLabel('Initialization').selectOption('xavier');
  await waitReady(page);
  const first = await layerStat(page, 1, 'act-std');
  const last = await layerStat(page, 10, 'act-std');
  expect(first).toBeGreaterThan(0.55);
  expect(first).toBeLessThan(0.7);
  expect(last).toBeGreaterThan(0.18);
  expect(last).toBeLessThan(0.3);
  await page.screenshot({ path: 'test-results/screens/tanh-xavier.png', fullPage: true });
});

test('ReLU: Xavier collapses with depth, He fixes it; the diagnosis offers the fix', async ({
  page,
}) => {
  await openPage(page, '?act=relu&init=xavier');
  expect(
    (await layerStat(page, 10, 'act-std')) / (await layerStat(page, 1, 'act-std')),
  ).toBeLessThan(0.1);
  await page.getByRole('button', { name: /He/ }).click();
  await waitReady(page);
  await expect(page.getByLabel('Initialization')).toHaveValue('he');
  expect(
    (await layerStat(page, 10, 'act-std')) / (await layerStat(page, 1, 'act-std')),
  ).toBeGreaterThan(0.6);
  await page.screenshot({ path: 'test-results/screens/relu-he.png', fullPage: true });
});

test('batch normalization brings every layer back to unit Gaussian, whatever the init', async ({
  page,
}) => {
  await openPage(page, '?init=large');
  await page.getByLabel('Normalization', { exact: true }).selectOption('batch');
  await waitReady(page);
  for (let n = 1; n <= 10; n++) {
    const std = await layerStat(page, n, 'preact-std');
    expect(std).toBeGreaterThan(0.99);
    expect(std).toBeLessThan(1.01);
  }
  await page.screenshot({ path: 'test-results/screens/tanh-large-bn.png', fullPage: true });
});

test('the gradient axis switches between linear and log10 |g|', async ({ page }) => {
  await openPage(page);
  const label = () => layer(page, 10).locator('svg').nth(1).getAttribute('aria-label');
  expect(await label()).toMatch(/linear/);
  await page.getByLabel('log₁₀ |g|').check();
  await expect.poll(label).toMatch(/log/);
  await expect(page).toHaveURL(/grad=log/);
  await page.screenshot({ path: 'test-results/screens/grad-log.png', fullPage: true });
});
