// Theme: system, light or dark — remembered on the device and in the person's profile.
export type Theme = 'system' | 'light' | 'dark';

const media = () => matchMedia('(prefers-color-scheme: dark)');

export function applyTheme(theme: Theme) {
  localStorage.setItem('steward.theme', theme);
  const dark = theme === 'dark' || (theme === 'system' && media().matches);
  document.documentElement.classList.toggle('dark', dark);
}

/** Follows the device while the theme is "system". */
export function followSystemTheme() {
  const listener = () => {
    if ((localStorage.getItem('steward.theme') ?? 'system') === 'system') applyTheme('system');
  };
  media().addEventListener('change', listener);
}
