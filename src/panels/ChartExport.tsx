/** PNG (2×) and SVG buttons for one chart (or a small group): title, axes and legend included. */
import type { RefObject } from 'react';
// Not the ../export barrel: through it the bundle puts the script generators in a chunk the
// page's first load imports (SharePanel.tsx loads them on first use).
import { experimentFileName } from '../export/file-name';
import { useResults } from '../store/results';
import { download } from './download';

interface Props {
  /** The element whose <svg> charts make the figure (the chart itself, or a panel around some). */
  chart: RefObject<Element | null>;
  title: string;
  /** The file name's part that says what it holds, e.g. 'depth-chart'. */
  what: string;
}

export function ChartExport({ chart, title, what }: Props) {
  const save = async (format: 'png' | 'svg') => {
    const config = useResults.getState().config;
    const root = chart.current;
    if (!root || !config) return;
    const svgs =
      root instanceof SVGSVGElement ? [root] : [...root.querySelectorAll<SVGSVGElement>('svg')];
    if (svgs.length === 0) return;
    const panels = svgs.map((svg) => ({
      svg,
      title: svg.getAttribute('aria-label')?.split(':')[0] ?? '',
    }));
    // The figure composer loads on first use: most visits export nothing.
    const { composeFigure, svgText, svgToPng } = await import('../charts/export-figure');
    const figure = composeFigure(title, 'Activation Lab', panels, 1);
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
