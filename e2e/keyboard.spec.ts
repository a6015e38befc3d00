/**
 * Keyboard-only use: Tab through the controls, change them with the keys a keyboard user has,
 * reach the diagnosis's fix and press Enter; the focus is always visible.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { layerStat, signature, waitChanged, waitReady } from './helpers';

/** The focused element draws a visible outline (the :focus-visible ring). */
async function expectFocusRing(target: Locator, name: string) {
  await expect(target, `${name} has the focus`).toBeFocused();
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      width: parseFloat(style.outlineWidth),
      style: style.outlineStyle,
      color: style.outlineColor,
    };
  });
  expect(ring.focusVisible, `${name} matches :focus-visible`).toBe(true);
  expect(ring.width, `${name} outline width`).toBeGreaterThan(0);
  expect(ring.style, `${name} outline style`).not.toBe('none');
  expect(ring.color, `${name} outline colour`).not.toMatch(/rgba\(.*,\s*0\)|transparent/);
}

/** Presses Tab until `target` has the focus (at most `limit` presses). */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('keyboard only: Tab through the controls, change them, and press the suggested fix', async ({
  page,
}) => {
  await page.goto('./?layers=10&width=100&batch=200&input=100');
  await waitReady(page);
  // Start from the top of the document, as a keyboard user who just loaded the page.
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  // The header's Lecture tour and Projector mode buttons come first, then Open recording and its
  // help, then the controls.
  await page.keyboard.press('Tab');
  await expectFocusRing(page.getByRole('button', { name: 'Lecture tour' }), 'Lecture tour');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Projector mode' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Open recording…' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByText('Record your network')).toBeFocused();
  const activation = page.getByLabel('Activation');
  await page.keyboard.press('Tab');
  await expectFocusRing(activation, 'Activation');
  await page.screenshot({ path: 'test-results/screens/keyboard-focus-activation.png' });

  // tanh → ReLU with the arrow key (the next option), no mouse.
  let before = await signature(page);
  await page.keyboard.press('ArrowDown');
  await expect(activation).toHaveValue('relu');
  await expect(page).toHaveURL(/act=relu/);
  await waitChanged(page, before);

  // Initialization: type the first letter of "Xavier".
  const init = page.getByLabel('Initialization');
  await page.keyboard.press('Tab');
  await expectFocusRing(init, 'Initialization');
  before = await signature(page);
  await page.keyboard.type('x');
  await expect(init).toHaveValue('xavier');
  await waitChanged(page, before);

  // Normalization: typing "b" picks batch normalization, and the up arrow turns it off again.
  const bn = page.getByLabel('Normalization', { exact: true });
  await page.keyboard.press('Tab');
  await expectFocusRing(bn, 'Normalization');
  await page.screenshot({ path: 'test-results/screens/keyboard-focus-checkbox.png' });
  before = await signature(page);
  await page.keyboard.type('b');
  await expect(bn).toHaveValue('batch');
  await expect(page).toHaveURL(/bn=1/);
  await waitChanged(page, before);
  before = await signature(page);
  await page.keyboard.press('ArrowUp');
  await expect(bn).toHaveValue('none');
  await waitChanged(page, before);

  // The number fields are next in the tab order, each with a visible ring.
  const layers = page.getByLabel('Layers', { exact: true });
  await page.keyboard.press('Tab');
  await expectFocusRing(layers, 'Layers');
  // ArrowUp steps a number field and commits after the typing pause.
  before = await signature(page);
  await page.keyboard.press('ArrowUp');
  await expect(layers).toHaveValue('11');
  await waitChanged(page, before);
  await expect(page.getByTestId(/^layer-\d+$/)).toHaveCount(11);

  // ReLU + Xavier shrinks with depth: the diagnosis offers He, reachable by Tab.
  const fix = page.getByRole('region', { name: 'Diagnosis' }).getByRole('button', { name: /He/ });
  await expect(fix).toBeVisible();
  await tabTo(page, fix);
  await expectFocusRing(fix, 'the fix button');
  await fix.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/keyboard-focus-fix.png' });
  before = await signature(page);
  await page.keyboard.press('Enter');
  await waitChanged(page, before);
  await expect(init).toHaveValue('he');
  const ratio = (await layerStat(page, 11, 'act-std')) / (await layerStat(page, 1, 'act-std'));
  expect(ratio).toBeGreaterThan(0.6);

  // The gradient axis radio group works with arrow keys too.
  const linear = page.getByLabel('linear', { exact: true });
  await tabTo(page, linear);
  await expectFocusRing(linear, 'the gradient axis');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('log₁₀ |g|')).toBeChecked();
  await expect(page).toHaveURL(/grad=log/);

  // The statistics table opens from the keyboard.
  const summary = page.getByText('Statistics table');
  await tabTo(page, summary);
  await expectFocusRing(summary, 'the statistics table summary');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/keyboard-end.png', fullPage: true });
});

test('the tab order follows the page: the header, then the controls in their visual order', async ({
  page,
}) => {
  await page.goto('./?layers=2&width=50&batch=100&input=50');
  await waitReady(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const names: string[] = [];
  for (let i = 0; i < 13; i++) {
    await page.keyboard.press('Tab');
    names.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
        return (label?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
      }),
    );
  }
  expect(names).toEqual([
    'Lecture tour',
    'Projector mode',
    'Open recording…',
    'Record your network',
    'Activation',
    'Initialization',
    'Normalization',
    'Layers',
    'Units per layer',
    'Batch size',
    'Input dimension',
    'Classes',
    'Seed',
  ]);
});
