// A worker that makes one money and one date formatter in the reader's language (its name, given
// by main.tsx) and ends. The first formatter of a page loads ICU's number and calendar data, in
// one uninterruptible piece (20–70 ms unthrottled in Chromium, several times that on a phone);
// that data is the browser process's, shared by its threads, so made here it is already loaded
// when the page's own first formatter runs on the main thread (0.1–0.5 ms then).
new Intl.NumberFormat(self.name, { style: 'currency', currency: 'USD' }).format(1);
new Intl.DateTimeFormat(self.name, { dateStyle: 'medium' }).format(0);
self.close();

export {};
