/**
 * Defects a QA sweep found, each as a person meets it: a deeply nested link, a
 * preprocessing the digits cannot use, hexadecimal numbers, a pasted wall of text, the size
 * refusal's wording, Escape on the Lecture tour, and Train's status on the click.
 */
import { expect, type Page, test } from '@playwright/test';
import { estimateNetworkBytes, LECTURE_NETWORK, MAX_NETWORK_BYTES } from '../src/engine/config';
import {
  alertRegion,
  allStats,
  collectErrors,
  layerPanels,
  SMALL,
  shot,
  typeNumber,
  waitReady,
} from './helpers';

const app = (page: Page) => page.locator('.app');

/** The page is drawn, not blank: the heading, the controls and every layer's finite statistics. */
async function expectDrawn(page: Page, layers: number): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Activation Lab' })).toBeVisible();
  await expect(page.getByLabel('Activation', { exact: true })).toBeVisible();
  await expect(layerPanels(page)).toHaveCount(layers);
  const stds = await allStats(page);
  expect(stds.every((v) => v !== null && Number.isFinite(Number(v)))).toBe(true);
}

for (const depth of [1500, 5000]) {
  test(`a link with \`a=\` nested ${depth} times loads, with a notice refusing the nesting`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto(`./?${'a='.repeat(depth)}`);
    await waitReady(page);
    await expect(alertRegion(page)).toContainText(/Pinned A: .*only one level is read/);
    await expectDrawn(page, LECTURE_NETWORK.depth);
    await shot(page, `qa-nested-a-${depth}`);
    expect(errors).toEqual([]);
  });
}

test('going back to such a link (the back/forward handler) keeps the page working', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(`./?${SMALL}`);
  await waitReady(page);
  await page.evaluate((nested) => {
    history.pushState(null, '', `?${nested}&${'layers=3&width=20&batch=50&input=20'}`);
    history.pushState(null, '', location.pathname);
  }, 'a='.repeat(1500));
  await page.goBack();
  await expect(alertRegion(page)).toContainText(/only one level is read/);
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('3');
  await waitReady(page);
  await expectDrawn(page, 3);
  expect(errors).toEqual([]);
});

test('?data=digits&prep=whiten falls back to normalization with a notice, not an error', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('./?data=digits&prep=whiten&layers=3&width=50&batch=64');
  await waitReady(page);
  await expect(alertRegion(page)).toContainText(/preprocessing "whiten".*2-D/);
  await expect(page.getByLabel('Preprocessing')).toHaveValue('normalize');
  await expect(page).toHaveURL(/prep=normalize/);
  await expectDrawn(page, 3);
  await shot(page, 'qa-digits-whiten');
  // It trains.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('train-step')).toHaveText('1');
  await expect(app(page)).not.toHaveAttribute('data-status', 'error');
  expect(errors).toEqual([]);
});

test('one number grammar: 0x10 is refused in the Seed field and in ?scale= alike', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(`./?${SMALL}&init=custom&scale=0x10&seed=1e1`);
  await waitReady(page);
  await expect(alertRegion(page)).toContainText(/init scale "0x10".*hexadecimal/);
  await expect(page.getByLabel('Init scale')).toHaveValue('0.01');
  // Exponent notation is a number: 1e1 is seed 10.
  await expect(page.getByLabel('Seed')).toHaveValue('10');
  await page.getByRole('button', { name: 'Dismiss message' }).first().click();

  for (const typed of ['0x10', '0b10', 'Infinity', '   ']) {
    await typeNumber(page, 'Seed', typed);
    const alert = alertRegion(page);
    await expect(alert).toContainText('Seed must be a whole number from 0 to 4294967295');
    await expect(alert).toContainText(
      typed.trim() === ''
        ? 'an empty field is not'
        : /hexadecimal|Infinity/.exec(typed === 'Infinity' ? 'Infinity' : 'hexadecimal')![0],
    );
    await expect(page.getByLabel('Seed')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/seed=10(&|$)/);
  }
  await typeNumber(page, 'Seed', '1.2e1');
  await expect(page).toHaveURL(/seed=12(&|$)/);
  await expect(page.getByLabel('Seed')).not.toHaveAttribute('aria-invalid', 'true');
  expect(errors).toEqual([]);
});

