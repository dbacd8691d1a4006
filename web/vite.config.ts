// The web app: React + Tailwind, built into dist/web and served by Steward itself.
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      registerType: 'autoUpdate',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Steward',
        short_name: 'Steward',
        description: 'Customer success: health, onboarding, renewals and what matters now.',
        theme_color: '#0e7490',
        background_color: '#0b1220',
        display: 'standalone',
        start_url: '/',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      // The app shell is cached; the API is always asked (live data, never stale numbers).
      workbox: { navigateFallbackDenylist: [/^\/api\//, /^\/v1\//, /^\/webhooks\//], globPatterns: ['**/*.{js,css,html,svg,png}'] },
    }),
  ],
});
