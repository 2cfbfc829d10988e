/**
 * Registers the service worker (dist/sw.js, see src/sw/sw.ts) so the app works offline
 * once loaded. Production builds only: in dev a cache-first worker would serve stale
 * modules under Vite's HMR, and the dev server has no sw.js. Called once from main.tsx.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const register = () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
      // Offline use is a bonus: the app works without it, so this is no error for the person.
      console.warn('Offline use is not available: the service worker did not register.', error);
    });
  };
  // After the page's own loading, so precaching does not compete with it.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
