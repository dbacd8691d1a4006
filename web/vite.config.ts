// The web app: React + Tailwind, built into dist/web and served by Steward itself; a PWA whose
// service worker caches the app shell (never the API: numbers on screen are always live).
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { CodeSplittingNameFunction } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// STEWARD_WEB_OUT builds elsewhere (the Lighthouse benchmark, beside browser tests reading dist/web).
// Set but empty, it means unset: an empty outDir is the web app's own folder, which the build
// empties first (emptyOutDir) — its sources included.
const outDir =
  process.env.STEWARD_WEB_OUT || fileURLToPath(new URL('../dist/web', import.meta.url));

/** The screens people most often open first (main.tsx asks for their code beside the app's). */
const firstScreens = [
  'routes/accounts/PortfolioPage.tsx',
  'routes/accounts/AccountPage.tsx',
  'routes/work/MyWorkPage.tsx',
];
/** The shell and the first screens, as module ids end. */
const firstScreenFiles = ['app.tsx', ...firstScreens].map((file) => `/src/${file}`);

/**
 * Writes `file.br` and `file.gz` beside every text asset once the build (service worker
 * included) is written, so the server sends a phone the smallest copy without compressing
 * on each request (src/http/static.ts picks one by Accept-Encoding).
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
  /** The scripts a first visit loads: the entry, the app and the first screens, with their imports. */
  const firstLoad = new Set<string>();
  return {
    name: 'steward-precompress',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const visit = (fileName: string) => {
        if (firstLoad.has(fileName)) return;
        firstLoad.add(fileName);
        chunks.find((chunk) => chunk.fileName === fileName)?.imports.forEach(visit);
      };
      for (const chunk of chunks) {
        const first = chunk.moduleIds.some((id) => firstScreenFiles.some((f) => id.endsWith(f)));
        if (chunk.isEntry || first) visit(chunk.fileName);
      }
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
        const files = entries
          .filter((entry) => entry.isFile() && compressible.test(entry.name))
          .map((entry) => path.join(entry.parentPath, entry.name));
        await Promise.all(
          files.map(async (file) => {
            const body = await readFile(file);
            // Below about a kilobyte the headers weigh more than the saving.
            if (body.length < 1024) return;
            const [br, gz] = await Promise.all([
              brotli(body, {
                params: {
                  // Quality 11 for what a first visit waits for and the stylesheet: 7% smaller
                  // than 9 (174 -> 162 KiB for the portfolio's scripts and style, some 60 ms of
                  // a phone's slow 4G) for about a second more of the build. Quality 9 for the
                  // rest: 11 on everything took 3.2 s against 0.9 s here under load, and
                  // `npm start` builds the web app before it starts.
                  [constants.BROTLI_PARAM_QUALITY]:
                    firstLoad.has(path.relative(outDir, file)) || /\.(css|html)$/.test(file)
                      ? 11
                      : 9,
                  [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                },
              }),
              gzipped(body, { level: constants.Z_BEST_COMPRESSION }),
            ]);
            await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
          }),
        );
      },
    },
  };
}

/**
 * Names the app's own code (src/app.tsx and every chunk it imports) in index.html's
 * modulepreload links: the entry (src/main.tsx) imports the app only after the first paint, and
 * without these the browser would not start fetching React and the router until then.
 */
