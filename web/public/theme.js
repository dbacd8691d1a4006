/* global localStorage, matchMedia, document, location */
// Applies the remembered theme before the first paint: no flash of the wrong colours. A file,
// not an inline script, so the Content-Security-Policy can refuse every inline script.
(function () {
  const theme = localStorage.getItem('steward.theme') || 'system';
  const dark =
    theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  // The signed-in app's paths get index.html's top bar until the app draws its own; sign-in,
  // a password reset, a customer's survey and a shared QBR have none.
  if (!/^\/(sign-in|reset-password|s\/|shared\/)/.test(location.pathname)) {
    document.documentElement.dataset.boot = '';
  }
})();
