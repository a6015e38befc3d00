/** The Lecture tour: every step's "Show me" and its live verdict, walked by keyboard and clicks. */
import { expect, test } from '@playwright/test';
import { CLAIMS } from '../src/engine/claims';
import { openPage, waitReady } from './helpers';

test('the tour walks every claim of the lecture and finds each verdict reproduced', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openPage(page, '?layers=3&width=50&input=50&batch=100');
  await page.getByRole('button', { name: 'Lecture tour' }).click();
  for (const [index, claim] of CLAIMS.entries()) {
    await expect(page.getByRole('heading', { name: claim.title })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`tour=${claim.id}`));
    const verdict = page.getByTestId(`claim-${claim.id}`);
    await expect(verdict, claim.id).toHaveAttribute('data-reproduced', 'true', { timeout: 30_000 });
    if (index === 0 || index % 6 === 0) {
      await page.getByRole('button', { name: 'Show me' }).click();
      await expect(page.locator('.app')).toHaveAttribute('data-status', /ready|training/, {
        timeout: 30_000,
      });
      await page.screenshot({ path: `test-results/screens/tour-${claim.id}.png`, fullPage: true });
    }
    if (index < CLAIMS.length - 1) await page.getByRole('button', { name: 'Next →' }).click();
  }
});

test('Show me sets the whole state; the step is a shareable URL; ← and → walk the steps', async ({
  page,
  context,
}) => {
  await openPage(page, '?tour=small-init-collapses');
  await expect(page.getByRole('heading', { name: /small/i }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Show me' }).click();
  await waitReady(page);
  await expect(page.getByLabel('Initialization')).toHaveValue('small');
  await expect(page.getByLabel('Activation')).toHaveValue('tanh');
  await page.getByRole('button', { name: 'Show me' }).press('ArrowRight');
  await expect(page).toHaveURL(/tour=large-init-saturates/);
  await page.getByRole('button', { name: 'Show me' }).press('ArrowLeft');
  await expect(page).toHaveURL(/tour=small-init-collapses/);
  const copy = await context.newPage();
  await copy.goto(page.url());
  await expect(copy.getByTestId('claim-small-init-collapses')).toHaveAttribute(
    'data-reproduced',
    'true',
    { timeout: 30_000 },
  );
  await copy.close();
  await page.getByRole('button', { name: 'Close the tour' }).click();
  await expect(page).not.toHaveURL(/tour=/);
});
