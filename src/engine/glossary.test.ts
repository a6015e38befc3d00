import { describe, expect, it } from 'vitest';
import { CLAIM_IDS } from './claims/types';
import { DIES_WITH_HIGH_LR_INFO } from './claims/info/relu';
import { ACTIVATIONS, INITS, LECTURE_NETWORK } from './config';
import { diagnose } from './diagnosis';
import {
  ACTIVATION_TERMS,
  allTerms,
  DEAD_UNIT,
  FLAT_TAILS,
  INIT_TERMS,
  STATISTIC_TERMS,
  termOf,
  termsShownBy,
  TERMS,
} from './glossary';
import { STATISTIC_COLUMNS } from './statistic-names';
import type { LayerStats } from './stats';

describe('glossary', () => {
  it('explains every statistic column, activation and initialization', () => {
    for (const column of STATISTIC_COLUMNS) expect(STATISTIC_TERMS[column]?.what).toBeTruthy();
    for (const name of ACTIVATIONS) expect(ACTIVATION_TERMS[name]?.formula).toBeTruthy();
    for (const name of INITS) expect(INIT_TERMS[name]?.formula).toBeTruthy();
    expect(Object.keys(STATISTIC_TERMS).sort()).toEqual([...STATISTIC_COLUMNS].sort());
  });

  it('has the terms the issue names, with their rules of thumb', () => {
    expect(TERMS.update_data.rule).toContain('1e-3');
    expect(STATISTIC_TERMS.saturated.rule).toContain('10 %');
    expect(STATISTIC_TERMS.grad_act_std.name).toBe('∂L/∂h');
    expect(STATISTIC_TERMS.grad_w_std.name).toBe('∂L/∂W');
    expect(STATISTIC_TERMS.grad_data_ratio.name).toBe('grad:data');
    expect(TERMS.theory.formula).toContain('σ_w²');
  });

  it('writes formulas with symbols, not ASCII stand-ins', () => {
    for (const term of allTerms()) {
      const formula = term.formula ?? '';
      expect(formula, term.name).not.toMatch(/sqrt|sigma|\bdL\/d|\*|<=|>=/);
    }
  });

  it('links only to tour steps that exist, and every link is shown by that step', () => {
    for (const term of allTerms()) {
      if (!term.tour) continue;
      expect(CLAIM_IDS, term.name).toContain(term.tour);
      expect(termsShownBy(term.tour)).toContain(term);
    }
  });

  it('finds a term by its key: statistics, other terms and options', () => {
    expect(termOf('act_std')).toBe(STATISTIC_TERMS.act_std);
    expect(termOf('update_data')).toBe(TERMS.update_data);
    expect(termOf('activation:relu')).toBe(ACTIVATION_TERMS.relu);
    expect(termOf('init:he')).toBe(INIT_TERMS.he);
  });

  it('has no empty or placeholder text', () => {
    for (const term of allTerms()) {
      for (const text of [term.name, term.what, term.formula, term.rule]) {
        if (text === undefined) continue;
        expect(text.trim().length, term.name).toBeGreaterThan(0);
        expect(text, term.name).not.toMatch(/TODO|TBD|lorem/i);
      }
    }
  });
});

/** One layer's statistics, healthy unless `change` says otherwise. */
function layerStats(layer: number, change: Partial<LayerStats>): LayerStats {
  return {
    layer,
    preact: { mean: 0, std: 1 },
    act: { mean: 0, std: 0.6 },
    saturated: 0,
    dead: 0,
    grad_act_std: 1e-3,
    grad_w_std: 1e-3,
    w_std: 0.05,
    grad_data_ratio: 0.02,
    non_finite: 0,
    ...change,
  };
}

describe('the diagnosis and the tour read the glossary’s words', () => {
  it('dead units, saturation and the initializations’ names', () => {
    const relu = { ...LECTURE_NETWORK, activation: 'relu', init: 'xavier' } as const;
    const dead = diagnose(
      relu,
      [1, 2, 3].map((l) => layerStats(l, { dead: 0.5 })),
      null,
    );
    expect(dead.explanation).toContain(DEAD_UNIT.slice(1));
    const tanh = { ...LECTURE_NETWORK, init: 'large' } as const;
    const saturated = diagnose(
      tanh,
      [1, 2].map((l) => layerStats(l, { saturated: 0.9 })),
      null,
    );
    expect(saturated.explanation).toContain(FLAT_TAILS);
    expect(saturated.fix?.label).toBe(`Use ${INIT_TERMS.xavier.name} initialization`);
    expect(DIES_WITH_HIGH_LR_INFO.explanation).toContain(DEAD_UNIT);
  });
});
