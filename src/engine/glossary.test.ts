import { describe, expect, it } from 'vitest';
import { CLAIM_IDS } from './claims/types';
import { DIES_WITH_HIGH_LR_INFO } from './claims/info/relu';
import { ACTIVATIONS, BRANCH_SCALES, INITS, LECTURE_NETWORK, OPTIMIZERS } from './config';
import { diagnose } from './diagnosis';
import {
  ACTIVATION_TERMS,
  allTerms,
  DEAD_UNIT,
  FLAT_TAILS,
  INIT_TERMS,
  SERIES_TERMS,
  STATISTIC_TERMS,
  type Term,
  termOf,
  termsShownBy,
  TERMS,
} from './glossary';
import {
  BRANCH_SCALE_TERMS,
  CONTROL_TERMS,
  FIGURE_TERMS,
  NORM_TERMS,
  OPTIMIZER_TERMS,
} from './glossary-controls';
import { STATISTIC_COLUMNS } from './statistic-names';
import type { LayerStats } from './stats';

describe('glossary', () => {
  it('explains every statistic column, activation and initialization', () => {
    for (const column of STATISTIC_COLUMNS) expect(STATISTIC_TERMS[column]?.what).toBeTruthy();
    for (const name of ACTIVATIONS) expect(ACTIVATION_TERMS[name]?.formula).toBeTruthy();
    for (const name of INITS) expect(INIT_TERMS[name]?.formula).toBeTruthy();
    expect(Object.keys(STATISTIC_TERMS).sort()).toEqual([...STATISTIC_COLUMNS].sort());
  });

  it('explains every control, every choice of its selects and the training figures', () => {
    // Keyed by the labels the controls print, so the compiler wants one for every field.
    const controls: [string, Term][] = Object.entries(CONTROL_TERMS);
    expect(controls.length).toBeGreaterThanOrEqual(18);
    for (const [label, term] of [...controls, ...Object.entries(FIGURE_TERMS)]) {
      expect(term.what, label).toBeTruthy();
      expect(term.formula, label).toBeTruthy();
    }
    for (const name of OPTIMIZERS) expect(OPTIMIZER_TERMS[name]?.formula).toBeTruthy();
    for (const scale of BRANCH_SCALES) expect(BRANCH_SCALE_TERMS[scale]?.formula).toBeTruthy();
    for (const kind of ['none', 'batch', 'layer'] as const)
      expect(NORM_TERMS[kind].formula).toBeTruthy();
    // The series say "over the steps" in words of their own, beside the statistic's.
    expect(SERIES_TERMS.dead_series.what).not.toBe(STATISTIC_TERMS.dead.what);
    expect(SERIES_TERMS.saturated_series.what).not.toBe(STATISTIC_TERMS.saturated.what);
    expect(SERIES_TERMS.update_series.what).not.toBe(TERMS.update_data.what);
  });

  it('gives the controls’ rules of thumb', () => {
    expect(OPTIMIZER_TERMS.adam.rule).toContain('η ≈ 1e-3');
    expect(CONTROL_TERMS['Learning rate'].rule).toContain('Adam ≈ 1e-3');
    expect(CONTROL_TERMS.Dropout.rule).toContain('0.1–0.5');
    expect(CONTROL_TERMS['Branch scale'].rule).toContain('α = 1/√L');
    expect(FIGURE_TERMS.loss.rule).toContain('ln C');
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
      // The tour lists a step's terms by name (TourTerms.tsx): one name, one term.
      const names = termsShownBy(term.tour).map((shown) => shown.name);
      expect(new Set(names).size, term.tour).toBe(names.length);
    }
  });

  it('finds a term by its key: statistics, other terms and options', () => {
    expect(termOf('act_std')).toBe(STATISTIC_TERMS.act_std);
    expect(termOf('update_data')).toBe(TERMS.update_data);
    expect(termOf('activation:relu')).toBe(ACTIVATION_TERMS.relu);
    expect(termOf('init:he')).toBe(INIT_TERMS.he);
    expect(termOf('optimizer:adam')).toBe(OPTIMIZER_TERMS.adam);
    expect(termOf('branch:inv-sqrt-depth')).toBe(BRANCH_SCALE_TERMS['inv-sqrt-depth']);
    expect(termOf('norm:layer')).toBe(NORM_TERMS.layer);
    expect(termOf('Learning rate')).toBe(CONTROL_TERMS['Learning rate']);
    expect(termOf('loss')).toBe(FIGURE_TERMS.loss);
    expect(termOf('dead_series')).toBe(SERIES_TERMS.dead_series);
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
