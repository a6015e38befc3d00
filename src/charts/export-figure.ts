/**
 * Figures for slides: standalone SVG (and PNG at 2×) made from the charts on the page. CSS
 * custom properties are resolved to colours, since a file outside the page has no stylesheet.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAINT_ATTRIBUTES = ['fill', 'stroke', 'color', 'stop-color', 'style'];

/** Replaces var(--name[, fallback]) with the page's computed value. */
function resolveVariables(text: string, styles: CSSStyleDeclaration): string {
  return text.replace(
    /var\((--[\w-]+)(?:\s*,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g,
    (_, name: string, fallback?: string) => {
      const value = styles.getPropertyValue(name).trim();
      return value || (fallback ?? '').trim() || 'currentColor';
    },
  );
}

/** A deep copy of `svg` with its colours resolved and its font and text colour fixed. */
export function standaloneCopy(svg: SVGSVGElement): SVGSVGElement {
  const styles = getComputedStyle(document.documentElement);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const textColor = getComputedStyle(svg).color;
  for (const element of [copy, ...copy.querySelectorAll('*')]) {
    for (const attribute of PAINT_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value?.includes('var(')) element.setAttribute(attribute, resolveVariables(value, styles));
      if (value === 'currentColor') element.setAttribute(attribute, textColor);
    }
  }
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('color', textColor);
  copy.setAttribute('font-family', getComputedStyle(document.body).fontFamily);
  return copy;
}

export interface FigurePanel {
  svg: SVGSVGElement;
  title: string;
}

/**
 * Lays charts out in a grid under a title, on the page's background colour: one SVG document
 * that holds every axis and legend of its parts.
 */
export function composeFigure(
  title: string,
  subtitle: string,
  panels: FigurePanel[],
  columns: number,
): SVGSVGElement {
  const styles = getComputedStyle(document.documentElement);
  const background = styles.getPropertyValue('--surface').trim() || '#ffffff';
  const text = styles.getPropertyValue('--text').trim() || '#1d1f23';
  const gap = 16;
  const header = 56;
  const captionHeight = 18;
  const cellWidth = Math.max(...panels.map((p) => p.svg.getBoundingClientRect().width), 1);
  const rows: number[] = [];
  panels.forEach((p, i) => {
    const row = Math.floor(i / columns);
    rows[row] = Math.max(rows[row] ?? 0, p.svg.getBoundingClientRect().height + captionHeight);
  });
  const width = gap + columns * (cellWidth + gap);
  const height = header + rows.reduce((sum, h) => sum + h + gap, 0);
  const figure = document.createElementNS(SVG_NS, 'svg');
  figure.setAttribute('xmlns', SVG_NS);
  figure.setAttribute('width', String(Math.ceil(width)));
  figure.setAttribute('height', String(Math.ceil(height)));
  figure.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  figure.setAttribute('font-family', getComputedStyle(document.body).fontFamily);
  const rect = document.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  figure.append(rect);
  const addText = (x: number, y: number, content: string, size: number, weight: string) => {
    const node = document.createElementNS(SVG_NS, 'text');
    node.setAttribute('x', String(x));
    node.setAttribute('y', String(y));
    node.setAttribute('font-size', String(size));
    node.setAttribute('font-weight', weight);
    node.setAttribute('fill', text);
    node.textContent = content;
    figure.append(node);
  };
  addText(gap, 26, title, 18, '600');
  addText(gap, 46, subtitle, 12, '400');
  let y = header;
  panels.forEach((panel, i) => {
    const column = i % columns;
    if (column === 0 && i > 0) y += rows[Math.floor(i / columns) - 1] + gap;
    const x = gap + column * (cellWidth + gap);
    addText(x, y + 12, panel.title, 12, '600');
    const part = standaloneCopy(panel.svg);
    const box = panel.svg.getBoundingClientRect();
    part.setAttribute('x', String(x));
    part.setAttribute('y', String(y + captionHeight));
    part.setAttribute('width', String(box.width));
    part.setAttribute('height', String(box.height));
    figure.append(part);
  });
  return figure;
}

export function svgText(svg: SVGSVGElement): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}

/** Renders an SVG to a PNG blob at `scale`× its size (2× for slides). */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
