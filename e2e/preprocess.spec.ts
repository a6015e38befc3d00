/** Data preprocessing: the lecture's pictures on the current data, and the training input switch. */
import { expect, test } from '@playwright/test';
import { openPage, waitReady } from './helpers';

test('the 2-D cloud raw, centred, normalized, PCA and whitened; training takes the chosen one', async ({
  page,
}) => {
  await openPage(page, '?data=blobs&act=relu&init=he&layers=2&width=16&batch=32');
  const panel = page.locator('section.preprocess');
  await expect(panel.locator('canvas')).toHaveCount(5);
  for (const name of ['original', 'zero-centred', 'normalized', 'PCA-decorrelated', 'whitened']) {
    await expect(panel.locator('figcaption', { hasText: new RegExp(`^${name}$`) })).toBeVisible();
  }
  await expect(panel.locator('canvas').first()).toHaveAttribute('aria-label', /points/);
  await page.getByLabel('Preprocessing').selectOption('whiten');
  await waitReady(page);
  await expect(page).toHaveURL(/prep=whiten/);
  await expect(panel).toContainText('Training uses: whitened');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('train-step').textContent())).toBe(1);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/preprocess-blobs.png', fullPage: true });
});

test('the digits: the mean image and mean-subtracted digits; PCA is not offered', async ({
  page,
}) => {
  await openPage(page, '?data=digits&act=relu&init=he&layers=2&width=32&batch=32');
  const panel = page.locator('section.preprocess');
  await expect(panel.locator('canvas')).toHaveCount(2);
  await expect(panel.locator('canvas').first()).toHaveAttribute(
    'aria-label',
    /mean training image/,
  );
  await expect(page.getByLabel('Preprocessing').locator('option[value="pca"]')).toHaveCount(0);
  // Raw pixels are never negative: every example is one-signed; centred, almost none is.
  await expect(page.getByTestId('digits-single-signed')).toContainText(/100 % of raw digits/);
  await expect(page.getByTestId('digits-single-signed')).toContainText(
    /[0-9<]+ ?% after subtracting/,
  );
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/preprocess-digits.png' });
});
