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
