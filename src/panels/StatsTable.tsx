/** The statistics of every layer as a table: the charts' text alternative. */
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import type { TermKey } from '../engine/glossary';
import type { LayerStats } from '../engine/stats';
import { Explain } from './Explain';
import { formatNumber, formatPercent, MISSING } from './format';

interface Row {
  s: LayerStats | null;
  /** The statistics once this layer's gradients are in (null before the backward pass). */
  g: LayerStats | null;
  theory: number | null | undefined;
}

/** The columns after the layer's number: their titles, the glossary's terms and the values. */
const COLUMNS: [string, TermKey, (row: Row) => number | null | undefined, boolean?][] = [
  ['pre-act std', 'preact_std', (r) => r.s?.preact.std],
  ['act mean', 'act_mean', (r) => r.s?.act.mean],
  ['act std', 'act_std', (r) => r.s?.act.std],
  ['theory std', 'theory', (r) => r.theory],
  ['saturated', 'saturated', (r) => r.s?.saturated, true],
  ['dead', 'dead', (r) => r.s?.dead, true],
  ['∂L/∂h std', 'grad_act_std', (r) => r.g?.grad_act_std],
  ['∂L/∂W std', 'grad_w_std', (r) => r.g?.grad_w_std],
  ['W std', 'w_std', (r) => r.s?.w_std],
  ['grad:data', 'grad_data_ratio', (r) => r.g?.grad_data_ratio],
];

export function StatsTable() {
  const isOpen = useSettings((s) => s.open.includes('table'));
  const setOpen = useSettings((s) => s.setOpen);
  const layers = useResults((s) => s.layers);
  const theory = useResults((s) => s.theory);
  const activation = useResults((s) => s.config?.activation);
  // Saturation applies to tanh and sigmoid, dead units to the ReLU family: "–" elsewhere.
  const saturating = activation === 'tanh' || activation === 'sigmoid';
  const canDie = activation === 'relu' || activation === 'leaky-relu' || activation === 'elu';
  return (
    <details
      className="stats-table card"
      open={isOpen}
      onToggle={(event) => setOpen('table', (event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Statistics table (all layers)</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            {COLUMNS.map(([title, term]) => (
              <th scope="col" key={term}>
                <Explain term={term}>{title}</Explain>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layers.map((view, i) => {
            const row = {
              s: view.stats,
              g: view.hasGradients ? view.stats : null,
              theory: theory[i]?.actStd,
            };
            return (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                {COLUMNS.map(([, term, read, percent]) => {
                  const applies = term === 'saturated' ? saturating : term !== 'dead' || canDie;
                  return (
                    <td key={term}>
                      {applies ? (
                        <Value
                          term={term}
                          value={read(row)}
                          percent={percent}
                          layer={i + 1}
                          open={isOpen}
                        />
                      ) : (
                        MISSING
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

/**
 * A value cell's number, explained with its layer while the table is open (not a Tab stop: the
 * column's header is). Closed, the cells stay plain text: a deep network has thousands.
 */
function Value(props: {
  term: TermKey;
  value: number | null | undefined;
  percent?: boolean;
  layer: number;
  open: boolean;
}) {
  const text = props.percent ? formatPercent(props.value) : formatNumber(props.value, 3);
  if (!props.open) return text;
  return (
    <Explain
      term={props.term}
      value={props.value ?? null}
      percent={props.percent}
      layer={props.layer}
      tabIndex={-1}
    >
      {text}
    </Explain>
  );
}
