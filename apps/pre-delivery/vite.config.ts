import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'

/** The API (apps/api) in development; it also serves the built SPAs in production. */
const API_ORIGIN = 'http://127.0.0.1:3000'
/** The delivery SPA's dev server, reached through this one so both share one origin (cookie). */
const DELIVERY_DEV_ORIGIN = 'http://127.0.0.1:5174'

const apiProxy: ProxyOptions = {
  target: API_ORIGIN,
  changeOrigin: true,
  // The API checks Origin on writes; in development the page's origin is the dev server's.
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq) => {
      if (proxyReq.getHeader('origin')) proxyReq.setHeader('origin', API_ORIGIN)
    })
  },
}

const proxy: Record<string, ProxyOptions> = {
  '/api': apiProxy,
  '/delivery': { target: DELIVERY_DEV_ORIGIN, ws: true },
}

// 実需給期間前向け機能 — served at `/`.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy: { '/api': apiProxy } },
  // Both SPAs build into dist/web/, which the API serves (WEB_DIST_DIR) and a web server can host.
  build: {
    outDir: '../../dist/web/pre-delivery',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // Every supported browser preloads modules itself: no polyfill in the entry (issue 7 budget).
    modulePreload: { polyfill: false },
  },
})
