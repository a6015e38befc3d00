/**
 * Share and export: copy the link (the URL holds the whole state), the figure as SVG or PNG (2×,
 * for slides), the statistics as CSV or JSON, the recording (docs/recording-format.md), and the
 * experiment as a PyTorch or NumPy script.
 */
import { useState } from 'react';
import type { FigurePanel } from '../charts/export-figure';
import { errorMessage } from '../engine/format';
import { useResults } from '../store/results';
import { download } from './download';
import { ACTIVATION_LABELS, INIT_LABELS } from './Controls';
import { experimentFileName } from '../export/file-name';

/** The depth chart and every layer's histograms, as one figure (the composer loads on first use). */
async function figureOfView(): Promise<SVGSVGElement | null> {
  const { composeFigure } = await import('../charts/export-figure');
  const { config, batch, diagnosis, noTheory } = useResults.getState();
  if (!config) return null;
  const panels: FigurePanel[] = [];
  const depthChart = document.querySelector<SVGSVGElement>('.depth-chart svg');
  if (depthChart)
    panels.push({
      svg: depthChart,
      title: noTheory ? 'Std by depth (no theory applies)' : 'Std by depth (dashed: theory)',
    });
  document.querySelectorAll<HTMLElement>('[data-testid^="layer-"]').forEach((panel) => {
    const [act, grad] = panel.querySelectorAll<SVGSVGElement>('svg');
    const name = panel.querySelector('h3')?.textContent ?? '';
    if (act) panels.push({ svg: act, title: `${name}: outputs h` });
    if (grad) panels.push({ svg: grad, title: `${name}: ∂L/∂h` });
  });
  const title = `${ACTIVATION_LABELS[config.activation]}, ${INIT_LABELS[config.init]}${config.batchnorm ? ', batchnorm' : ''} — ${config.depth}×${config.width}, batch ${batch}, seed ${config.seed}`;
  return composeFigure(
    title,
    diagnosis ? `${diagnosis.headline} (Activation Lab)` : 'Activation Lab',
    panels,
    4,
  );
}

/** The code and statistics generators load on first use: most visits export nothing. */
const loadExports = () => import('./exports');

export function SharePanel() {
  const [status, setStatus] = useState('');
  const ready = useResults((s) => s.status === 'ready' || s.status === 'training');
  const config = useResults((s) => s.config);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus('Link copied: it reproduces exactly this state.');
    } catch {
      setStatus(`Copy this link: ${location.href}`);
    }
  };
  const exportFigure = async (format: 'svg' | 'png') => {
    const figure = await figureOfView();
    if (!figure || !config) return;
    const { svgText, svgToPng } = await import('../charts/export-figure');
    const name = experimentFileName(config, 'figure', format);
    if (format === 'svg') download(svgText(figure), name, 'image/svg+xml');
    else download(await svgToPng(figure, 2), name);
    setStatus(`Saved ${name}`);
  };
  const exportScript = async (language: 'pytorch' | 'numpy') => {
    const { exportCode } = await loadExports();
    try {
      const file = exportCode(language);
      if (!file) return;
      download(file.content, file.name, 'text/x-python');
      setStatus(`Saved ${file.name}`);
    } catch (error) {
      setStatus(`This experiment cannot be exported as code: ${errorMessage(error)}`);
    }
  };
  const exportData = async (format: 'csv' | 'json') => {
    const { exportStats } = await loadExports();
    const file = exportStats(format);
    if (!file) return;
    download(file.content, file.name, format === 'csv' ? 'text/csv' : 'application/json');
    setStatus(`Saved ${file.name}`);
  };
  const saveRecording = async () => {
    const { exportRecording } = await loadExports();
    const file = exportRecording();
    if (!file) return;
    download(file.content, file.name, 'application/json');
    setStatus(`Saved ${file.name}`);
  };

  return (
    <section className="share card" aria-labelledby="share-title">
      <h2 id="share-title">Share and export</h2>
      <div className="buttons">
        <button type="button" onClick={copyLink}>
          Copy link
        </button>
        <button type="button" onClick={() => exportFigure('png')} disabled={!ready}>
          Figure PNG
        </button>
        <button type="button" onClick={() => exportFigure('svg')} disabled={!ready}>
          Figure SVG
        </button>
        <button type="button" onClick={() => exportData('csv')} disabled={!ready}>
          Statistics CSV
        </button>
        <button type="button" onClick={() => exportData('json')} disabled={!ready}>
          Statistics JSON
        </button>
        <button type="button" onClick={saveRecording} disabled={!ready}>
          Save recording
        </button>
        <button type="button" onClick={() => exportScript('pytorch')} disabled={!config}>
          PyTorch script
        </button>
        <button type="button" onClick={() => exportScript('numpy')} disabled={!config}>
          NumPy script
        </button>
      </div>
      <p className="hint" role="status">
        {status}
      </p>
    </section>
  );
}
