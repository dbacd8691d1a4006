// The web app's entry: its stylesheet (named in index.html, so nothing paints unstyled), then
// the app once the browser has painted index.html's top bar. The app's code (React, the router,
// the data cache) is already on its way meanwhile — the build names it in index.html's
// modulepreload links — so waiting for that paint delays it by a frame at most, while a phone
// shows the frame at once instead of after a second of running scripts.
import './styles.css';

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A frame's callback runs just before its paint; the task after it, just after. A tab
    // opened in the background draws no frames: it starts on the timer instead.
    const hidden = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(hidden);
      setTimeout(resolve, 0);
    });
  });
}

void afterFirstPaint().then(() => import('./app.tsx'));
