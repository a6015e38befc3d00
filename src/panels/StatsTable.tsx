/** The statistics of every layer as a table: the charts' text alternative. */
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import type { TermKey } from '../engine/glossary';
import { Explain } from './Explain';
import { formatNumber, formatPercent, MISSING } from './format';

/** The columns after the layer's number: their titles and the glossary's terms. */
const COLUMNS: [string, TermKey][] = [
  ['pre-act std', 'preact_std'],
  ['act mean', 'act_mean'],
  ['act std', 'act_std'],
  ['theory std', 'theory'],
  ['saturated', 'saturated'],
  ['dead', 'dead'],
  ['∂L/∂h std', 'grad_act_std'],
  ['∂L/∂W std', 'grad_w_std'],
  ['W std', 'w_std'],
  ['grad:data', 'grad_data_ratio'],
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
            const s = view.stats;
            const g = view.hasGradients ? s : null;
            return (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td>{formatNumber(s?.preact.std, 3)}</td>
                <td>{formatNumber(s?.act.mean, 3)}</td>
                <td>{formatNumber(s?.act.std, 3)}</td>
                <td>{formatNumber(theory[i]?.actStd, 3)}</td>
                <td>{saturating ? formatPercent(s?.saturated) : MISSING}</td>
                <td>{canDie ? formatPercent(s?.dead) : MISSING}</td>
                <td>{formatNumber(g?.grad_act_std, 3)}</td>
                <td>{formatNumber(g?.grad_w_std, 3)}</td>
                <td>{formatNumber(s?.w_std, 3)}</td>
                <td>{formatNumber(g?.grad_data_ratio, 3)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
