/**
 * Every number explains itself (issue 16): each explained statistic, axis and control opens its
 * glossary text on hover and on focus, with the live value and its layer where it shows one;
 * Escape hides it; a tap opens it on a 390-px phone; the open explanation is axe-clean; the
 * controls explain every activation and initialization; the tour link opens the tour step. The
 * controls' "?" buttons, the table's value cells, the training charts' titles and the loss and
 * accuracy figures are among "every explained element".
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { ACTIVATIONS, INITS } from '../src/engine/config';
import { formatNumber, formatPercent } from '../src/engine/format';
import { ACTIVATION_TERMS, INIT_TERMS, termOf, type TermKey } from '../src/engine/glossary';
import { openPage, SMALL, waitReady } from './helpers';

/** The explanation that describes a trigger (aria-describedby; it lives at the body's end). */
async function explanationOf(trigger: Locator): Promise<Locator> {
  await expect(trigger).toHaveAttribute('aria-describedby', /.+/);
  const id = await trigger.getAttribute('aria-describedby');
  return trigger.page().locator(`[id="${id}"]`);
}

/** What the open explanation must say: the term's text, and the live value with its layer. */
async function expectExplained(page: Page, trigger: Locator, how: string): Promise<void> {
  const key = (await trigger.getAttribute('data-explain')) as TermKey;
  const box = await explanationOf(trigger);
  await expect(box, `${key} on ${how}`).toBeVisible();
  await expect(box).toContainText(termOf(key).what);
  const layer = await trigger.getAttribute('data-layer');
  if (layer === null) return;
  const panel = page.getByTestId(`layer-${layer}`);
  const attribute = LIVE_ATTRIBUTES[key];
  if (!attribute) return;
  // The value the panel holds now (its data-* attribute), as the page prints it.
  await expect(async () => {
    const raw = Number(await panel.getAttribute(`data-${attribute}`));
    const value = key === 'saturated' || key === 'dead' ? formatPercent(raw) : formatNumber(raw, 3);
    await expect(box.getByTestId('explanation-live')).toHaveText(`Now: layer ${layer}: ${value}`, {
      timeout: 1000,
    });
  }).toPass();
}

/** Two small layers: every kind of explained element, few of each (the spec stays quick). */
const TWO_LAYERS = 'layers=2&width=50&batch=100&input=50';

/** Which data-* attribute of a layer panel holds each value cell's number. */
const LIVE_ATTRIBUTES: Partial<Record<TermKey, string>> = {
  act_mean: 'act-mean',
  act_std: 'act-std',
  saturated: 'saturated',
  dead: 'dead',
  grad_act_std: 'grad-std',
  grad_w_std: 'wgrad-std',
};

/** The controls' terms (the selects' chosen options where they have options). */
const CONTROLS = [
  ...['Layers', 'Units per layer', 'Batch size', 'Seed', 'Points', 'Noise', 'norm:none'],
  ...['Residual connections', 'branch:one', 'Normalization place', 'Dropout'],
  ...['Dropout in the probe', 'optimizer:adam', 'Learning rate', 'L2 strength'],
  'Weight decay (AdamW)',
];
/** The training figures' and charts' terms (tanh: the saturated chart, not the dead one). */
const TRAINING = ['loss', 'accuracy', 'saturated_series', 'update_series'];

/**
 * Focus, then hover, each explained element (a value cell only in the table's last row: its
 * columns are the same in every row). Focus first: Escape must hide it before the hover opens it
 * again; the hover's explanation closes as the pointer moves on to the next one.
 */
async function explainEach(page: Page): Promise<number> {
  const triggers = page.locator('button[data-explain]:not(table tr:not(:last-child) td *)');
  const count = await triggers.count();
  for (let i = 0; i < count; i++) {
    const trigger = triggers.nth(i);
    await trigger.focus();
    await expectExplained(page, trigger, 'focus');
    await page.keyboard.press('Escape');
    const box = await explanationOf(trigger);
    await expect(box).toBeHidden();
    await trigger.hover();
    await expectExplained(page, trigger, 'hover');
  }
  await page.mouse.move(0, 0);
  await expect(page.locator('.explanation:not([hidden])')).toHaveCount(0);
  return count;
}

