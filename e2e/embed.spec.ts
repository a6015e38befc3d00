/** ?embed=1: only the panels and a minimal control strip, with a link to the full page. */
import { expect, test } from '@playwright/test';
import { openPage, waitReady } from './helpers';

test('embed mode shows the panels, a control strip and where it comes from', async ({ page }) => {
  const errors = await openPage(
    page,
    '?embed=1&act=tanh&init=xavier&layers=4&width=100&input=100&batch=200',
  );
  await expect(page.getByTestId(/^layer-\d+$/)).toHaveCount(4);
  await expect(page.getByLabel('Units per layer')).toHaveCount(0);
  const source = page.getByRole('link', { name: /Activation Lab/ });
  await expect(source).toHaveAttribute('href', /init=xavier/);
  await expect(source).not.toHaveAttribute('href', /embed=1/);
  await page.getByLabel('Initialization').selectOption('large');
  await waitReady(page);
  expect(Number(await page.getByTestId('layer-4').getAttribute('data-saturated'))).toBeGreaterThan(
    0.5,
  );
  await page.screenshot({ path: 'test-results/screens/embed.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the built page forbids inline scripts (Content-Security-Policy)', async ({ page }) => {
  await page.goto('./');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain("'unsafe-inline' 'self'");
  await waitReady(page);
});