function preloadApp(): Plugin {
  return {
    name: 'steward-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return [];
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const app = chunks.find((chunk) =>
          chunk.moduleIds.some((id) => id.endsWith('/src/app.tsx')),
        );
        if (!app) throw new Error('the build has no chunk for src/app.tsx');
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (
            files.has(fileName) ||
            fileName === entry.fileName ||
            entry.imports.includes(fileName)
          )
            return;
          files.add(fileName);
          chunks.find((chunk) => chunk.fileName === fileName)?.imports.forEach(visit);
        };
        visit(app.fileName);
        return [...files].map((fileName) => ({
          tag: 'link',
          // Low: the stylesheet and the first paint come first, then the app's code.
          attrs: {
            rel: 'modulepreload',
            crossorigin: true,
            fetchpriority: 'low',
            href: `/${fileName}`,
          },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

type ModuleGraph = Parameters<CodeSplittingNameFunction>[1];

/**
 * The app's own small modules that the shell (src/app.tsx) and the first screens (the portfolio,
 * a 360, My work) share with other screens, in the app's chunk. Left to the bundler, each module
 * two screens share is a file of its own: the portfolio's first visit asked for seventeen files
 * of 0.2–4 KB besides its own (ui, session, work, voice, badges, health, the sparkline…), each a
 * round trip and, over HTTP/1.1, one of a browser's six connections to Steward meanwhile. Kept
 * out: what main.tsx evaluates in a task of its own before the app (the languages, the data
 * cache, the portfolio's search checks: its stages), a screen's own modules (they stay in its chunk) and
 * anything that would bring a library the shell does not load (the charts, the dialog).
 */
function firstScreensCode(): CodeSplittingNameFunction {
  const src = fileURLToPath(new URL('./src/', import.meta.url));
  const at = (file: string) => path.join(src, file);
  // The entry and what it imports (it loads before everything else), and main.tsx's stages.
  const stages = [
    'main.tsx',
    'i18n/index.ts',
    'queries.ts',
    'routes/accounts/portfolioSearch.ts',
  ].map(at);
  let members: Set<string> | undefined;
  const compute = (graph: ModuleGraph) => {
    const closures = new Map<string, Set<string>>();
    /** Every module `id` imports statically, itself included. */
    const closure = (id: string): Set<string> => {
      const known = closures.get(id);
      if (known) return known;
      const found = new Set<string>();
      const pending = [id];
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        if (found.has(next)) continue;
        found.add(next);
        pending.push(...(graph.getModuleInfo(next)?.importedIds ?? []));
      }
      closures.set(id, found);
      return found;
    };
    // Every screen the app loads lazily (each a dynamic import), found from the entry.
    const screens = new Set<string>();
    const seen = new Set<string>();
    const pending = [at('main.tsx')];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      const info = graph.getModuleInfo(next);
      pending.push(...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? []));
      for (const screen of info?.dynamicallyImportedIds ?? []) screens.add(screen);
    }
    const ours = (id: string) => id.startsWith(src);
    const staged = new Set(stages.flatMap((stage) => [...closure(stage)]));
    const shell = closure(at('app.tsx'));
    const shellLibraries = new Set([...shell].filter((id) => !ours(id)));
    const sharedBy = (id: string) =>
      [...screens].filter((screen) => closure(screen).has(id)).length;
    const eligible = (id: string) =>
      ours(id) &&
      !staged.has(id) &&
      [...closure(id)].every((dep) => ours(dep) || shellLibraries.has(dep));
    members = new Set([
      ...[...shell].filter(eligible),
      ...firstScreens
        .map(at)
        .flatMap((screen) => [...closure(screen)].filter((id) => eligible(id) && sharedBy(id) > 1)),
    ]);
  };
  return (id, graph) => {
    if (!members) compute(graph);
    return members?.has(id) ? 'app' : null;
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
            // The charting library and what only it uses: fetched with the first screen that
            // draws a chart, not with the app shell.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|es-toolkit|eventemitter3|decimal\.js-light|tiny-invariant)[\\/]/,
            },
            // Radix's dialog and its helpers: only the screens with a dialog fetch them.
            {
              name: 'dialog',
              test: /node_modules[\\/](@radix-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|aria-hidden|get-nonce|detect-node-es)[\\/]/,
            },
            { name: 'vendor', test: /node_modules[\\/]/ },
            {
              name: firstScreensCode(),
              debugName: 'app',
              test: /[\\/]web[\\/]src[\\/]/,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      registerType: 'autoUpdate',
      // The icons are precached by the glob below already.
      includeManifestIcons: false,
      manifest: {
        name: 'Steward',
        short_name: 'Steward',
        description: 'Customer success: health, onboarding, renewals and what matters now.',
        lang: 'en',
        theme_color: '#0e7490',
        background_color: '#0b1220',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The shell (HTML, JS, CSS, icons) is precached; client-side routes fall back to it.
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/v1\//, /^\/webhooks\//, /^\/slack\//],
      },
    }),
    preloadApp(),
    precompress(),
  ],
});
