/**
 * The Lecture tour: every step's "Show me", its live verdict and its control's (the cause removed:
 * not reproduced), demonstrations labelled as such, walked by keyboard and clicks.
 */
import { expect, test } from '@playwright/test';
import { CLAIMS } from '../src/engine/claims';
import { openPage, waitReady } from './helpers';

test('the tour walks every claim: each verdict reproduced, each control not', async ({ page }) => {
  test.setTimeout(420_000);
  await openPage(page, '?layers=3&width=50&input=50&batch=100');
  await page.getByRole('button', { name: 'Lecture tour' }).click();
  for (const [index, claim] of CLAIMS.entries()) {
    await expect(page.getByRole('heading', { name: claim.title })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`tour=${claim.id}`));
    const verdict = page.getByTestId(`claim-${claim.id}`);
    await expect(verdict, claim.id).toHaveAttribute('data-reproduced', 'true', { timeout: 30_000 });
    const control = page.getByTestId(`control-${claim.id}`);
    await expect(control, claim.id).toHaveAttribute('data-reproduced', 'false', {
      timeout: 30_000,
    });
    await expect(control).toContainText(`Without the cause (${claim.control.description})`);
    await expect(control).toContainText('not reproduced');
    await expect(page.getByTestId('demonstration')).toHaveCount(
      claim.kind === 'demonstration' ? 1 : 0,
    );
    if (index === 0 || index % 6 === 0) {
      await page.getByRole('button', { name: 'Show me', exact: true }).click();
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
  await page.getByRole('button', { name: 'Show me', exact: true }).click();
  await waitReady(page);
  await expect(page.getByLabel('Initialization')).toHaveValue('small');
  await expect(page.getByLabel('Activation')).toHaveValue('tanh');
  await page.getByRole('button', { name: 'Show me', exact: true }).press('ArrowRight');
  await expect(page).toHaveURL(/tour=large-init-saturates/);
  await page.getByRole('button', { name: 'Show me', exact: true }).press('ArrowLeft');
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

test('Show me the control applies the control’s setting; a demonstration says so', async ({
  page,
}) => {
  await openPage(page, '?tour=small-init-collapses');
  await page.getByRole('button', { name: 'Show me the control' }).click();
  await waitReady(page);
  await expect(page.getByLabel('Initialization')).toHaveValue('xavier');
  await expect(page.getByTestId('control-small-init-collapses')).toHaveAttribute(
    'data-reproduced',
    'false',
    { timeout: 30_000 },
  );
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/tour=large-init-saturates/);
  await page.getByRole('button', { name: '← Previous' }).click();
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page).toHaveURL(/tour=zeros-init-symmetry/);
  const label = page.getByTestId('demonstration');
  await expect(label).toContainText('Demonstration');
  await expect(label).toContainText('not a finding');
  await expect(page.getByTestId('claim-zeros-init-symmetry')).toContainText('Holds, as it must', {
    timeout: 30_000,
  });
  await page.screenshot({ path: 'test-results/screens/tour-demonstration.png', fullPage: true });
});
