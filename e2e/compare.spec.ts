/** Pin as A, change to B: both drawn and labelled, the differences listed, the link carries A. */
import { expect, test } from '@playwright/test';
import { openPage, waitReady } from './helpers';

test('pin ReLU + Xavier as A, switch to He as B, see both and what differs', async ({
  page,
  context,
}) => {
  await openPage(page, '?act=relu&init=xavier&layers=10&width=200&input=200&batch=400');
  await page.getByRole('button', { name: 'Pin as A' }).click();
  await expect(page.locator('section.compare')).toHaveAttribute('data-pinned', 'true');
  await page.getByLabel('Initialization').selectOption('he');
  await waitReady(page);
  const differences = page.getByTestId('differences');
  await expect(differences).toContainText('init: xavier → he');
  await expect(differences).toContainText(/layer \d+ std: /);
  await expect(page.getByText('(outline)')).toBeVisible();
  await expect(page.getByText('(filled)')).toBeVisible();
  // A's outline is drawn over B's bars in the layer panels and the depth chart's legend says A.
  await expect(page.getByTestId('layer-10').locator('svg').first()).toHaveAttribute(
    'aria-label',
    /A|compar/i,
  );
  await expect(page).toHaveURL(/[?&]a=/);
  await page.screenshot({ path: 'test-results/screens/compare-xavier-he.png', fullPage: true });

  // The link reproduces the comparison in a new page.
  const copy = await context.newPage();
  await copy.goto(page.url());
  await waitReady(copy);
  await expect(copy.getByTestId('differences')).toContainText('init: xavier → he');
  await copy.close();

  await page.getByRole('button', { name: 'Unpin A' }).click();
  await expect(page.locator('section.compare')).toHaveAttribute('data-pinned', 'false');
  await expect(page).not.toHaveURL(/[?&]a=/);
});

test('while training, A and B train side by side on the same batches, their curves overlaid', async ({
  page,
}) => {
  await openPage(page, '?data=spiral&act=relu&init=xavier&layers=4&width=32&batch=32&lr=0.1');
  await page.getByRole('button', { name: 'Pin as A' }).click();
  await page.getByLabel('Initialization').selectOption('he');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('train-step').textContent()))
    .toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const lossChart = page.locator('figure.series-chart', { hasText: 'Loss' }).locator('svg');
  await expect(lossChart).toHaveAttribute('aria-label', /A train/);
  await expect(lossChart).toHaveAttribute('aria-label', /B train/);
  await expect(page.locator('section.compare')).toContainText('rate 0.1');
  await page.screenshot({ path: 'test-results/screens/compare-training.png', fullPage: true });
});
