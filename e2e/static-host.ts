/**
 * The built folder served the way GitHub Pages serves it: from a sub-path, without the
 * cross-origin isolation headers the preview server sends, and stoppable (a network that goes
 * away). A spec can change what sw.js returns, as a new deploy would.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
};

export interface StaticHost {
  /** The page's address, ending in '/'. */
  url: string;
  /** Replaces sw.js's text (a new deploy); null serves the built one. */
  rewriteServiceWorker(edit: ((text: string) => string) | null): void;
  /** Paths requested so far (relative to the sub-path). */
  requested: string[];
  close(): Promise<void>;
}

/** The build folder the Playwright config made (E2E_DIST, as there). */
export const DIST = process.env.E2E_DIST ?? 'dist';

export async function startStaticHost(subPath = '/course/lab/'): Promise<StaticHost> {
  let swEdit: ((text: string) => string) | null = null;
  const requested: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://host').pathname);
    if (!path.startsWith(subPath)) return void response.writeHead(404).end();
    const relative = path.slice(subPath.length) || 'index.html';
    requested.push(relative);
    const file = join(DIST, normalize(relative));
    try {
      let body: Buffer | string = await readFile(file);
      if (relative === 'sw.js' && swEdit) body = swEdit(body.toString('utf8'));
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'max-age=600',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    rewriteServiceWorker: (edit) => void (swEdit = edit),
    requested,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
