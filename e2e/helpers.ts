import { expect, type Locator, type Page } from '@playwright/test';

/** Waits until the page has finished the pass it is on (root data-status="ready"). */
export async function waitReady(page: Page): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
}

/** A numeric data-* attribute of a layer panel. */
export async function layerStat(page: Page, layer: number, name: string): Promise<number> {
  const value = await page.getByTestId(`layer-${layer}`).getAttribute(`data-${name}`);
  expect(value, `layer ${layer} data-${name}`).not.toBeNull();
  return Number(value);
}

export function layer(page: Page, n: number): Locator {
  return page.getByTestId(`layer-${n}`);
}

/** Opens the page and collects console errors, so a spec can assert there were none. */
export async function openPage(page: Page, search = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`./${search}`);
  await waitReady(page);
  return errors;
}

/** A network small enough to answer in a few milliseconds, for specs not about the lecture sizes. */
export const SMALL = 'layers=4&width=100&batch=200&input=100';

/** Every hidden layer's panel. */
export function layerPanels(page: Page): Locator {
  return page.getByTestId(/^layer-\d+$/);
}

/** One data-* statistic of every layer panel, in layer order (raw attribute text). */
export async function allStats(page: Page, name = 'act-std'): Promise<(string | null)[]> {
  return layerPanels(page).evaluateAll(
    (panels, attr) =>
      panels
        .map((p) => ({
          n: Number(p.getAttribute('data-testid')!.slice(6)),
          v: p.getAttribute(attr),
        }))
        .sort((a, b) => a.n - b.n)
        .map((x) => x.v),
    `data-${name}`,
  );
}

/** The errors and warnings region (role="alert"). */
export function alertRegion(page: Page): Locator {
  return page.getByRole('alert');
}

/** No error or warning is shown (the region may be hidden while empty). */
export async function expectNoAlert(page: Page): Promise<void> {
  await expect(page.locator('[role="alert"]')).toHaveText('');
}

/** Collects uncaught page errors and console errors from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Saves a full-page screenshot to test-results/screens/<name>.png. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
}

/** act-std and grad-std of every layer: what a change of the network must alter. */
export async function signature(page: Page): Promise<string> {
  return JSON.stringify([await allStats(page, 'act-std'), await allStats(page, 'grad-std')]);
}

/**
 * Waits for the pass a change started to finish: the statistics of the panels must differ from
 * `before` (a `signature`; the change took effect) and the page must be ready.
 */
export async function waitChanged(page: Page, before: string): Promise<void> {
  await expect.poll(() => signature(page), { timeout: 30_000 }).not.toBe(before);
  await waitReady(page);
}

/** Types a value into a labelled number field as a user would and commits it with Enter. */
export async function typeNumber(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await field.press('Enter');
}

/** Lets the page paint twice (for a final check after ready, without a fixed sleep). */
export async function twoFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}
