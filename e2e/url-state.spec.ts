/**
 * The whole state lives in the query string: every control writes it, a copied link reproduces
 * the exact statistics, back/forward walk through earlier states, and a garbled link falls back
 * to defaults with a notice naming the field.
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

const param = (url: string, name: string) => new URL(url).searchParams.get(name);

test('every control change is written to the query string, and a copied link reproduces it exactly', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await page.goto(`./?${SMALL}`);
  await waitReady(page);

  // Each step: act through the labelled control, then the URL must carry the new value.
  const steps: [string, () => Promise<void>, string, string][] = [
    ['Activation', () => page.getByLabel('Activation').selectOption('relu').then(), 'act', 'relu'],
    [
      'Initialization',
      () => page.getByLabel('Initialization').selectOption('custom').then(),
      'init',
      'custom',
    ],
    ['Init scale', () => typeNumber(page, 'Init scale', '0.2'), 'scale', '0.2'],
    [
      'Normalization',
      () => page.getByLabel('Normalization', { exact: true }).selectOption('batch').then(),
      'bn',
      '1',
    ],
    ['Layers', () => typeNumber(page, 'Layers', '3'), 'layers', '3'],
    ['Units per layer', () => typeNumber(page, 'Units per layer', '64'), 'width', '64'],
    ['Batch size', () => typeNumber(page, 'Batch size', '128'), 'batch', '128'],
    ['Input dimension', () => typeNumber(page, 'Input dimension', '50'), 'input', '50'],
    ['Classes', () => typeNumber(page, 'Classes', '5'), 'classes', '5'],
    ['Seed', () => typeNumber(page, 'Seed', '11'), 'seed', '11'],
    ['Gradient axis', () => page.getByLabel('log₁₀ |g|').check(), 'grad', 'log'],
  ];
  for (const [control, act, name, value] of steps) {
    const before = await signature(page);
    await act();
    await expect
      .poll(() => param(page.url(), name), { message: `${control} → ?${name}=` })
      .toBe(value);
    // The gradient axis is a view option: it does not recompute; custom starts at scale 0.01,
    // the same weights as small, so only the scale step changes the statistics.
    if (name === 'grad' || name === 'init') await waitReady(page);
    else await waitChanged(page, before);
  }
  await expect(layerPanels(page)).toHaveCount(3);
  await expectNoAlert(page);
  await shot(page, 'url-all-controls-changed');

  const url = page.url();
  const expected = await allStats(page);
  const expectedGrad = await allStats(page, 'grad-std');
  expect(expected.every((v) => v !== null && Number.isFinite(Number(v)))).toBe(true);

  // A colleague opens the copied link in a fresh page.
  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(url);
  await waitReady(other);
  await expect(other.getByLabel('Activation')).toHaveValue('relu');
  await expect(other.getByLabel('Initialization')).toHaveValue('custom');
  await expect(other.getByLabel('Init scale')).toHaveValue('0.2');
  await expect(other.getByLabel('Normalization', { exact: true })).toHaveValue('batch');
  await expect(other.getByLabel('Layers', { exact: true })).toHaveValue('3');
  await expect(other.getByLabel('Units per layer')).toHaveValue('64');
  await expect(other.getByLabel('Batch size')).toHaveValue('128');
  await expect(other.getByLabel('Input dimension')).toHaveValue('50');
  await expect(other.getByLabel('Classes')).toHaveValue('5');
  await expect(other.getByLabel('Seed')).toHaveValue('11');
  await expect(other.getByLabel('log₁₀ |g|')).toBeChecked();
  expect(await allStats(other)).toEqual(expected);
  expect(await allStats(other, 'grad-std')).toEqual(expectedGrad);
  expect(other.url()).toBe(url);
  await shot(other, 'url-copied-link');
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('back and forward walk through earlier states; controls and panels follow', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(`./?${SMALL}`);
  await waitReady(page);
  const small = await signature(page);

  let before = small;
  await page.getByLabel('Initialization').selectOption('xavier');
  await waitChanged(page, before);
  const xavier = await signature(page);

  before = xavier;
  await typeNumber(page, 'Layers', '6');
  await waitChanged(page, before);
  await expect(layerPanels(page)).toHaveCount(6);
  const deeper = await signature(page);

  await page.goBack();
  await expect(page).toHaveURL(/init=xavier/);
  await expect(page).toHaveURL(/layers=4/);
  await waitChanged(page, deeper);
  await expect(layerPanels(page)).toHaveCount(4);
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('4');
  await expect(page.getByLabel('Initialization')).toHaveValue('xavier');
  expect(await signature(page)).toEqual(xavier);
  await shot(page, 'url-back-1');

  await page.goBack();
  await expect(page).toHaveURL(/init=small/);
  await waitChanged(page, xavier);
  await expect(page.getByLabel('Initialization')).toHaveValue('small');
  expect(await signature(page)).toEqual(small);
  await shot(page, 'url-back-2');

  await page.goForward();
  await expect(page).toHaveURL(/init=xavier/);
  await waitChanged(page, small);
  await expect(page.getByLabel('Initialization')).toHaveValue('xavier');
  expect(await signature(page)).toEqual(xavier);

  await page.goForward();
  await expect(page).toHaveURL(/layers=6/);
  await waitChanged(page, xavier);
  await expect(layerPanels(page)).toHaveCount(6);
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('6');
  expect(await signature(page)).toEqual(deeper);
  await shot(page, 'url-forward');
  // Walking the history must not add entries of its own: back still goes to the Xavier state.
  await page.goBack();
  await expect(page).toHaveURL(/init=xavier&.*layers=4/);
  expect(errors).toEqual([]);
});

/** Garbled links: [name, query, pattern the notice must match, what the controls fall back to]. */
const GARBLED: [
  string,
  string,
  RegExp,
  (page: import('@playwright/test').Page) => Promise<void>,
][] = [
  [
    'layers-text',
    `?layers=abc&width=100&batch=200&input=100`,
    /Layers.*"abc"/,
    async (page) => {
      await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('10');
      await expect(layerPanels(page)).toHaveCount(10);
    },
  ],
  [
    'width-negative',
    `?width=-5&layers=4&batch=200&input=100`,
    /Units per layer.*"-5"/,
    async (page) => {
      await expect(page.getByLabel('Units per layer')).toHaveValue('500');
      await expect(layerPanels(page)).toHaveCount(4);
    },
  ],
  [
    'act-unknown',
    `?act=swish&${SMALL}`,
    /activation.*"swish"/,
    async (page) => {
      await expect(page.getByLabel('Activation')).toHaveValue('tanh');
      await expect(layerPanels(page)).toHaveCount(4);
    },
  ],
  [
    'seed-nan',
    `?seed=NaN&${SMALL}`,
    /Seed.*"NaN"/,
    async (page) => {
      await expect(page.getByLabel('Seed')).toHaveValue('7');
    },
  ],
  [
    'width-huge',
    `?width=1e99&layers=4&batch=200&input=100`,
    /Units per layer.*"1e99"/,
    async (page) => {
      await expect(page.getByLabel('Units per layer')).toHaveValue('500');
    },
  ],
  [
    'init-broken-encoding',
    `?init=%E0%A4%A&${SMALL}`,
    /initialization/,
    async (page) => {
      await expect(page.getByLabel('Initialization')).toHaveValue('small');
    },
  ],
  [
    'too-big',
    `?layers=50&width=4096&batch=4096`,
    /network.*(memory|GiB)/i,
    async (page) => {
      // The whole network falls back to the lecture default.
      await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('10');
      await expect(page.getByLabel('Units per layer')).toHaveValue('500');
      await expect(page.getByLabel('Batch size')).toHaveValue('1000');
      await expect(layerPanels(page)).toHaveCount(10);
    },
  ],
];

