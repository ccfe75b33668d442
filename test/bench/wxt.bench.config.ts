/**
 * The production build, written to bench-output/ (git-ignored): other engineers' `wxt build` runs replace
 * .output/chrome-mv3 at any moment, and a bench must measure (and load) files nobody swaps.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import base from '../../wxt.config';

export default defineConfig({ ...base, root: resolve(import.meta.dirname, '../..'), outDir: 'bench-output' });
