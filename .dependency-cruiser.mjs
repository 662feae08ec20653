/**
 * The layer rules, checked by dependency-cruiser (`npm run lint`, `npm test`): imports point down
 * only, web → app → domain, with db and mail implementing the ports that app declares. Each rule
 * matches a path at any depth (src/app/account/x.ts importing ../../db/… breaks it just as
 * src/app/x.ts would), and type-only imports count (tsPreCompilationDeps).
 * src/layers.test.ts shows each kind of breach being reported.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain holds pure rules: no use case, page, store, mail, settings or Node built-in.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(app|web|db|mail|messages)/|^src/(config|main|server)[.]ts$' },
    },
    {
      name: 'domain-no-node-builtins',
      comment: 'The domain takes what it needs as arguments (time, randomness, files) instead of node:*.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'app-not-to-adapters',
      comment: 'Use cases talk to stores and mail through the ports they declare, never to web, db or mail.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(web|db|mail)/' },
    },
    {
      name: 'app-no-frameworks',
      comment: 'Use cases know neither the database library nor the web framework.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '(^|/)node_modules/(drizzle-orm|hono|@hono)/' },
    },
    {
      name: 'web-not-to-db',
      comment: 'Pages reach the database through use cases only.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'adapters-not-to-web',
      comment: 'Stores and mail serve the use cases; they know nothing of pages.',
      severity: 'error',
      from: { path: '^src/(db|mail)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'adapters-only-ports',
      comment: 'Stores and mail know of app only the ports they implement (app/<capability>/ports.ts).',
      severity: 'error',
      from: { path: '^src/(db|mail)/' },
      to: { path: '^src/app/', pathNot: '^src/app/[^/]+/ports[.]ts$' },
    },
    {
      name: 'messages-are-text',
      comment: 'The text catalogue may read domain rules (limits, error codes), nothing above them.',
      severity: 'error',
      from: { path: '^src/messages/' },
      to: { path: '^src/(app|web|db|mail)/' },
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself through others.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo (or a missing package).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