for (const [name, query, notice, fallsBack] of GARBLED) {
  test(`a garbled link (${query}) falls back with a notice naming the field`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(`./${query}`);
    await waitReady(page);
    await expect(alertRegion(page)).toContainText(notice);
    await fallsBack(page);
    // The page computed: every panel carries finite statistics.
    const stds = await allStats(page);
    expect(stds.length).toBeGreaterThan(0);
    for (const v of stds) expect(Number.isFinite(Number(v)) && v !== null).toBe(true);
    // The address bar now shows the state actually in use.
    expect(page.url()).not.toContain(
      query.slice(1, query.indexOf('&') > 0 ? query.indexOf('&') : undefined),
    );
    await shot(page, `url-garbled-${name}`);
    // The notice can be dismissed, and the page keeps working.
    await page.getByRole('button', { name: 'Dismiss message' }).first().click();
    await expectNoAlert(page);
    expect(errors).toEqual([]);
  });
}

test('view options live in the link too: which folding panels are open', async ({
  page,
  context,
}) => {
  await page.goto('./?layers=3&width=50&batch=100&input=50');
  await page.getByText('Statistics table').click();
  await expect(page).toHaveURL(/open=table/);
  const copy = await context.newPage();
  await copy.goto(page.url());
  await expect(copy.locator('details.stats-table')).toHaveAttribute('open', '');
  await copy.close();
});
