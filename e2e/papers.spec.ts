/** The Papers chapter: each figure is drawn in the paper's form beside its verdict. */
import { expect, test } from '@playwright/test';
import { CLAIMS } from '../src/engine/claims';
import { openPage } from './helpers';

const PAPERS = CLAIMS.filter((claim) => claim.chapter === 'papers');

test('every paper step shows its verdict reproduced and its figure drawn', async ({ page }) => {
  test.setTimeout(180_000);
  expect(PAPERS.length).toBe(6);
  await openPage(page, `?tour=${PAPERS[0].id}&layers=2&width=20&input=20&batch=50`);
  for (const [index, claim] of PAPERS.entries()) {
    await expect(page).toHaveURL(new RegExp(`tour=${claim.id}`));
    await expect(page.getByTestId(`claim-${claim.id}`)).toHaveAttribute('data-reproduced', 'true', {
      timeout: 60_000,
    });
    const figures = page.getByTestId(`paper-figures-${claim.id}`);
    await expect(figures.locator('svg').first()).toHaveAttribute('aria-label', /.+/);
    await expect(figures.locator('svg path').first()).toBeAttached();
    await page
      .getByLabel('Lecture tour step')
      .screenshot({ path: `test-results/screens/paper-${claim.id}.png` });
    if (index < PAPERS.length - 1) await page.getByRole('button', { name: 'Next →' }).click();
  }
});
