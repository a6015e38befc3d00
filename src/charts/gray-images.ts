/** A row of small grayscale images with captions (e.g. the mean image, mean-subtracted digits). */
import { prepareCanvas, readCanvasTheme, rgbCss } from './canvas';
import type { Size } from './types';

export interface GrayImagesData {
  /** count × width·height bytes, 0 black … 255 white. */
  images: Uint8Array;
  width: number;
  height: number;
  count: number;
  captions: string[];
  label: string;
}

export function drawGrayImages(canvas: HTMLCanvasElement, data: GrayImagesData, size: Size): void {
  const frame = prepareCanvas(canvas, size, data.label);
  if (!frame) return;
  const context = frame.ctx;
  context.setTransform(frame.dpr, 0, 0, frame.dpr, 0, 0);
  context.clearRect(0, 0, size.width, size.height);
  const theme = readCanvasTheme(canvas);
  const captionHeight = 16;
  const gap = 8;
  const cell = Math.max(
    8,
    Math.min(size.height - captionHeight, (size.width - gap * (data.count - 1)) / data.count),
  );
  const scale = cell / data.width;
  const pixels = data.width * data.height;
  const image = context.createImageData(data.width, data.height);
  const scratch = document.createElement('canvas');
  scratch.width = data.width;
  scratch.height = data.height;
  const scratchContext = scratch.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  context.font = `11px ${theme.fontFamily}`;
  context.fillStyle = rgbCss(theme.text);
  context.textAlign = 'center';
  for (let i = 0; i < data.count; i++) {
    for (let p = 0; p < pixels; p++) {
      const v = data.images[i * pixels + p];
      image.data.set([v, v, v, 255], 4 * p);
    }
    scratchContext.putImageData(image, 0, 0);
    const x = i * (cell + gap);
    context.drawImage(scratch, x, 0, data.width * scale, data.height * scale);
    context.fillText(data.captions[i] ?? '', x + cell / 2, cell + 12);
  }
}
