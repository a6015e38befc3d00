/**
 * The controls for what came after the lecture, used as a person would: residual connections,
 * branch scale, the normalization's kind and place, dropout, AdamW's weight decay. The link
 * carries them and a reload restores them; a refused value says why in the alert region and
 * nothing else changes.
 */
import { expect, type Page, test } from '@playwright/test';
import { alertRegion, collectErrors, expectNoAlert, SMALL, typeNumber, waitReady } from './helpers';

const param = (url: string, name: string) => new URL(url).searchParams.get(name);

/** Polls the page's URL until its parameter `name` reads `value` (null: absent). */
async function expectParam(page: Page, name: string, value: string | null): Promise<void> {
  await expect.poll(() => param(page.url(), name), { message: `?${name}=` }).toBe(value);
}

const byLabel = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test('set by their labels, carried by the link, restored by a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`./?${SMALL}&act=relu&init=he`);
  await waitReady(page);
  const branchScale = byLabel(page, 'Branch scale');
  await expect(branchScale).toBeDisabled();

  await byLabel(page, 'Normalization').selectOption('layer');
  await expectParam(page, 'ln', '1');
  await byLabel(page, 'Residual connections').click();
  await expectParam(page, 'res', '1');
  await expect(branchScale).toBeEnabled();
  await branchScale.selectOption('rezero');
  await expectParam(page, 'alpha', 'rezero');
  await byLabel(page, 'Normalization place').selectOption('pre');
  await expectParam(page, 'normat', 'pre');
  await typeNumber(page, 'Dropout', '0.3');
  await expectParam(page, 'drop', '0.3');
  await byLabel(page, 'Dropout in the probe').click();
  await expectParam(page, 'dropprobe', '1');
  await waitReady(page);

  // Weight decay is Adam's (AdamW): it shows once Adam is chosen on a data set.
  await byLabel(page, 'Dataset').selectOption('spiral');
  await expect(byLabel(page, 'Weight decay (AdamW)')).toHaveCount(0);
  await byLabel(page, 'Optimizer').selectOption('adam');
  await typeNumber(page, 'Weight decay (AdamW)', '0.01');
  await expectParam(page, 'wd', '0.01');
  await expectNoAlert(page);
  await page
    .locator('.sidebar')
    .screenshot({ path: 'test-results/screens/after-lecture-sidebar.png' });

  await page.reload();
  await waitReady(page);
  await expect(byLabel(page, 'Normalization')).toHaveValue('layer');
  await expect(byLabel(page, 'Residual connections')).toBeChecked();
  await expect(branchScale).toHaveValue('rezero');
  await expect(byLabel(page, 'Normalization place')).toHaveValue('pre');
  await expect(byLabel(page, 'Dropout')).toHaveValue('0.3');
  await expect(byLabel(page, 'Dropout in the probe')).toBeChecked();
  await expect(byLabel(page, 'Optimizer')).toHaveValue('adam');
  await expect(byLabel(page, 'Weight decay (AdamW)')).toHaveValue('0.01');
  await expect(byLabel(page, 'Activation')).toHaveValue('relu');
  await expectNoAlert(page);
  expect(errors).toEqual([]);
});

test('the sidebar holds the new controls without overlap or overflow', async ({ page }) => {
  await page.goto(`./?${SMALL}&res=1&ln=1&normat=post&drop=0.2&data=spiral&opt=adam&wd=0.001`);
  await waitReady(page);
  const sidebar = await page.locator('.sidebar').boundingBox();
  const labels = [
    'Normalization',
    'Residual connections',
    'Branch scale',
    'Normalization place',
    'Dropout',
    'Dropout in the probe',
    'Weight decay (AdamW)',
  ];
  const boxes = [];
  for (const label of labels) {
    const box = await byLabel(page, label).boundingBox();
    expect(box, label).not.toBeNull();
    expect(box!.x, `${label} starts inside the sidebar`).toBeGreaterThanOrEqual(sidebar!.x);
    expect(box!.x + box!.width, `${label} ends inside the sidebar`).toBeLessThanOrEqual(
      sidebar!.x + sidebar!.width + 0.5,
    );
    boxes.push({ label, ...box! });
  }
  for (const a of boxes)
    for (const b of boxes) {
      if (a === b) continue;
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      expect(apart, `${a.label} and ${b.label} do not overlap`).toBe(true);
    }
  // The whole sidebar, and its two parts on their own (readable at their size).
  const screens = 'test-results/screens/after-lecture';
  await page.locator('.sidebar').screenshot({ path: `${screens}-sidebar-all.png` });
  await page.locator('form.controls').screenshot({ path: `${screens}-network.png` });
  await page.locator('.training-controls').screenshot({ path: `${screens}-training.png` });
});

test('a refused value says why in the alert region, and nothing is lost', async ({ page }) => {
  await page.goto(`./?${SMALL}&act=relu&drop=0.2`);
  await waitReady(page);
  const url = page.url();

  // Dropout above 0.9: the typed text stays, marked invalid, and 0.2 stays in use.
  await typeNumber(page, 'Dropout', '0.95');
  await expect(alertRegion(page)).toContainText('Dropout must be');
  await expect(alertRegion(page)).toContainText('0.9');
  await expect(byLabel(page, 'Dropout')).toHaveValue('0.95');
  await expect(byLabel(page, 'Dropout')).toHaveAttribute('aria-invalid', 'true');
  expect(page.url()).toBe(url);

  // Pre-norm without residual connections: refused with the engine's reason.
  await typeNumber(page, 'Dropout', '0.2');
  await byLabel(page, 'Normalization place').selectOption('pre');
  await expect(alertRegion(page)).toContainText(
    'Normalization place: "pre" normalization needs residual connections',
  );
  await expect(byLabel(page, 'Normalization place')).toHaveValue('inside');
  expect(page.url()).toBe(url);

  // With residual connections it is accepted; turning them off under it is refused.
  await byLabel(page, 'Residual connections').click();
  await byLabel(page, 'Normalization place').selectOption('pre');
  await expectParam(page, 'normat', 'pre');
  await expectNoAlert(page);
  await byLabel(page, 'Residual connections').click();
  await expect(alertRegion(page)).toContainText('needs residual connections');
  await expect(byLabel(page, 'Residual connections')).toBeChecked();
  await expectParam(page, 'res', '1');
  await expectParam(page, 'drop', '0.2');
  await expectParam(page, 'act', 'relu');
});

test('the compare panel names the new settings that A and B set differently', async ({ page }) => {
  await page.goto(`./?${SMALL}&act=relu&init=he`);
  await waitReady(page);
  await page.getByRole('button', { name: 'Pin as A' }).click();
  await byLabel(page, 'Residual connections').click();
  await byLabel(page, 'Normalization').selectOption('layer');
  await waitReady(page);
  const differences = page.getByTestId('differences');
  await expect(differences).toContainText('residual: off → on');
  await expect(differences).toContainText('layernorm: off → on');
  await expect(page.locator('section.compare')).toContainText('layernorm, residual α = 1');
  // The link carries A as it was pinned: a reload shows the same differences.
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('differences')).toContainText('residual: off → on');
});
