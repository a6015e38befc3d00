/** The babysitting checklist on the current network and data set, with progress and Cancel. */
import { expect, test } from '@playwright/test';
import { openPage } from './helpers';

test('the checklist runs its four steps on the current network; Cancel stops it', async ({
  page,
}) => {
  await openPage(page, '?data=spiral&act=relu&init=he&layers=2&width=32&batch=32&lr=0.1');
  const panel = page.locator('section.babysit');
  await page.getByRole('button', { name: 'Run checklist' }).click();
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
  await expect(panel).toHaveAttribute('data-steps', '4');
  for (const id of ['initial-loss', 'regularization', 'overfit', 'lr-range']) {
    await expect(page.getByTestId(`babysit-${id}`)).toHaveAttribute('data-passed', 'true');
  }
  await expect(page.getByTestId('babysit-initial-loss')).toContainText('ln 3');
  await expect(panel.locator('svg')).toHaveAttribute('aria-label', /.+/);
  await page.screenshot({ path: 'test-results/screens/babysit.png', fullPage: true });

  await page.getByLabel('Units per layer').fill('256');
  await page.getByLabel('Units per layer').press('Enter');
  await page.getByRole('button', { name: 'Run checklist' }).click();
  await page.getByRole('button', { name: 'Cancel checklist' }).click();
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  expect(Number(await panel.getAttribute('data-steps'))).toBeLessThan(4);
});
