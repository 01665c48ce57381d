import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Maven passes GRAPHIQL_OUT_DIR (${project.build.outputDirectory}/portal-graphiql) so the bundle lands on the
// service's classpath and in its jar; a bare `npm run build` writes to dist/ for a look.
export default defineConfig({
  plugins: [react()],
  // The service serves the page at /graphiql and its files below /graphiql/assets/.
  base: '/graphiql/',
  build: {
    outDir: process.env.GRAPHIQL_OUT_DIR || 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // Monaco alone is over a megabyte; the page is a developer tool, loaded once and cached (hashed names).
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React-compiler output starts modules with "use no memo", which bundling drops on purpose.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') {
          return;
        }
        warn(warning);
      },
    },
  },
});
