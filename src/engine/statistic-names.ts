/**
 * The names of a layer's statistics (docs/statistics.md) as flat columns, moments split into
 * `preact_mean`…: the CSV export's header and the packed recording's columns use the same list.
 */
export const STATISTIC_COLUMNS = [
  'preact_mean',
  'preact_std',
  'act_mean',
  'act_std',
  'saturated',
  'dead',
  'grad_act_std',
  'grad_w_std',
  'w_std',
  'grad_data_ratio',
  'non_finite',
] as const;
