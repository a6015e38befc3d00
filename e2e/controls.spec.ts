/**
 * The controls as a user drives them: sizes and seed change the statistics, the custom init
 * scale, invalid entries and a network too big to run.
 */
import { expect, test } from '@playwright/test';
import {
  alertRegion,
  allStats,
  collectErrors,
  expectNoAlert,
  layerPanels,
  SMALL,
  shot,
  signature,
  typeNumber,
  waitChanged,
  waitReady,
} from './helpers';

test('Layers sets the number of panels; Units per layer, Batch size and Seed change the statistics', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(`./?${SMALL}`);
  await waitReady(page);
  await expect(layerPanels(page)).toHaveCount(4);

  let before = await signature(page);
  await typeNumber(page, 'Layers', '3');
  await waitChanged(page, before);
  await expect(layerPanels(page)).toHaveCount(3);
  for (let n = 1; n <= 3; n++) await expect(page.getByTestId(`layer-${n}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Layer 3', exact: true })).toBeVisible();
  await shot(page, 'controls-layers-3');

  before = await signature(page);
  await typeNumber(page, 'Layers', '7');
  await waitChanged(page, before);
  await expect(layerPanels(page)).toHaveCount(7);
  for (const v of await allStats(page)) expect(Number.isFinite(Number(v)) && v !== null).toBe(true);

  // Each of these reruns the probe with different data or weights: every layer's std moves.
  for (const [label, value] of [
    ['Units per layer', '60'],
    ['Batch size', '150'],
    ['Seed', '8'],
  ]) {
    const stds = await allStats(page);
    before = await signature(page);
    await typeNumber(page, label, value);
    await waitChanged(page, before);
    const after = await allStats(page);
    expect(after, `${label} = ${value}`).toHaveLength(7);
    expect(after[0], `${label} = ${value} changes layer 1`).not.toBe(stds[0]);
    expect(after[6], `${label} = ${value} changes layer 7`).not.toBe(stds[6]);
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
  }
  await shot(page, 'controls-width-batch-seed');
  expect(errors).toEqual([]);
});

test('custom initialization shows an Init scale entry; a scale of 1 is the same as large', async ({
  page,
  context,
}) => {
  const reference = await context.newPage();
  await reference.goto(`./?init=large&${SMALL}`);
  await waitReady(reference);
  const large = await allStats(reference);
  const largeSaturated = await allStats(reference, 'saturated');
  await reference.close();

  await page.goto(`./?${SMALL}`);
  await waitReady(page);
  await expect(page.getByLabel('Init scale')).toHaveCount(0);
  await page.getByLabel('Initialization').selectOption('custom');
  const scale = page.getByLabel('Init scale');
  await expect(scale).toBeVisible();
  await expect(page.getByText('Weights are N(0,1) × this scale.')).toBeVisible();
  await waitReady(page);

  const before = await signature(page);
  await typeNumber(page, 'Init scale', '1');
  await waitChanged(page, before);
  await expect(page).toHaveURL(/scale=1(&|$)/);
  expect(await allStats(page)).toEqual(large);
  expect(await allStats(page, 'saturated')).toEqual(largeSaturated);
  await shot(page, 'controls-custom-scale-1');

  // Leaving custom hides the entry again.
  await page.getByLabel('Initialization').selectOption('xavier');
  await expect(page.getByLabel('Init scale')).toHaveCount(0);
  await waitReady(page);
});

for (const typed of ['0', 'abc', '99999', '2.5']) {
  test(`an invalid Units per layer ("${typed}") is explained, kept, and the last results stay`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto(`./?${SMALL}`);
    await waitReady(page);
    const good = await signature(page);
    const width = page.getByLabel('Units per layer');

    await width.click();
    await width.press('ControlOrMeta+a');
    await page.keyboard.type(typed);
    await width.press('Enter');

    // A clear message naming the field and its bounds.
    const alert = alertRegion(page);
    await expect(alert).toContainText('Units per layer');
    await expect(alert).toContainText(/1.*4096/);
    await expect(width).toHaveAttribute('aria-invalid', 'true');
    // What the user typed is still there, so they can correct it. (Soft: the rest of the
    // contract is still checked when this fails.)
    await expect
      .soft(width, 'the typed text stays in the field')
      .toHaveValue(typed, { timeout: 2000 });
    await expect.soft(alert, 'the message quotes what was typed').toContainText(`"${typed}"`, {
      timeout: 2000,
    });
    // The last good results are still on screen and the settings unchanged.
    await expect(page.locator('.app')).toHaveAttribute('data-status', 'ready');
    expect(await signature(page)).toBe(good);
    await expect(layerPanels(page)).toHaveCount(4);
    await expect(page).toHaveURL(/width=100(&|$)/);
    await shot(
      page,
      `controls-invalid-width-${typed === 'abc' ? 'text' : typed.replace('.', '_')}`,
    );

    // Correcting the entry clears the message and runs again.
    await width.press('ControlOrMeta+a');
    await page.keyboard.type('64');
    await width.press('Enter');
    await waitChanged(page, good);
    await expectNoAlert(page);
    await expect(width).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/width=64(&|$)/);
    expect(errors).toEqual([]);
  });
}

test('a network too big to run is refused with a message about memory; nothing is lost', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('./?layers=50&width=100&batch=200&input=100');
  await waitReady(page);
  await expect(layerPanels(page)).toHaveCount(50);
  const good = await signature(page);
  const url = page.url();
  const estimate = page.getByTestId('memory-estimate');
  const estimateBefore = await estimate.textContent();

  await typeNumber(page, 'Units per layer', '4096');
  const alert = alertRegion(page);
  await expect(alert).toContainText(/\d(\.\d)? GiB/);
  // The engine's refusal is worded with the page's label, not the code's field name ("size: …").
  await expect(alert).toContainText('Network: too big to run');
  await expect(alert).not.toContainText('size:');
  await expect
    .soft(alert, 'the refusal says it is about memory')
    .toContainText(/memory/i, { timeout: 2000 });
  await expect(page.getByLabel('Units per layer')).toHaveValue('4096');
  await expect(page.getByLabel('Units per layer')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'controls-too-big');

  // Nothing lost: same settings, same results, still ready.
  await expect(page.locator('.app')).toHaveAttribute('data-status', 'ready');
  expect(page.url()).toBe(url);
  expect(await signature(page)).toBe(good);
  await expect(layerPanels(page)).toHaveCount(50);
  await expect(estimate).toHaveText(estimateBefore!);
  expect(errors).toEqual([]);
});

test('the memory estimate follows the width', async ({ page }) => {
  await page.goto(`./?${SMALL}`);
  await waitReady(page);
  const estimate = page.getByTestId('memory-estimate');
  await expect(estimate).toBeVisible();
  await expect(estimate).toContainText(/\d+(\.\d+)? (KiB|MiB|GiB)/);
  const narrow = await estimate.textContent();
  const before = await signature(page);
  await typeNumber(page, 'Units per layer', '1000');
  await waitChanged(page, before);
  await expect(estimate).not.toHaveText(narrow!);
  const wide = await estimate.textContent();
  const mib = (text: string) => {
    const [, value, unit] = /≈\s*([\d.]+)\s*(KiB|MiB|GiB)/.exec(text)!;
    return Number(value) * { KiB: 1 / 1024, MiB: 1, GiB: 1024 }[unit as 'KiB' | 'MiB' | 'GiB'];
  };
  expect(mib(wide!)).toBeGreaterThan(mib(narrow!) * 10);
  await shot(page, 'controls-memory-wide');
});
