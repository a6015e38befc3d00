/**
 * Projector mode (?present=1): one section at a time, walked by ←/→ and a clicker's Page Up/Down,
 * each with its own link; no text under 20 px nor chart text under 15 px at 1280×720 (as drawn,
 * the charts' scale included); axe clean in every section; entered and left by the header's
 * button; the tour walked with Shift+←/→ beside the section keys; white on black under a dark
 * system theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openPage, SMALL, waitReady } from './helpers';

/** docs/decisions.md: readable from the back of a room at 1280×720. */
const MIN_TEXT_PX = 20;
const MIN_CHART_TEXT_PX = 15;

/** What only each section shows: exactly one of them is on the page at a time. */
const MARKERS = {
  tour: '.tour',
  controls: '.controls',
  depth: '.depth-chart',
  layers: '.layers',
  training: '.training-controls',
} as const;
type Section = keyof typeof MARKERS;

async function expectSection(page: Page, section: Section) {
  await expect(page).toHaveURL(new RegExp(`[?&]present=1&section=${section}(&|$)`));
  await expect(page.locator('.app.present')).toHaveAttribute('data-section', section);
  for (const [name, selector] of Object.entries(MARKERS))
    await expect(page.locator(selector), `${name} while on ${section}`).toHaveCount(
      name === section ? 1 : 0,
    );
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current]'),
  ).toHaveCount(1);
}

/**
 * The smallest font size of visible text in the page, as drawn: HTML text by its computed size,
 * chart text by its computed size times the chart's scale on screen (getScreenCTM).
 */
async function smallestText(page: Page) {
  return page.locator('.app.present').evaluate((root) => {
    const smallest = { html: Infinity, htmlText: '', chart: Infinity, chartText: '' };
    const hidden = (element: Element) => {
      for (let at: Element | null = element; at && at !== root; at = at.parentElement)
        if (getComputedStyle(at).clipPath !== 'none') return true;
      return !element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const element = node.parentElement;
      if (!text || !element) continue;
      const box = element.getBoundingClientRect();
      if (box.width < 2 || box.height < 2 || hidden(element)) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (element instanceof SVGGraphicsElement) {
        const ctm = element.getScreenCTM();
        const shown = size * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
        if (shown < smallest.chart) Object.assign(smallest, { chart: shown, chartText: text });
      } else if (size < smallest.html) Object.assign(smallest, { html: size, htmlText: text });
    }
    return smallest;
  });
}

async function expectReadable(page: Page, section: string) {
  const smallest = await smallestText(page);
  console.log(
    `${section}: smallest text ${smallest.html} px ("${smallest.htmlText.slice(0, 30)}"), ` +
      `chart text ${smallest.chart.toFixed(1)} px ("${smallest.chartText.slice(0, 20)}")`,
  );
  expect(smallest.html, `"${smallest.htmlText}" in ${section}`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  // Infinity where a section has no chart (controls).
  expect(smallest.chart, `"${smallest.chartText}" in ${section}`).toBeGreaterThanOrEqual(
    MIN_CHART_TEXT_PX,
  );
}

async function expectAxeClean(page: Page, section: string) {
  await page.waitForFunction(() => document.getAnimations().length === 0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target.join(' ')}`);
  expect(found, section).toEqual([]);
}

test('a linked section opens; ←/→ and Page Up/Down walk every section, each readable and axe clean', async ({
  page,
}) => {
  const errors = await openPage(page, `?${SMALL}&present=1&section=depth`);
  await expectSection(page, 'depth');
  await page.keyboard.press('ArrowLeft');
  await expectSection(page, 'controls');
  for (const section of ['controls', 'depth', 'layers', 'training'] as const) {
    if (section !== 'controls') {
      await page.keyboard.press('ArrowRight');
      await expectSection(page, section);
    }
    await waitReady(page);
    await expectReadable(page, section);
    await expectAxeClean(page, section);
  }
  // The last section stays the last; the clicker's keys walk back.
  await page.keyboard.press('PageDown');
  await expectSection(page, 'training');
  for (const section of ['layers', 'depth', 'controls'] as const) {
    await page.keyboard.press('PageUp');
    await expectSection(page, section);
  }
  await page.keyboard.press('PageDown');
  await expectSection(page, 'depth');
  // Back goes back through the sections, as each one is a history entry.
  await page.goBack();
  await expectSection(page, 'controls');
  expect(errors).toEqual([]);
});

test('entered and left by the header’s button; the tour walked full screen with Shift+←/→', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openPage(page, `?${SMALL}`);
  await page.getByRole('button', { name: 'Projector mode' }).click();
  await expectSection(page, 'controls');
  await expect(page.getByRole('button', { name: 'Leave projector mode' })).toBeFocused();

  await page.getByRole('button', { name: 'Lecture tour' }).click();
  await expectSection(page, 'tour');
  const title = page.locator('#tour-title');
  const first = (await title.textContent()) ?? '';
  await expect(page.locator('.tour-chapter')).toContainText('step 1 of');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.tour-chapter')).toContainText('step 2 of');
  await expect(page).toHaveURL(/tour=sigmoid-not-zero-centred&present=1&section=tour/);
  await page.keyboard.press('Shift+PageDown');
  await expect(page.locator('.tour-chapter')).toContainText('step 3 of');
  await expectReadable(page, 'tour');
  await expectAxeClean(page, 'tour');
  // The tour's own buttons still step; from inside the panel (whose ←/→ step the tour outside
  // projector mode) a plain arrow moves the section, not the step: one key, one thing.
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page.locator('.tour-chapter')).toContainText('step 2 of');
  await page.keyboard.press('ArrowRight');
  await expectSection(page, 'controls');
  await expect(page).toHaveURL(/tour=sigmoid-not-zero-centred/);
  await page.keyboard.press('Shift+ArrowLeft');
  await expectSection(page, 'tour');
  await expect(title).toHaveText(first);
  // Escape closes the tour, and its section with it.
  await page.keyboard.press('Escape');
  await expectSection(page, 'controls');
  await expect(page).not.toHaveURL(/tour=/);

  await page.getByRole('button', { name: 'Leave projector mode' }).click();
  await expect(page).not.toHaveURL(/present=|section=/);
  await expect(page.locator('.app.present')).toHaveCount(0);
  await expect(page.locator('.sidebar')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Projector mode' })).toBeFocused();
  expect(errors).toEqual([]);
});

test('training on a data set: its panels and charts are as readable, and axe clean', async ({
  page,
}) => {
  const errors = await openPage(page, `?${SMALL}&data=spiral&present=1&section=training`);
  await expectSection(page, 'training');
  await expect(page.locator('.slide canvas, .slide svg[role="img"]').first()).toBeVisible();
  await expectReadable(page, 'training on the spiral');
  await expectAxeClean(page, 'training on the spiral');
  expect(errors).toEqual([]);
});

test('under a dark system theme: white on black, and axe clean', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const errors = await openPage(page, `?${SMALL}&present=1&section=depth`);
  const background = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  expect(background).toBe('rgb(0, 0, 0)');
  await expectAxeClean(page, 'depth, dark');
  await page.keyboard.press('ArrowRight');
  await expectSection(page, 'layers');
  await expectAxeClean(page, 'layers, dark');
  expect(errors).toEqual([]);
});
