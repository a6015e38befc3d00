/**
 * The page benchmark: the built page in headless Chromium, the lecture default, toggled between
 * two initializations. Prints one JSON object of medians over the toggles: control change to the
 * first layer panel, to every activation panel, to ready (every gradient panel), and the longest
 * main-thread task seen (long-task entries, which the browser reports from 50 ms up). With
 * --training: steps per second and frames per second while two networks train, and the heap.
 * --recording: opening a synthetic recording (--layers × --steps) through the file picker, to
 * its panels drawn, and the longest main-thread task meanwhile.
 *   npm run --silent bench:page [-- --toggles 10] [--search "?act=relu"]
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { syntheticRecording } from '../engine/recording/synthetic';
import { preview } from 'vite';
import { type FlagSpec, helpText, numberFlag, parseArgs, runCommand, stringFlag } from './args';

const FLAGS: Record<string, FlagSpec> = {
  toggles: { default: '10', help: 'control changes to time (medians are printed)' },
  search: { default: '', help: 'query string of the starting state (default: the lecture)' },
  training: {
    boolean: true,
    help: 'measure training instead: steps/s and frames/s while training',
  },
  seconds: { default: '5', help: 'with --training: seconds to train each network' },
  only: { help: 'with --training: one run, by name (e.g. train-6x100-b128-spiral)' },
  recording: {
    boolean: true,
    help: 'measure opening a recording instead (--layers × --steps, through the file picker)',
  },
  layers: { default: '100', help: 'with --recording: layers in the recording' },
  steps: { default: '1000', help: 'with --recording: recorded steps' },
  help: { boolean: true, help: 'print this help' },
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface ToggleTiming {
  firstPanelMs: number;
  allActivationsMs: number;
  readyMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
};

/** Runs in the page: changes Initialization and times the panels filling. */
function toggleInPage(init: string): Promise<ToggleTiming> {
  const root = document.querySelector('.app')!;
  const select = [...document.querySelectorAll('label')].find(
    (l) => l.textContent === 'Initialization',
  )!.control as HTMLSelectElement;
  const panels = [...document.querySelectorAll('[data-testid^="layer-"]')];
  const before = panels.map((p) => p.getAttribute('data-act-std'));
  return new Promise((resolve) => {
    const start = performance.now();
    let firstPanelMs = NaN;
    let allActivationsMs = NaN;
    const observer = new MutationObserver(() => {
      const now = performance.now() - start;
      const changed = panels.map((p, i) => p.getAttribute('data-act-std') !== before[i]);
      if (Number.isNaN(firstPanelMs) && changed[0]) firstPanelMs = now;
      if (Number.isNaN(allActivationsMs) && changed.every(Boolean)) allActivationsMs = now;
      if (root.getAttribute('data-status') === 'ready' && !Number.isNaN(allActivationsMs)) {
        observer.disconnect();
        resolve({ firstPanelMs, allActivationsMs, readyMs: now });
      }
    });
    observer.observe(root, {
      attributes: true,
      subtree: true,
      attributeFilter: ['data-act-std', 'data-status'],
    });
    select.value = init;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const TRAINING_RUNS: [string, string][] = [
  ['train-6x100-b128-spiral', '?data=spiral&act=relu&init=he&layers=6&width=100&batch=128&lr=0.05'],
  [
    'train-3x256-b64-digits',
    '?data=digits&act=relu&init=he&layers=3&width=256&batch=64&opt=adam&lr=0.001',
  ],
  // Capped at 300 steps/s: the worker then leaves this 2-core machine's second core to the page.
  [
    'train-6x100-b128-spiral-300',
    '?data=spiral&act=relu&init=he&layers=6&width=100&batch=128&lr=0.05&speed=300',
  ],
];

/** Trains for `seconds` and reports steps/s, the page's frame rate and its heap. */
async function measureTraining(
  page: import('@playwright/test').Page,
  url: string,
  seconds: number,
) {
  await page.goto(url);
  await page.locator('.app[data-status="ready"]').waitFor({ timeout: 60_000 });
  const heapBefore = await page.evaluate(
    () =>
      (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory
        ?.usedJSHeapSize ?? 0,
  );
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.locator('.app[data-status="training"]').waitFor();
  // A string, not a function: tsx's helpers (e.g. __name) do not exist in the page.
  const measured = (await page.evaluate(`(async () => {
    const stepOf = () => Number(document.querySelector('[data-testid="train-step"]')?.textContent ?? 0);
    const firstStep = stepOf();
    const start = performance.now();
    let frames = 0;
    await new Promise((resolve) => {
      const tick = () => {
        frames++;
        if (performance.now() - start < ${seconds * 1000}) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const elapsed = (performance.now() - start) / 1000;
    return { stepsPerSecond: (stepOf() - firstStep) / elapsed, fps: frames / elapsed };
  })()`)) as { stepsPerSecond: number; fps: number };
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const heapAfter = await page.evaluate(
    () =>
      (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory
        ?.usedJSHeapSize ?? 0,
  );
  return {
    seconds,
    steps_per_second: Math.round(measured.stepsPerSecond),
    fps: Math.round(measured.fps * 10) / 10,
    heap_mb_before: Math.round(heapBefore / 1e5) / 10,
    heap_mb_after: Math.round(heapAfter / 1e5) / 10,
  };
}

/** Opens a synthetic recording in the page and times it to its last layer panel drawn. */
async function measureRecording(page: Page, url: string, layers: number, steps: number) {
  const folder = mkdtempSync(join(tmpdir(), 'alab-bench-'));
  const path = join(folder, `synthetic-${layers}x${steps}.alab.json`);
  writeFileSync(path, JSON.stringify(syntheticRecording(layers, steps)));
  try {
    await page.goto(url);
    await page.locator('.app[data-status="ready"]').waitFor({ timeout: 60_000 });
    await page.evaluate(observeLongTasks);
    const start = Date.now();
    await page.getByLabel('Recording file').setInputFiles(path);
    await page.getByTestId(`recording-layer-${layers}`).waitFor({ timeout: 120_000 });
    const openMs = Date.now() - start;
    const longTasks = await page.evaluate(() => (window as LongTaskWindow).longTasks ?? []);
    return {
      workload: `open-recording-${layers}x${steps}`,
      bytes: statSync(path).size,
      open_ms: openMs,
      longest_task_ms: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
      long_tasks: longTasks.length,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

type LongTaskWindow = Window & { longTasks?: number[] };

/** Runs in the page: collects the durations of main-thread tasks over 50 ms from now on. */
function observeLongTasks() {
  const w = window as LongTaskWindow;
  w.longTasks = [];
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => w.longTasks!.push(e.duration)),
  ).observe({ type: 'longtask' });
}

runCommand(async () => {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.has('help')) {
    process.stdout.write(helpText('Usage: npm run --silent bench:page -- [flags]', FLAGS) + '\n');
    return;
  }
  const toggles = numberFlag(args, 'toggles', FLAGS, true);
  const search = stringFlag(args, 'search', FLAGS);
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run npm run build first');
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not start');
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    if (args.has('recording')) {
      const layers = numberFlag(args, 'layers', FLAGS, true);
      const steps = numberFlag(args, 'steps', FLAGS, true);
      const result = await measureRecording(page, url + search, layers, steps);
      process.stdout.write(JSON.stringify(result) + '\n');
      return;
    }
    if (args.has('training')) {
      const only = args.has('only') ? stringFlag(args, 'only', FLAGS) : null;
      for (const [name, search] of TRAINING_RUNS) {
        if (only && name !== only) continue;
        const result = await measureTraining(
          page,
          url + search,
          numberFlag(args, 'seconds', FLAGS, false),
        );
        process.stdout.write(JSON.stringify({ workload: name, ...result }) + '\n');
      }
      return;
    }
    await page.goto(url + search);
    await page.locator('.app[data-status="ready"]').waitFor({ timeout: 60_000 });
    await page.evaluate(observeLongTasks);
    const timings: ToggleTiming[] = [];
    for (let i = 0; i < toggles; i++)
      timings.push(await page.evaluate(toggleInPage, i % 2 === 0 ? 'xavier' : 'small'));
    const longTasks = await page.evaluate(() => (window as LongTaskWindow).longTasks ?? []);
    const backend = await page.locator('.engine').textContent();
    const result = {
      page: url.replace(/\/$/, '') + (search || '/'),
      engine: backend?.replace(/.*engine\s*/, '').trim(),
      toggles,
      first_panel_ms: median(timings.map((t) => t.firstPanelMs)),
      all_activations_ms: median(timings.map((t) => t.allActivationsMs)),
      ready_ms: median(timings.map((t) => t.readyMs)),
      longest_task_ms: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
      long_tasks: longTasks.length,
    };
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
});
