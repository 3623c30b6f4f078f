// Registers the service worker (sw.js, written by scripts/service_worker.py at build time) so the app opens
// and works with the network off after one visit. A same-origin module rather than an inline script, so the
// Content-Security-Policy stays without 'unsafe-inline'. The app works without it, so a browser that refuses
// gets a warning in the console, not an error.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error) => {
      console.warn('Offline use is not available here:', error);
    });
  });
}
