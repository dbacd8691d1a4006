/* global localStorage, matchMedia, document */
// Applies the remembered theme before the first paint: no flash of the wrong colours. A file,
// not an inline script, so the Content-Security-Policy can refuse every inline script.
(function () {
  const theme = localStorage.getItem('steward.theme') || 'system';
  const dark =
    theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
})();
