/**
 * Live training as a user drives it: Train, Pause, Step, Reset (replays the same run), the Dead
 * ReLUs demonstration, divergence with its alert and recovery, and the digits.
 */
import { expect, type Page, test } from '@playwright/test';
import { layerStat, openPage, waitReady } from './helpers';

const app = (page: Page) => page.locator('.app');
const stepCount = async (page: Page) => Number(await page.getByTestId('train-step').textContent());

test('train, pause, step and reset replays the same run', async ({ page }) => {
  await openPage(page, '?data=spiral&act=relu&init=he&layers=3&width=32&batch=32&lr=0.05');
  await expect(page.getByRole('heading', { name: /Training on Spiral/ })).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBe(1);
  const lossAfterOne = await page.getByTestId('train-loss').textContent();

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app(page)).toHaveAttribute('data-status', 'training');
  await expect.poll(() => stepCount(page)).toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(app(page)).toHaveAttribute('data-status', 'ready');
  const paused = await stepCount(page);
  await page.waitForTimeout(300);
  expect(await stepCount(page)).toBe(paused);
  await page.screenshot({ path: 'test-results/screens/training-spiral.png', fullPage: true });

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBe(0);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBe(1);
  await expect(page.getByTestId('train-loss')).toHaveText(lossAfterOne!);
});

test('Space trains and pauses, "." steps', async ({ page }) => {
  await openPage(page, '?data=xor&act=tanh&init=xavier&layers=2&width=16&batch=32&lr=0.1');
  await page.locator('body').press('.');
  await expect.poll(() => stepCount(page)).toBe(1);
  await page.locator('body').press(' ');
  await expect(app(page)).toHaveAttribute('data-status', 'training');
  await page.locator('body').press(' ');
  await expect(app(page)).toHaveAttribute('data-status', 'ready');
});

test('Dead ReLUs: the dead fraction climbs gradually while the neuron maps go dark', async ({
  page,
}) => {
  await openPage(page);
  await page.getByRole('button', { name: /Dead ReLUs/ }).click();
  await expect(page.getByLabel('Dataset')).toHaveValue('spiral');
  await waitReady(page);
  const deadFractions = () => Promise.all([1, 2, 3].map((n) => layerStat(page, n, 'dead')));
  const climb = async (start: number[]) =>
    Math.max(...(await deadFractions()).map((d, i) => d - start[i]));
  const start = await deadFractions();
  await page.screenshot({ path: 'test-results/screens/dead-relus-start.png', fullPage: true });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(20);
  const early = await climb(start);
  await expect.poll(() => climb(start), { timeout: 20_000 }).toBeGreaterThan(0.15);
  await expect.poll(() => climb(start), { timeout: 20_000 }).toBeGreaterThan(2 * early);
  await expect(page.getByText(/ReLUs are dying/)).toBeVisible();
  // The neuron maps count dead units too.
  expect(Number(await page.getByTestId('neuron-map-1').getAttribute('data-dead'))).toBeGreaterThan(
    start[0],
  );
  await page.screenshot({ path: 'test-results/screens/dead-relus.png', fullPage: true });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // The demonstration runs at 100 steps/s so the units die over seconds, not in a flash.
  expect(await stepCount(page)).toBeLessThan(3000);
});

test('a learning rate that diverges stops training with an alert; Reset recovers', async ({
  page,
}) => {
  await openPage(page, '?data=spiral&act=relu&init=he&layers=3&width=32&batch=32&lr=50');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/diverged|NaN/i, { timeout: 15_000 });
  await expect(app(page)).toHaveAttribute('data-status', 'ready');
  await page.screenshot({ path: 'test-results/screens/diverged.png', fullPage: true });
  await page.getByRole('button', { name: /Lower the learning rate/ }).click();
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('5');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBe(0);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});
