/** The Papers chapter: each figure is drawn in the paper's form beside its verdict. */
import { expect, type Locator, test } from '@playwright/test';
import { CLAIMS } from '../src/engine/claims';
import { openPage } from './helpers';

const PAPERS = CLAIMS.filter((claim) => claim.chapter === 'papers');

/** The texts of each svg inside `figures` that reach past the svg's left or right edge. */
async function labelsOutside(figures: Locator): Promise<string[]> {
  return figures.evaluate((root) =>
    [...root.querySelectorAll('svg')].flatMap((svg) => {
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')]
        .filter((text) => {
          const box = text.getBoundingClientRect();
          return box.width > 0 && (box.left < frame.left - 0.5 || box.right > frame.right + 0.5);
        })
        .map((text) => text.textContent ?? '');
    }),
  );
}

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
    expect(await labelsOutside(figures), 'axis labels cut off at the chart edge').toEqual([]);
    await page
      .getByLabel('Lecture tour step')
      .screenshot({ path: `test-results/screens/paper-${claim.id}.png` });
    if (index < PAPERS.length - 1) await page.getByRole('button', { name: 'Next →' }).click();
  }
});
