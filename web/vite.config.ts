// Builds the web console into dist/web, which the server serves. In development `vite --config web/vite.config.ts`
// proxies the API to a server on port 8080 (`npx tsx src/cli.ts demo`).
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const server = 'http://127.0.0.1:8080'

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/docs': server,
      '/openapi.json': server,
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Vendor code in a few long-lived chunks, none over 500 kB; each screen is its own lazy chunk (app/pages.ts).
        // A group also takes the dependencies of what it captures, so the higher-priority groups (taking their
        // modules first) are the ones others depend on: React before the icons, antd's building blocks before antd.
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/,
              priority: 40,
            },
            // ECharts only for the evaluation charts: lazy chunks of their own, never with antd; its renderer
            // (zrender) apart, since together they came to over 500 kB.
            { name: 'vendor-zrender', test: /node_modules[\\/]zrender[\\/]/, priority: 36 },
            { name: 'vendor-echarts', test: /node_modules[\\/]echarts[\\/]/, priority: 35 },
            { name: 'vendor-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 30 },
            // antd's building blocks (rc components, css-in-js, dayjs) in a chunk of their own.
            {
              name: 'vendor-antd-base',
              test: /node_modules[\\/](@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime)[\\/]/,
              priority: 25,
            },
            // antd's data display (tables, lists, tabs, descriptions), with the antd internals they share, apart from
            // the rest of antd: together they came to over 500 kB.
            {
              name: 'vendor-antd-data',
              test: /node_modules[\\/]antd[\\/](es|lib)[\\/](table|list|pagination|descriptions|tabs|statistic)[\\/]/,
              priority: 22,
            },
            { name: 'vendor-antd', test: /node_modules[\\/]antd[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules/, priority: 10 },
          ],
        },
      },
    },
  },
})
