// The layering of src/, checked by `npm run lint` (part of `npm test`). Arrows point down:
// cli → plan / check / report / provision / ingest → sizing / placement / quality / replay
// → domain / escape / util. Layers outside that list (io) say what they may use.
const layer = (name, may) => ({
  name: `${name}-imports-only-below`,
  comment: `src/${name} may import only ${may.length ? may.join(', ') : 'nothing of the project'}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...may.map((m) => `^src/${m}/`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      from: { path: '^src/(?!cli/)' },
      to: { path: '^src/cli/' },
    },
    layer('domain', []),
    layer('util', []),
    layer('escape', []),
    layer('io', ['domain']),
    layer('sizing', ['domain', 'util']),
    layer('placement', ['domain', 'util']),
    layer('quality', ['domain', 'util']),
    layer('ingest', ['domain', 'util', 'escape', 'quality', 'sizing']),
    layer('plan', ['domain', 'util', 'sizing', 'placement', 'quality']),
    layer('report', ['domain', 'util', 'escape', 'sizing']),
    layer('provision', ['domain', 'util', 'escape']),
    layer('check', ['domain', 'util', 'escape', 'sizing', 'placement', 'ingest']),
    {
      name: 'no-orphans',
      comment: 'Every source file is used by another (or is the CLI entry or a worker entry).',
      severity: 'error',
      from: { orphan: true, path: '^src/', pathNot: ['^src/cli/bin\\.ts$', 'helper-worker(-tsx)?\\.[jt]s$', 'glpk-worker(-tsx)?\\.[jt]s$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
