/**
 * Your own network: a recording written by the Python recorder (python/examples/record_mlp.py,
 * real PyTorch) opens in the page through the file picker, a drop and ?recording=URL; the panels
 * carry the file's numbers; broken files get a message and the page keeps what it had.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { alertRegion, allStats, openPage, SMALL } from './helpers';

interface LayerStep {
  name: string;
  act: { mean: number; std: number };
  saturated: number;
  grad_act_std: number;
}
interface Recording {
  model: { layers: { name: string }[] };
  steps: { step: number; layers: LayerStep[] }[];
}

const folder = mkdtempSync(join(tmpdir(), 'alab-e2e-'));
const paths = { large: join(folder, 'mlp-large.alab.json'), plain: join(folder, 'mlp.alab.json') };

test.beforeAll(() => {
  const example = fileURLToPath(new URL('../python/examples/record_mlp.py', import.meta.url));
  execFileSync('/usr/bin/python3', [example, '--out', paths.large, '--init', 'large']);
  execFileSync('/usr/bin/python3', [example, '--out', paths.plain]);
});

const read = (path: string): Recording => JSON.parse(readFileSync(path, 'utf8'));

async function openWithPicker(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await (await chooser).setFiles(path);
}

/** Every recorded layer's panel shows the file's numbers at `step`. */
async function expectPanelsMatch(page: Page, recording: Recording, index: number) {
  const step = recording.steps[index];
  await expect(page.getByTestId('recording-step')).toHaveText(`step ${step.step}`);
  for (const [i, layer] of step.layers.entries()) {
    const panel = page.getByTestId(`recording-layer-${i + 1}`);
    await expect(panel).toHaveAttribute('data-name', layer.name);
    await expect(panel).toHaveAttribute('data-step', String(step.step));
    for (const [attribute, value] of [
      ['data-act-std', layer.act.std],
      ['data-act-mean', layer.act.mean],
      ['data-saturated', layer.saturated],
      ['data-grad-std', layer.grad_act_std],
    ] as const)
      expect(Number(await panel.getAttribute(attribute)), `${layer.name} ${attribute}`).toBe(value);
  }
}

test('a PyTorch recording opens from the file picker: panels carry its numbers, the diagnosis names the layer', async ({
  page,
}) => {
  const errors = await openPage(page, `?${SMALL}`);
  await openWithPicker(page, paths.large);
  const recording = read(paths.large);
  await expect(page.getByTestId('recording-summary')).toContainText(
    `mlp-large.alab.json: Sequential, 5 layers, ${recording.steps.length} recorded steps`,
  );
  await expectPanelsMatch(page, recording, recording.steps.length - 1);
  const saturated = page.locator('.findings li[data-rule="saturated"]').first();
  await expect(saturated).toHaveAttribute('data-layer', '0');
  await expect(saturated).toContainText('0');
  await page.screenshot({ path: 'test-results/screens/recording.png', fullPage: true });

  // The slider scrubs through training: Home goes to the first recorded step.
  await page.getByLabel('Recorded step').focus();
  await page.keyboard.press('Home');
  await expectPanelsMatch(page, recording, 0);
  await page.keyboard.press('ArrowRight');
  await expectPanelsMatch(page, recording, 1);
  expect(errors).toEqual([]);
});

test('pin one recording as A, open another as B: both in the depth chart, A named', async ({
  page,
}) => {
  await openPage(page, `?${SMALL}`);
  await openWithPicker(page, paths.large);
  await page.getByRole('button', { name: 'Pin as A' }).click();
  await openWithPicker(page, paths.plain);
  await expect(page.getByTestId('recording-summary')).toContainText('mlp.alab.json');
  await expect(page.locator('.pinned-recording')).toContainText('A: mlp-large.alab.json');
  await expect(page.locator('.recording-view .depth-chart svg')).toContainText(
    'A: mlp-large.alab.json',
  );
  await page.screenshot({ path: 'test-results/screens/recording-compare.png', fullPage: true });
  await page.getByRole('button', { name: 'Close recording' }).click();
  await expect(page.getByTestId('layer-1')).toBeVisible();
});

test("the lab's own run opens as B beside a PyTorch recording as A, with the lab's numbers", async ({
  page,
}) => {
  await openPage(page, `?${SMALL}`);
  const lab = await allStats(page);
  await openWithPicker(page, paths.large);
  await page.getByRole('button', { name: 'Compare with the lab’s run' }).click();
  await expect(page.getByTestId('recording-summary')).toContainText("the lab's run");
  await expect(page.locator('.pinned-recording')).toContainText('A: mlp-large.alab.json');
  const recorded = await page
    .getByTestId(/^recording-layer-\d+$/)
    .evaluateAll((panels) => panels.map((p) => p.getAttribute('data-act-std')));
  expect(recorded).toEqual(lab);
});

test('?recording=URL opens a recording served beside the page, and the link keeps it', async ({
  page,
}) => {
  await page.route('**/runs/mlp.alab.json', (route) => route.fulfill({ path: paths.plain }));
  await openPage(page, `?${SMALL}&recording=runs/mlp.alab.json`);
  await expectPanelsMatch(page, read(paths.plain), read(paths.plain).steps.length - 1);
  expect(new URL(page.url()).searchParams.get('recording')).toBe('runs/mlp.alab.json');
});

/** Drops a file made of `text` on the page, as a drag from the desktop would. */
async function dropFile(page: Page, name: string, text: string) {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'application/json' }));
      return data;
    },
    [name, text],
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

test('broken files dropped on the page say what is wrong; the page keeps what it showed', async ({
  page,
}) => {
  await openPage(page, `?${SMALL}`);
  const before = await allStats(page);
  const url = page.url();
  const cases: [string, string, RegExp][] = [
    ['notes.txt', 'this is not json', /Could not open notes\.txt: Not JSON/],
    [
      'v7.alab.json',
      '{"format":"activation-lab-recording","version":7}',
      /version 7 is not supported/,
    ],
    [
      'nan.alab.json',
      readFileSync(paths.plain, 'utf8').replace(/"std":[0-9.e-]+/, '"std":NaN'),
      /NaN/,
    ],
  ];
  expect(cases[2][1], 'the NaN case really holds a NaN').toContain('"std":NaN');
  for (const [name, text, message] of cases) {
    await dropFile(page, name, text);
    await expect(alertRegion(page)).toContainText(message);
    expect(await allStats(page)).toEqual(before);
    expect(page.url()).toBe(url);
    await page.screenshot({ path: `test-results/screens/recording-broken-${name}.png` });
    await page.getByRole('button', { name: 'Dismiss message' }).click();
  }

  // A good recording open, a broken one dropped: the open one stays.
  await dropFile(page, 'mlp.alab.json', readFileSync(paths.plain, 'utf8'));
  await expect(page.getByTestId('recording-summary')).toContainText('mlp.alab.json');
  await dropFile(page, 'bad.alab.json', '{"format":"activation-lab-recording","version":1}');
  await expect(alertRegion(page)).toContainText('Could not open bad.alab.json');
  await expect(page.getByTestId('recording-summary')).toContainText('mlp.alab.json');
});