test('every explained element opens its text on hover and focus; Escape hides it', async ({
  page,
}) => {
  // About 60 explained elements, each focused and hovered: ~45 s here, too close to the 60 s
  // default on a slower machine.
  test.setTimeout(90_000);
  // tanh shows saturation; the table is open; a training run adds the update:data chart; Adam
  // shows the weight decay field.
  await openPage(page, `?${TWO_LAYERS}&act=tanh&init=large&open=table&data=spiral&opt=adam`);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(
    page.locator('figcaption', { hasText: 'Update:data ratio per layer' }),
  ).toBeVisible();
  const explained = await explainEach(page);
  const terms = await page
    .locator('button[data-explain]')
    .evaluateAll((buttons) => [...new Set(buttons.map((b) => b.getAttribute('data-explain')))]);
  for (const key of ['act_std', 'saturated', 'grad_act_std', 'grad_w_std', 'grad_data_ratio'])
    expect(terms).toContain(key);
  for (const key of ['update_data', 'theory', 'grad_axis', 'activation:tanh', 'init:large'])
    expect(terms).toContain(key);
  expect(terms).toEqual(expect.arrayContaining(CONTROLS));
  expect(terms).toEqual(expect.arrayContaining(TRAINING));
  // The table's value cells: every column of both layers, each with its live value.
  await expect(page.locator('table td button[data-explain][data-layer="2"]')).toHaveCount(9);
  expect(explained).toBeGreaterThan(50);

  // The loss figure's explanation carries the loss the page prints.
  const loss = page.locator('.training-numbers button[data-explain="loss"]');
  await loss.focus();
  await expect((await explanationOf(loss)).getByTestId('explanation-live')).toHaveText(
    `Now: ${await page.getByTestId('train-loss').textContent()}`,
  );
  await page.keyboard.press('Escape');

  // A layer panel's values are one Tab stop; the arrow keys walk them, each explained.
  const mean = page.getByTestId('layer-1').locator('button[data-explain="act_mean"]');
  await mean.focus();
  await page.keyboard.press('ArrowRight');
  const std = page.getByTestId('layer-1').locator('button[data-explain="act_std"]');
  await expect(std).toBeFocused();
  await expectExplained(page, std, 'the arrow key');
  await page.keyboard.press('Escape');

  // ReLU: the dead fraction, with its live value.
  await page.getByLabel('Activation', { exact: true }).selectOption('relu');
  await waitReady(page);
  const dead = page.getByTestId('layer-2').locator('button[data-explain="dead"]');
  await dead.focus();
  await expectExplained(page, dead, 'focus');
  await page.keyboard.press('Escape');
  // …and over the steps, the dead chart's title.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const deadChart = page.locator('figcaption button[data-explain="dead_series"]');
  await deadChart.hover();
  await expectExplained(page, deadChart, 'hover');
  await page.mouse.move(0, 0);
  await deadChart.focus();
  await expectExplained(page, deadChart, 'focus');
  await page.keyboard.press('Escape');
});

test('the controls explain every activation and initialization', async ({ page }) => {
  await openPage(page, `?${SMALL}`);
  const about = (name: string) =>
    page.locator('.explained-label', { hasText: name }).getByRole('button', { name: 'Explain' });
  // Any pointer move loads the explanations; from then on the select is described.
  await page.mouse.move(5, 5);
  // Focusing the select shows its explanation, with the chosen activation's formula.
  const activation = page.getByLabel('Activation', { exact: true });
  const activationText = await explanationOf(activation);
  for (const name of ACTIVATIONS) {
    await activation.selectOption(name);
    await activation.blur();
    await activation.focus();
    await expect(activationText).toBeVisible();
    await expect(activationText).toContainText(ACTIVATION_TERMS[name].formula!);
    await page.keyboard.press('Escape');
    await expect(activationText).toBeHidden();
  }
  for (const name of INITS) {
    await page.getByLabel('Initialization', { exact: true }).selectOption(name);
    await about('Initialization').hover();
    await expect(await explanationOf(about('Initialization'))).toContainText(INIT_TERMS[name].what);
    await page.mouse.move(0, 0);
  }
  // The select itself is described by the same text.
  const description = await page
    .getByLabel('Initialization', { exact: true })
    .getAttribute('aria-describedby');
  await expect(page.locator(`[id="${description}"]`)).toContainText(INIT_TERMS.lsuv.formula!);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('on a 390-px phone a tap opens it inside the screen; axe finds nothing; the tour link opens the step', async ({
    page,
  }) => {
    await openPage(page, `?${SMALL}&act=tanh&init=large`);
    const std = page.getByTestId('layer-3').locator('button[data-explain="act_std"]');
    await std.scrollIntoViewIfNeeded();
    await std.tap();
    const box = await explanationOf(std);
    await expectExplained(page, std, 'tap');
    const at = (await box.boundingBox())!;
    expect(at.x).toBeGreaterThanOrEqual(0);
    expect(at.x + at.width).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page }).include('.explanation:not([hidden])').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // A tap elsewhere closes it.
    await page.getByRole('heading', { name: 'Every layer' }).tap();
    await expect(box).toBeHidden();
    // Its tour link opens the tour at the step that shows it.
    await std.tap();
    await box.getByRole('link', { name: /lecture tour/ }).tap();
    await expect(page.getByRole('region', { name: 'Lecture tour step' })).toBeVisible();
    await expect(page).toHaveURL(/tour=small-init-collapses/);
  });
});
