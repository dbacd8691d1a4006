// Steward's mark (web/public/icon.svg, the favicon and the installed app's icon) drawn in the
// page itself: as an <img> every frame that showed it fetched the file again (it is revalidated,
// not cached) and had it parsed into an SVG document of its own, four times on a first visit.
// index.html's top bar draws the same shapes until the app draws this.
export function Logo({ className }: { className: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 64 64" className={className}>
      <rect width="64" height="64" rx="14" fill="#0e7490" />
      <path
        d="M18 40c4 5 10 7 15 7 8 0 13-4 13-10 0-12-26-8-26-18 0-4 4-7 10-7 5 0 9 2 12 5"
        fill="none"
        stroke="#fff"
        strokeWidth="6"
        strokeLinecap="round"
      />
    </svg>
  );
}
