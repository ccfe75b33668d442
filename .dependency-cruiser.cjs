// `npm run lint:layers`: the architecture as rules (README "Code map", CONTRIBUTING.md "Layers"). Each
// rule fails the check when an import breaks it. Type-only imports count too: a type pulled from the
// browser side into the engine couples them as much as a value does, and a cycle of types is still one
// module tangle to untie.

/** What runs only in the browser's extension contexts, or draws UI, or stores. */
const BROWSER_SIDE = [
  '(^|/)node_modules/(webextension-polyfill|wxt|@wxt-dev|preact|idb)/',
  '^#imports$',
  '^lib/(browser|storage|ui|background|messaging|content|capture)/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-layers-stay-pure',
      comment:
        'lib/metrics (the engine), lib/readers, lib/model and lib/pages run anywhere: in the worker, in the CLI (`npm run health`), in Node tests. ' +
        'They import no browser API, no storage, no UI and nothing of the extension contexts.',
      severity: 'error',
      from: { path: '^lib/(metrics|readers|model|pages)/' },
      to: { path: BROWSER_SIDE },
    },
    {
      name: 'content-script-computes-nothing',
      comment:
        'The content script shows what the worker computed: it never runs the engine (lib/metrics, whose report it knows only by its shape, ' +
        'report-schema.ts) nor opens the database (lib/storage); both live in the worker.',
      severity: 'error',
      from: { path: '^lib/content/' },
      to: { path: ['^lib/metrics/(?!report-schema\\.ts$)', '^lib/storage/'] },
    },
    {
      name: 'entrypoints-are-leaves',
      comment: 'entrypoints/ is thin wiring that WXT builds; the logic is in lib/, and nothing imports an entrypoint.',
      severity: 'error',
      from: { pathNot: '^entrypoints/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'no-cycles',
      comment: 'Two modules that import each other are one module in two files: move what both need into a third.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing (a typo, a file that moved) would only fail at build time.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^#imports$' },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|node_modules|bench-output|demo-output|test-results|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: '.dependency-cruiser.tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