test('a refused field quotes only the start of a long entry in the alert', async ({ page }) => {
  await page.goto(`./?${SMALL}`);
  await waitReady(page);
  const wall = `x${'9'.repeat(9_999)}`;
  const width = page.getByLabel('Units per layer');
  await width.fill(wall);
  await width.press('Enter');
  const alert = alertRegion(page);
  await expect(alert).toContainText('Units per layer must be a whole number from 1 to 4096');
  await expect(alert).toContainText(`"x${'9'.repeat(23)}…"`);
  expect((await alert.textContent())!.length).toBeLessThan(300);
  // What was typed is kept in the field, all of it, to be corrected.
  await expect(width).toHaveValue(wall);
});

test('the size refusal shows two different figures when just over the limit', async ({ page }) => {
  const base = { ...LECTURE_NETWORK, depth: 50, inputDim: 100 };
  // The narrowest width over the limit: the old message rounded both figures to "1.5 GiB".
  let width = 1;
  while (estimateNetworkBytes({ ...base, width }, 200) <= MAX_NETWORK_BYTES) width++;
  await page.goto('./?layers=50&width=100&batch=200&input=100');
  await waitReady(page);
  await typeNumber(page, 'Units per layer', String(width));
  const alert = alertRegion(page);
  await expect(alert).toContainText('the engine allows');
  const [, need, allowed] = /needs about (.+?) of memory, more than the (.+?) the engine/.exec(
    (await alert.textContent())!,
  )!;
  expect(need).not.toBe(allowed);
  expect(Number.parseFloat(need)).toBeGreaterThan(Number.parseFloat(allowed));
  await shot(page, 'qa-size-refusal');
});

test('Escape closes the Lecture tour and focus returns to its button', async ({ page }) => {
  await page.goto(`./?${SMALL}`);
  await waitReady(page);
  const opener = page.getByRole('button', { name: 'Lecture tour' });
  const tour = page.getByRole('region', { name: 'Lecture tour step' });
  // From inside the tour.
  await opener.click();
  await expect(tour).toBeVisible();
  await page.getByRole('button', { name: 'Show me', exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(tour).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(opener).toHaveAttribute('aria-expanded', 'false');
  await expect(page).not.toHaveURL(/tour=/);
  // From the button that opened it.
  await opener.press('Enter');
  await expect(tour).toBeVisible();
  await opener.press('Escape');
  await expect(tour).toBeHidden();
  await expect(opener).toBeFocused();
  // Escape in a field outside the tour belongs to the field.
  await opener.click();
  await page.getByLabel('Units per layer').press('Escape');
  await expect(tour).toBeVisible();
});

/** Clicks Train in the page and reads the status before any worker message can be handled. */
async function statusRightAfterTrain(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const train = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Train')!;
    train.click();
    // React renders the click's update in a microtask; worker messages arrive as tasks.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    return document.querySelector('.app')!.getAttribute('data-status');
  });
}

test('on the lecture default, Train says "training" on the click', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitReady(page);
  await page.getByLabel('Dataset').selectOption('spiral');
  await waitReady(page);
  expect(await statusRightAfterTrain(page)).toBe('training');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await expect
    .poll(async () => Number(await page.getByTestId('train-step').textContent()))
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(app(page)).toHaveAttribute('data-status', 'ready');

  // While the run is still being built (the digits load first), too.
  await page.getByLabel('Dataset').selectOption('digits');
  expect(await statusRightAfterTrain(page)).toBe('training');
  await expect
    .poll(async () => Number(await page.getByTestId('train-step').textContent()), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  await expect(app(page)).toHaveAttribute('data-status', 'training');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(app(page)).toHaveAttribute('data-status', 'ready');
  expect(errors).toEqual([]);
});
