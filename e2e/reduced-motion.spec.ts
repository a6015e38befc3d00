/**
 * prefers-reduced-motion: the page computes and shows the same things, and the charts jump to
 * their new state instead of animating.
 */
import { expect, type Page, test } from '@playwright/test';
import { allStats, SMALL, shot, signature, waitChanged, waitReady } from './helpers';

/** Starts counting the distinct `d` values written to layer 1's activation bars. */
async function watchBars(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { barFrames: Set<string> };
    w.barFrames = new Set();
    const svg = document.querySelector('[data-testid="layer-1"] svg')!;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (r.attributeName === 'd' && el.classList.contains('bars'))
          w.barFrames.add(el.getAttribute('d') ?? '');
      }
    }).observe(svg, { attributes: true, subtree: true, attributeFilter: ['d'] });
  });
}
const barFrames = (page: Page) =>
  page.evaluate(() => (window as unknown as { barFrames: Set<string> }).barFrames.size);

async function changeInitAndCount(page: Page, init: string) {
  await watchBars(page);
  const before = await signature(page);
  await page.getByLabel('Initialization').selectOption(init);
  await waitChanged(page, before);
  return page;
}

test('with reduced motion the page computes the same and the bars do not animate', async ({
  page,
  context,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./?${SMALL}`);
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
    true,
  );
  await waitReady(page);
  await changeInitAndCount(page, 'xavier');
  // The bars went straight to their new shape: one new path (no in-between frames).
  await expect.poll(() => barFrames(page)).toBeGreaterThan(0);
  expect(await barFrames(page)).toBeLessThanOrEqual(2);
  const reduced = await allStats(page);
  // The "stale" fade of the gradient charts has no transition either.
  const transition = await page
    .getByTestId('layer-1')
    .locator('svg')
    .nth(1)
    .evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transition.split(',').every((t) => parseFloat(t) === 0)).toBe(true);
  await shot(page, 'reduced-motion-xavier');

  // Without the preference the same change ends on the same numbers. (Whether its 150 ms
  // transition shows in-between frames depends on how busy the machine is, so it is not counted.)
  const normal = await context.newPage();
  await normal.emulateMedia({ reducedMotion: 'no-preference' });
  await normal.goto(`./?${SMALL}`);
  await waitReady(normal);
  await changeInitAndCount(normal, 'xavier');
  await expect.poll(() => barFrames(normal)).toBeGreaterThan(0);
  expect(await allStats(normal)).toEqual(reduced);
});
