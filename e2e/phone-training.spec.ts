/**
 * What a student sees on a 390-px phone training tanh with small weights on the spiral: the
 * saturated fraction's axis runs 0…1 (nothing saturates yet, every series is 0), and the neuron
 * maps say what they show outside the ReLU family instead of marking units dead.
 */
import { expect, test } from '@playwright/test';
import { openPage } from './helpers';

test.use({ viewport: { width: 390, height: 844 } });

test('tanh + small init on the spiral: a 0…1 fraction axis, neuron maps without dead units', async ({
  page,
}) => {
  await openPage(page, '?data=spiral&act=tanh&init=small&layers=3&width=32&batch=32&lr=0.05');
  for (let step = 1; step <= 3; step++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByTestId('train-step')).toHaveText(String(step));
  }
  const saturated = page.locator('figure.series-chart', { hasText: 'Saturated units per layer' });
  await expect(saturated.locator('svg')).toHaveAttribute('aria-label', /saturated fraction/);
  const labels = await saturated.locator('svg text').allTextContents();
  expect(labels).toContain('0');
  expect(labels).toContain('1');
  expect(labels.filter((label) => /^[−-]\d/.test(label))).toEqual([]);

  await expect(page.locator('#neuron-maps-title')).toContainText('pre-activation is positive');
  const map = page.getByTestId('neuron-map-1');
  await expect(map.locator('figcaption')).toHaveText(/Layer 1 · positive \d+ %/);
  await expect(map).not.toHaveAttribute('data-dead');
  await expect(map.locator('canvas')).toHaveAttribute('aria-label', /positive on/);
  await expect(map.locator('canvas')).not.toHaveAttribute('aria-label', /never fire/);
  await page.screenshot({ path: 'test-results/screens/phone-tanh-small.png', fullPage: true });
});

test('ReLU neuron maps still count dead units', async ({ page }) => {
  await openPage(page, '?data=spiral&act=relu&init=he&layers=3&width=32&batch=32&lr=0.05');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const map = page.getByTestId('neuron-map-1');
  await expect(map.locator('figcaption')).toHaveText(/Layer 1 · dead \d+ %/);
  await expect(map.locator('canvas')).toHaveAttribute('aria-label', /never fire/);
});
