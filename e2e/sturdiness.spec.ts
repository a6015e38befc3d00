/**
 * Nothing breaks the page: a crashed worker is restarted with the state kept, normal use raises
 * no errors, absurd numbers (overflow, float32 underflow) are shown, not hidden.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  alertRegion,
  collectErrors,
  layer,
  layerPanels,
  SMALL,
  shot,
  signature,
  typeNumber,
  waitChanged,
  waitReady,
} from './helpers';

const crashWorker = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { activationLab: { crashWorker: () => void } }
    ).activationLab.crashWorker(),
  );

test('a crashed worker is restarted: a notice, then the same settings and statistics', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(`./?act=relu&init=he&${SMALL}`);
  await waitReady(page);
  const url = page.url();
  const before = await signature(page);

  await crashWorker(page);
  await expect(alertRegion(page)).toContainText(/restarted/i);
  await waitReady(page);
  await expect(layerPanels(page)).toHaveCount(4);
  expect(await signature(page)).toBe(before);
  expect(page.url()).toBe(url);
  await expect(page.getByLabel('Activation')).toHaveValue('relu');
  await expect(page.getByLabel('Initialization')).toHaveValue('he');
  await shot(page, 'sturdy-worker-restarted');

  // The restarted engine keeps answering changes.
  await page.getByLabel('Initialization').selectOption('xavier');
  await waitChanged(page, before);
  const xavier = await signature(page);

  // A second crash, this time in the middle of a pass.
  await typeNumber(page, 'Layers', '6');
  await crashWorker(page);
  await expect(alertRegion(page)).toContainText(/2×|twice|again/);
  await waitReady(page);
  await expect(layerPanels(page)).toHaveCount(6);
  await expect(page).toHaveURL(/layers=6/);
  expect(await signature(page)).not.toBe(xavier);
  // The statistics are the ones of the settings on screen: a fresh page agrees.
  const afterCrash = await signature(page);
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  await waitReady(fresh);
  expect(await signature(fresh)).toBe(afterCrash);
  await fresh.close();
  // Only the page's own notice: the crash is handled, not an uncaught error of the page.
  expect(errors.filter((e) => !/worker crash requested/.test(e))).toEqual([]);
});

test('normal use raises no page errors and no console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`./?${SMALL}`);
  await waitReady(page);
  let before = await signature(page);
  const step = async (act: () => Promise<unknown>) => {
    await act();
    await waitChanged(page, before);
    before = await signature(page);
  };
  for (const act of ['sigmoid', 'relu', 'leaky-relu', 'elu', 'maxout', 'linear', 'gelu', 'silu'])
    await step(() => page.getByLabel('Activation').selectOption(act));
  for (const init of [
    'zeros',
    'large',
    'xavier',
    'glorot',
    'he',
    'torch-default',
    'orthogonal',
    'lsuv',
  ])
    await step(() => page.getByLabel('Initialization').selectOption(init));
  await step(() => page.getByLabel('Normalization', { exact: true }).selectOption('batch'));
  await step(() => typeNumber(page, 'Layers', '2'));
  await page.getByLabel('log₁₀ |g|').check();
  await page.getByLabel('linear', { exact: true }).check();
  await page.getByText('Statistics table').click();
  await page.getByText('Statistics table').click();
  await page.setViewportSize({ width: 800, height: 700 });
  await shot(page, 'sturdy-narrow-viewport');
  await page.setViewportSize({ width: 1280, height: 720 });
  await waitReady(page);
  expect(errors).toEqual([]);
});

for (const backend of ['ts', 'auto']) {
  test(`weights large enough to overflow to Infinity: the page stays up and tells the truth (backend ${backend})`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto(
      `./?act=linear&init=custom&scale=100&layers=30&width=100&batch=200&input=100&backend=${backend}`,
    );
    await expect(page.locator('.app')).toHaveAttribute('data-status', /^(ready|error)$/, {
      timeout: 30_000,
    });
    const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
    await expect(diagnosis).toContainText(/NaN|Infinity|overflow/i);
    await shot(page, `sturdy-overflow-${backend}`);

    // Layer 1 is finite (std ≈ 1e3): its histogram's peak must be where the values are, near 0
    // on the shared axis, not in the outermost bin.
    const actLabel =
      (await layer(page, 1).locator('svg[role="img"]').first().getAttribute('aria-label')) ?? '';
    const [, low, high] = /from (\S+) to (\S+?);/.exec(actLabel) ?? [];
    const peak = /most near ([^;.]+(?:\.\d+)?(?:e[−-]?\d+)?)/.exec(actLabel)?.[1] ?? '';
    const num = (t: string) => Number(t.replace('−', '-'));
    expect
      .soft(
        Math.abs(num(peak)) < (num(high) - num(low)) / 4,
        `layer 1 (std ≈ 1e3) histogram peak "${peak}" on an axis ${low} … ${high}: ${actLabel}`,
      )
      .toBe(true);

    // A layer whose every value is NaN/∞ must not claim "std 0" (that reads as "collapsed").
    const last = layer(page, 30);
    const lastLabel =
      (await last.locator('svg[role="img"]').first().getAttribute('aria-label')) ?? '';
    expect(lastLabel).toMatch(/none in range; 20k not finite/);
    expect
      .soft(await last.getAttribute('data-act-std'), 'act std of an all-NaN layer')
      .not.toBe('0');
    await expect.soft(last, 'text of an all-NaN layer').not.toContainText(/std 0(?![.\d])/, {
      timeout: 2000,
    });

    // A one-click way back to sane numbers.
    await diagnosis.getByRole('button').click();
    await waitReady(page);
    const stds = await layerPanels(page).evaluateAll((panels) =>
      panels.map((p) => Number(p.getAttribute('data-act-std'))),
    );
    expect(stds.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    expect(errors).toEqual([]);
  });
}

/** The gradient histogram's aria-label (the second chart of a layer panel). */
const gradientLabel = (page: Page, n: number) =>
  layer(page, n).locator('svg[role="img"]').nth(1).getAttribute('aria-label');

for (const backend of ['ts', 'auto']) {
  test(`vanishing gradients down to float32 subnormals are still drawn (backend ${backend})`, async ({
    page,
  }) => {
    // 50 tanh layers with small weights: ∂L/∂h shrinks ~10× a layer, below 1e-38 (subnormal)
    // in the lower layers. Each gradient histogram spans ±a few std of its own layer, so its
    // values must fall inside it.
    await page.goto(`./?layers=50&width=100&batch=200&input=100&backend=${backend}`);
    await waitReady(page);
    const empty: number[] = [];
    for (let n = 1; n <= 50; n++) {
      const std = Number(await layer(page, n).getAttribute('data-grad-std'));
      if (!(std > 0)) continue; // underflowed to exactly 0: nothing to draw
      const label = (await gradientLabel(page, n)) ?? '';
      if (/none in range/.test(label)) empty.push(n);
    }
    await layer(page, 12).screenshot({
      path: `test-results/screens/sturdy-subnormal-grad-${backend}.png`,
    });
    expect(empty, 'layers whose gradient histogram shows no value in its own range').toEqual([]);
  });
}
