/**
 * A hundred layers stay usable: the layer panels scroll in a box of their own, the depth chart is
 * the overview (a click or the keyboard brings a layer's panel into view), and the gradient-flow
 * chart says how much gradient reaches layer 1, from the probe and live while training.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { layer, layerPanels, layerStat, openPage, shot } from './helpers';

const DEEP = 'act=tanh&init=xavier&layers=100&width=64&batch=64&input=64';

const flow = (page: Page) => page.getByTestId('gradient-flow');
const flowStat = async (page: Page, name: string) =>
  Number(await flow(page).getAttribute(`data-${name}`));

/** The element's box lies inside the viewport and inside the scrolling grid. */
async function expectInside(page: Page, element: Locator, box: Locator) {
  const inner = (await element.boundingBox())!;
  const outer = (await box.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(inner.y).toBeGreaterThanOrEqual(Math.max(0, outer.y) - 1);
  expect(inner.y + inner.height).toBeLessThanOrEqual(
    Math.min(viewport.height, outer.y + outer.height) + 1,
  );
}

test('100 layers: the grid scrolls, the depth chart shows layer 80, gradient flow matches the panels', async ({
  page,
}) => {
  test.slow(); // axe over a hundred panels takes a while
  const errors = await openPage(page, `?${DEEP}`);
  await expect(layerPanels(page)).toHaveCount(100);
  const grid = page.locator('.layer-grid');
  await expect(grid).toHaveAttribute('data-scroll', 'true');
  await expect(grid).toHaveAttribute('tabindex', '0');
  await expect(grid).toHaveAccessibleName(/Layer panels, 100 layers/);
  const size = await grid.evaluate((g) => ({ scroll: g.scrollHeight, client: g.clientHeight }));
  expect(size.scroll).toBeGreaterThan(2 * size.client);
  await shot(page, 'deep-100');
  await page.waitForFunction(() => document.getAnimations().length === 0);
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // The gradient-flow panel's figures are the layer panels' own.
  const [w1, w100, h1, h100] = [
    await layerStat(page, 1, 'wgrad-std'),
    await layerStat(page, 100, 'wgrad-std'),
    await layerStat(page, 1, 'grad-std'),
    await layerStat(page, 100, 'grad-std'),
  ];
  expect(w1).toBeGreaterThan(0);
  await expect(flow(page)).toHaveAttribute('data-layers', '100');
  await expect(flow(page)).toHaveAttribute('data-source', 'probe');
  expect(await flowStat(page, 'w-first')).toBe(w1);
  expect(await flowStat(page, 'w-last')).toBe(w100);
  expect(await flowStat(page, 'h-first')).toBe(h1);
  expect(await flowStat(page, 'h-last')).toBe(h100);
  expect(await flowStat(page, 'ratio')).toBeCloseTo(w1 / w100, 12);
  await expect(flow(page).locator('svg')).toHaveAttribute(
    'aria-label',
    /100 layers\. ∂L\/∂W .* layer 1 gets .* the top layer's ∂L\/∂W\.$/,
  );
  await expect(flow(page).locator('text.ratio')).toHaveText(
    /^layer 1 gets \S+( of)? the top layer's/,
  );

  // A click in layer 80's column brings its panel into view, focused and highlighted.
  await expect(layer(page, 80)).not.toBeInViewport();
  await page.locator('.depth-chart [data-layer="80"]').click();
  await expect(layer(page, 80)).toHaveAttribute('data-highlight', '');
  await expect(layer(page, 80)).toBeFocused();
  await expect(layer(page, 80)).toBeInViewport({ ratio: 1 });
  await expectInside(page, layer(page, 80), grid);
  await shot(page, 'deep-100-layer-80', false);

  // The keyboard: one tab stop of layers on the depth chart; End, then Enter shows layer 100.
  await page
    .getByRole('toolbar', { name: 'Layers on the chart' })
    .getByRole('button')
    .first()
    .focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Show layer 100' })).toBeFocused();
  await expect(page.locator('.depth-chart .layer-column.active')).toHaveAttribute(
    'data-layer',
    '100',
  );
  await page.keyboard.press('ArrowLeft');
  await page
    .locator('.depth-chart')
    .screenshot({ path: 'test-results/screens/deep-100-keyboard.png' });
  await page.keyboard.press('Enter');
  await expect(layer(page, 99)).toBeInViewport({ ratio: 1 });
  await expect(layer(page, 99)).toBeFocused();
  // The grid scrolls from the keyboard too.
  await grid.evaluate((g) => g.scrollTo(0, 0));
  await grid.focus();
  await page.keyboard.press('PageDown');
  await expect.poll(() => grid.evaluate((g) => g.scrollTop)).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('training 100 layers: the gradient-flow chart redraws from each frame', async ({ page }) => {
  const errors = await openPage(page, `?data=spiral&${DEEP.replace('&input=64', '')}&lr=0.01`);
  await expect(page.getByRole('heading', { name: /Training on Spiral/ })).toBeVisible();
  await expect(flow(page)).toHaveAttribute('data-source', 'training');
  await expect(flow(page)).toHaveAttribute('data-step', '0');
  const label = () => flow(page).locator('svg').getAttribute('aria-label');
  const before = { w1: await flowStat(page, 'w-first'), label: await label() };
  for (let step = 1; step <= 3; step++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(flow(page)).toHaveAttribute('data-step', String(step));
  }
  // The panel and its chart show the monitoring batch's statistics after the steps.
  expect(await flowStat(page, 'w-first')).not.toBe(before.w1);
  expect(await flowStat(page, 'w-first')).toBe(await layerStat(page, 1, 'wgrad-std'));
  expect(await flowStat(page, 'w-last')).toBe(await layerStat(page, 100, 'wgrad-std'));
  await expect.poll(label).not.toBe(before.label);
  await expect(flow(page)).toContainText('the monitoring batch at step 3');
  await shot(page, 'deep-100-training');
  await page
    .locator('.overview')
    .screenshot({ path: 'test-results/screens/deep-100-training-overview.png' });
  expect(errors).toEqual([]);
});

test('small weights at 100 layers: the gradient-flow panel says what reaches layer 1', async ({
  page,
}) => {
  const errors = await openPage(page, '?layers=100&width=64&batch=64&input=64');
  const words = await flow(page).locator('text.ratio').textContent();
  const w1 = await layerStat(page, 1, 'wgrad-std');
  const w100 = await layerStat(page, 100, 'wgrad-std');
  test.info().annotations.push({ type: 'small init, 100 layers', description: `${words}` });
  // Float32 underflows on the way: the top layer's inputs are 0, so its ∂L/∂W is too.
  if (w1 === 0 && w100 === 0) {
    expect(words).toBe('∂L/∂W is 0 at layer 1 and at the top layer');
    await expect(flow(page)).not.toHaveAttribute('data-ratio');
  } else if (w1 === 0) expect(words).toBe('layer 1 gets no gradient at all');
  else expect(words).toMatch(/^layer 1 gets \S+ of the top layer's/);
  await shot(page, 'deep-100-small-init');
  expect(errors).toEqual([]);
});
