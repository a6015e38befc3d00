/**
 * Any link loads the page: fast-check generates links from the page's real parameter
 * names (src/store/url-testing.ts) with valid, invalid, repeated, nested and huge values, and
 * each must reach a status with the panels drawn, no uncaught error, the notices parseState gives
 * for it shown in the alert region, and the address bar rewritten to the state in use.
 * FUZZ_SEED=<n> replays a run; FUZZ_RUNS sets how many links (default 30, about a minute).
 */
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { parseState, serializeState } from '../src/store/url-state';
import { linkArbitrary, QA_LINKS, shownLink } from '../src/store/url-testing';
import { alertRegion, collectErrors, layerPanels, SMALL } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

/** A failure report shows the start of the link, not all of it (some are 10,000 characters). */
const shownInReports = (query: string) => ({
  query,
  [fc.toStringMethod]: () => JSON.stringify(shownLink(query)),
});

test('every generated link reaches a status, drawn, with its notices and no page error', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000 + RUNS * 3_000);
  test.info().annotations.push({ type: 'fuzz seed', description: String(SEED) });
  const errors = collectErrors(page);
  // Vite's preview server (Node's HTTP parser) answers 431 beyond ~16 KB of request line and
  // headers, before the page exists; parseState itself is fuzzed at any length (url-fuzz.test.ts).
  const MAX_QUERY = 12_000;
  const link = linkArbitrary(6, false)
    .filter((query) => encodeURI(query).length <= MAX_QUERY)
    .map(shownInReports);
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(link, async ({ query }) => {
      runs++;
      errors.length = 0;
      // A small network after the generated part: used only where the link names no size (the
      // first occurrence of a parameter counts), so each run computes in a moment.
      const url = new URL(`./?${query}&${SMALL}`, baseURL);
      const shown = shownLink(query);
      await page.goto(url.href);
      await expect(page.locator('.app'), shown).toHaveAttribute(
        'data-status',
        /^(ready|training)$/,
        { timeout: 30_000 },
      );
      expect(errors, shown).toEqual([]);
      // What the page must have made of it: the same parser, run here on the same query string.
      const expected = parseState(url.search);
      // Projector mode shows one section: the layer panels are in the layers section only.
      const { present, section, network } = expected.state;
      const panels = !present || section === 'layers' ? network.depth : 0;
      await expect(layerPanels(page), shown).toHaveCount(panels);
      if (expected.notices.length > 0)
        await expect(alertRegion(page)).toContainText(expected.notices[0]);
      await expect.poll(() => new URL(page.url()).search).toBe(serializeState(expected.state));
      expect(errors, shown).toEqual([]);
    }),
    {
      numRuns: RUNS,
      seed: SEED,
      // Each run is a page load: report the first failing link rather than shrink for minutes.
      endOnFailure: true,
      examples: QA_LINKS.map((query) => [shownInReports(query)]),
    },
  );
  expect(runs).toBe(RUNS);
});
