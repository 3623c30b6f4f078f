// Registers the service worker (sw.js, written by scripts/service_worker.py at build time) so the app opens
// and works with the network off after one visit. A same-origin module rather than an inline script, so the
// Content-Security-Policy stays without 'unsafe-inline'. The app works without it, so a browser that refuses
// gets a warning in the console, not an error.
//
// Only once the app has started (the page's loader, scripts/site_pages.py, has run its wasm: it then sets
// window.wasmBindings and sends TrunkApplicationStarted) and the page has gone idle after its first render:
// installing the worker fetches and caches every built file, about 2.6 MB, and that work on the phone's
// cores and network would otherwise compete with the app's own start. Registered at the page's load event
// instead, it made the first radio of #/assess/4 about 40 ms later (`make bench` on a 2-core machine,
// same build: medians of 215 and 240 ms at the load event, 179 to 186 ms in four runs now). A page whose code never starts has nothing worth keeping offline.
if ('serviceWorker' in navigator) {
  const register = () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error) => {
      console.warn('Offline use is not available here:', error);
    });
  };
  // Idle means after the first render, which the app runs in a task of its own (ui::in_next_task); a page
  // that never goes idle still registers within 5 s. Safari has no requestIdleCallback.
  const whenIdle = () => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: 5000 });
    else setTimeout(register, 1000);
  };
  if (window.wasmBindings) whenIdle();
  else window.addEventListener('TrunkApplicationStarted', whenIdle, { once: true });
}
