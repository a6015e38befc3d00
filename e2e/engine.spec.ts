/**
 * The page's engine is the WebAssembly one: the worker hands the built kernels to the loader
 * before its first request (src/worker/engine.worker.ts), so it never falls back to the slower
 * TypeScript backend without saying so.
 */
import { expect, test } from '@playwright/test';
import { waitReady } from './helpers';

test('the status line names the WebAssembly engine once the lecture default is ready', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  await expect(page.locator('.app-header .engine')).toContainText('engine wasm');
});
