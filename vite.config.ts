import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the built page works from any sub-folder of a static host.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
