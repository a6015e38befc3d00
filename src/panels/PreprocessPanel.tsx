/**
 * The lecture's data preprocessing, live on the current data: the 2-D training cloud raw,
 * zero-centred, normalized, PCA-decorrelated and whitened; for the digits, the mean image and
 * images with it subtracted. The Preprocessing control sends the chosen one to training.
 */
import { useEffect } from 'react';
import type { Preprocessing } from '../engine/data/preprocess';
import { drawGrayImages, type GrayImagesData } from '../charts/gray-images';
import { drawPointCloud, type PointCloudData } from '../charts/point-cloud';
import { jobActions } from '../store/engine';
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import { formatPercent } from './format';
import { useChart } from './useChart';

const TITLES: Record<Preprocessing, string> = {
  none: 'original',
  centre: 'zero-centred',
  normalize: 'normalized',
  pca: 'PCA-decorrelated',
  whiten: 'whitened',
};

function Cloud({ data, singleSigned }: { data: PointCloudData; singleSigned: number }) {
  const ref = useChart<PointCloudData, HTMLCanvasElement>(drawPointCloud, data, 120);
  return (
    <figure className="cloud">
      <canvas ref={ref} />
      <figcaption>{data.title}</figcaption>
      <p
        className="single-signed"
        title="examples whose features all share one sign: their first-layer weight gradients all move one way per unit"
      >
        one-signed: {formatPercent(singleSigned)}
      </p>
    </figure>
  );
}

function Images({ data }: { data: GrayImagesData }) {
  const ref = useChart<GrayImagesData, HTMLCanvasElement>(drawGrayImages, data, 96);
  return <canvas ref={ref} />;
}

export function PreprocessPanel() {
  const mode = useResults((s) => s.mode);
  const data = useSettings((s) => s.data);
  const seed = useSettings((s) => s.network.seed);
  const views = useResults((s) => s.preprocessViews?.views ?? null);
  const { name, points, noise, planarClasses } = data;

  // The pictures show every preprocessing, so the chosen one does not ask for new ones.
  useEffect(() => jobActions.preprocessViews(), [name, points, noise, planarClasses, seed]);

  if (mode !== 'train' || !views) return null;
  const digits = views.digits;
  return (
    <section className="preprocess card" aria-label="The data after each transform">
      <h2 id="preprocess-title">Data preprocessing</h2>
      <p className="hint">
        Fitted on the training split. Training uses: <strong>{TITLES[data.preprocess]}</strong> (the
        Preprocessing control).
      </p>
      <p className="hint">
        “One-signed”: the share of examples whose features all have the same sign; for each of them
        every first-layer unit’s weights get gradients of one sign and can only zig-zag toward their
        target. Zero-centring makes it rare.
      </p>
      {views.clouds.length > 0 && (
        <div className="cloud-row">
          {views.clouds.map((cloud) => (
            <Cloud
              key={cloud.mode}
              data={{ ...cloud, title: TITLES[cloud.mode] }}
              singleSigned={cloud.singleSigned}
            />
          ))}
        </div>
      )}
      {digits && (
        <>
          <p data-testid="digits-single-signed">
            One-signed examples: {formatPercent(digits.singleSignedRaw)} of raw digits (pixels are
            never negative), {formatPercent(digits.singleSignedCentred)} after subtracting the mean
            image.
          </p>
          <Images
            data={{
              images: new Uint8Array([...digits.mean, ...digits.originals]),
              width: digits.width,
              height: digits.height,
              count: digits.count + 1,
              captions: [
                'mean image',
                ...Array.from({ length: digits.count }, (_, i) => `digit ${i + 1}`),
              ],
              label: 'The mean training image and the first training digits',
            }}
          />
          <Images
            data={{
              images: digits.subtracted,
              width: digits.width,
              height: digits.height,
              count: digits.count,
              captions: Array.from({ length: digits.count }, (_, i) => `digit ${i + 1} − mean`),
              label: 'The same digits with the mean image subtracted (grey is zero)',
            }}
          />
        </>
      )}
    </section>
  );
}
