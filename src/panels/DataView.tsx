/** The data's own view: decision regions behind the 2-D points, or digits with predictions. */
import { drawDecisionRegions } from '../charts/decision-regions';
import { drawDigitStrip } from '../charts/digit-strip';
import type { Size } from '../charts/types';
import { useResults } from '../store/results';
import type { RegionsFrame, SamplesFrame } from '../worker/protocol';
import { useChart } from './useChart';

interface RegionsInput {
  regions: RegionsFrame;
  classes: number;
}

function drawRegions(canvas: HTMLCanvasElement, input: RegionsInput, size: Size) {
  drawDecisionRegions(
    canvas,
    { ...input.regions, classCount: input.classes, label: 'Decision regions' },
    size,
  );
}

function Regions({ input }: { input: RegionsInput }) {
  const ref = useChart<RegionsInput, HTMLCanvasElement>(drawRegions, input, 260);
  return <canvas ref={ref} className="regions" />;
}

function Digits({ samples }: { samples: SamplesFrame }) {
  const ref = useChart<SamplesFrame, HTMLCanvasElement>(drawDigitStrip, samples, 70);
  return <canvas ref={ref} className="digits" />;
}

export function DataView() {
  const regions = useResults((s) => s.training?.regions ?? null);
  const samples = useResults((s) => s.training?.samples ?? null);
  const classes = useResults((s) => s.training?.classes ?? 2);
  if (!regions && !samples) return null;
  return (
    <figure className="data-view">
      <figcaption>
        {regions ? 'Decision regions and training points' : 'Validation digits and predictions'}
      </figcaption>
      {regions && <Regions input={{ regions, classes }} />}
      {samples && <Digits samples={samples} />}
    </figure>
  );
}
