/**
 * Registers the service worker (sw.js beside index.html, relative: the build works from any
 * sub-path) in the build only, says on the page when a new version has taken over, and reloads
 * once when the worker first takes control of a page that is not cross-origin isolated: its
 * responses carry COOP/COEP, which a static host may not send. Kept small: it is in the first
 * view's JavaScript.
 */
const RELOADED = 'activation-lab-isolation-reload';

export function registerServiceWorker(): void {
  // Read by the status line and the tests: whether SharedArrayBuffer (threads) is available.
  document.documentElement.dataset.crossOriginIsolated = String(self.crossOriginIsolated);
  const container = navigator.serviceWorker;
  if (!import.meta.env.PROD || !container) return;
  // Controlled from the start: a later change of controller is a new version.
  const updating = !!container.controller;
  container.addEventListener('controllerchange', () => {
    if (updating) return void import('./update-notice').then((m) => m.announceUpdate());
    // A frame cannot become isolated by reloading (its parent decides); sessionStorage guards
    // against a loop where the browser ignores the worker's headers.
    if (self.crossOriginIsolated || top !== self || sessionStorage.getItem(RELOADED)) return;
    sessionStorage.setItem(RELOADED, '1');
    location.reload();
  });
  // Its errors (a blocked or private context) leave the page as it is: online, uncached.
  addEventListener('load', () => container.register('sw.js').catch(() => undefined));
}
