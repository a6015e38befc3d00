/** Each export downloads a file that parses: PNG, SVG, CSV, JSON (recordings), and the scripts. */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { layerStat, openPage } from './helpers';

async function downloadOf(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
}

test('figures, statistics and code download as files that parse, with telling names', async ({
  page,
}) => {
  await openPage(page, '?act=relu&init=he&layers=4&width=100&input=100&batch=200');
  const png = await downloadOf(page, 'Figure PNG');
  expect(png.name).toMatch(/^activation-lab_relu_he_4x100_seed7_figure\.png$/);
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  // 2× pixel density: the width in the IHDR chunk is twice the figure's CSS width (> 1000 px).
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000);

  const svg = await downloadOf(page, 'Figure SVG');
  expect(svg.name).toMatch(/figure\.svg$/);
  const svgText = svg.bytes.toString();
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror') !== null,
      charts: doc.querySelectorAll('svg svg').length,
      var: text.includes('var(--'),
    };
  }, svgText);
  expect(parsed.error).toBe(false);
  expect(parsed.charts).toBeGreaterThanOrEqual(9); // depth chart + 2 per layer
  expect(parsed.var).toBe(false); // colours resolved: the file stands alone

  const csv = await downloadOf(page, 'Statistics CSV');
  const lines = csv.bytes.toString().trim().split(/\r?\n/);
  expect(lines).toHaveLength(5);
  const columns = lines[0].split(',').length;
  for (const line of lines) expect(line.split(',')).toHaveLength(columns);

  // The JSON downloads are recordings (docs/recording-format.md) of the pass the panels show.
  const actStd = await layerStat(page, 2, 'act-std');
  for (const button of ['Statistics JSON', 'Save recording']) {
    const json = await downloadOf(page, button);
    expect(json.name).toMatch(/^activation-lab_relu_he_4x100_seed7_[a-z-]+\.alab\.json$/);
    const recording = JSON.parse(json.bytes.toString());
    expect(recording).toMatchObject({
      format: 'activation-lab-recording',
      version: 1,
      source: 'activation-lab',
      model: { config: { activation: 'relu', init: 'he', depth: 4 } },
    });
    expect(recording.model.layers).toHaveLength(4);
    expect(recording.steps).toHaveLength(1);
    expect(recording.steps[0].layers[1].act.std).toBe(actStd);
  }

  const pytorch = await downloadOf(page, 'PyTorch script');
  expect(pytorch.name).toMatch(/pytorch\.py$/);
  expect(pytorch.bytes.toString()).toContain('import torch');
  const numpy = await downloadOf(page, 'NumPy script');
  expect(numpy.bytes.toString()).toContain('import numpy');
});

test('a single chart exports on its own (the depth chart, as SVG and PNG)', async ({ page }) => {
  await openPage(page, '?act=tanh&init=xavier&layers=4&width=100&input=100&batch=200');
  const svg = await downloadOf(page, 'Std of outputs and gradients by depth as SVG');
  expect(svg.name).toMatch(/depth-chart\.svg$/);
  expect(svg.bytes.toString()).toContain('Std of outputs and gradients by depth');
  const png = await downloadOf(page, 'Std of outputs and gradients by depth as PNG');
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
});

test('the tour plots the zig-zag of a 2-D weight vector fed all-positive inputs', async ({
  page,
}) => {
  await openPage(page, '?tour=sigmoid-not-zero-centred&layers=2&width=20&input=20&batch=50');
  const verdict = page.getByTestId('claim-sigmoid-not-zero-centred');
  await expect(verdict).toHaveAttribute('data-reproduced', 'true', { timeout: 30_000 });
  await expect(verdict.locator('svg')).toHaveAttribute('aria-label', /all-positive inputs/);
  await verdict.screenshot({ path: 'test-results/screens/tour-zigzag.png' });
});
