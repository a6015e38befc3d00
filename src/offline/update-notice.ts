/**
 * The notice that a new version has taken over (role="status"), with a Reload button. Loaded
 * only when that happens (from the cache: the new service worker holds it), so the first view
 * does not carry it.
 */
import './update-notice.css';

export function announceUpdate(): void {
  const notice = document.createElement('p');
  notice.className = 'update-notice';
  notice.setAttribute('role', 'status');
  document.body.append(notice);
  // Filled after insertion: screen readers announce a live region's changes, not its birth.
  requestAnimationFrame(() => {
    notice.textContent = 'A new version of Activation Lab is installed: reload to use it. ';
    const reload = document.createElement('button');
    reload.textContent = 'Reload';
    reload.onclick = () => location.reload();
    notice.append(reload);
  });
}
