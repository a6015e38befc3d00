/** PNG (2×) and SVG buttons for one chart: its title, axes and legend in a file of its own. */
import type { RefObject } from 'react';
import { composeFigure, svgText, svgToPng } from '../charts/export-figure';
import { experimentFileName } from '../export';
import { useResults } from '../store/results';
import { download } from './download';

export function ChartExport({
  chart,
  title,
  what,
}: {
  chart: RefObject<SVGSVGElement | null>;
  title: string;
  what: string;
}) {
  const save = async (format: 'png' | 'svg') => {
    const config = useResults.getState().config;
    if (!chart.current || !config) return;
    const figure = composeFigure(title, 'Activation Lab', [{ svg: chart.current, title: '' }], 1);
    const name = experimentFileName(config, what, format);
    if (format === 'svg') download(svgText(figure), name, 'image/svg+xml');
    else download(await svgToPng(figure, 2), name);
  };
  return (
    <span className="chart-export">
      <button type="button" onClick={() => save('png')} aria-label={`${title} as PNG`}>
        PNG
      </button>
      <button type="button" onClick={() => save('svg')} aria-label={`${title} as SVG`}>
        SVG
      </button>
    </span>
  );
}
