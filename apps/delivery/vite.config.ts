import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'

/** The API (apps/api) in development; it also serves the built SPAs in production. */
const API_ORIGIN = 'http://127.0.0.1:3000'

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

// 実需給期間向け機能 — served at `/delivery/`. In development open it through the pre-delivery
// dev server (http://127.0.0.1:5173/delivery/), which proxies here, so both share one origin.
export default defineConfig({
  base: '/delivery/',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5174, strictPort: true, proxy: { '/api': apiProxy } },
  preview: { host: '127.0.0.1', port: 4174, strictPort: true, proxy: { '/api': apiProxy } },
  // Both SPAs build into dist/web/, which the API serves (WEB_DIST_DIR) and a web server can host.
  build: {
    outDir: '../../dist/web/delivery',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // Every supported browser preloads modules itself: no polyfill in the entry (issue 7 budget).
    modulePreload: { polyfill: false },
  },
})
