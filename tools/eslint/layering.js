// Local ESLint plugin: `local/layering` enforces the import direction of the
// architecture brief (§1):
//
//   shared/**          -> shared, npm packages
//   db/**              -> shared, db
//   electron/main/**   -> shared, db, electron/main
//   server/**          -> shared, db, server
//   electron/preload/** -> shared, electron/preload
//   electron/web-host/** -> shared, db, electron/main, electron/web-host
//                          (dev/test-only HTTP transport of the handler table;
//                          nothing in electron/main may import it, so it never ships)
//   renderer/**        -> shared, renderer
//   anything else (tests/, tools/, scripts/, root config files) -> unrestricted
//
// Relative (and absolute) import specifiers are resolved against the importing
// file and classified by their path under the project root. The npm module
// 'electron' (and 'electron/*') may be imported only from electron/main/platform/**
// and electron/preload/**; 'electron-store' only from electron/main/platform/**.
//
// The project root is ESLint's cwd unless the rule option `root` is given.

import path from 'node:path';

/** Layers in match order: more specific prefixes first. */
const LAYERS = [
  { name: 'electron/main/platform', prefix: 'electron/main/platform/', group: 'electron/main' },
  { name: 'electron/main', prefix: 'electron/main/', group: 'electron/main' },
  { name: 'electron/preload', prefix: 'electron/preload/', group: 'electron/preload' },
  { name: 'electron/web-host', prefix: 'electron/web-host/', group: 'electron/web-host' },
  { name: 'shared', prefix: 'shared/', group: 'shared' },
  { name: 'db', prefix: 'db/', group: 'db' },
  { name: 'server', prefix: 'server/', group: 'server' },
  { name: 'renderer', prefix: 'renderer/', group: 'renderer' },
];

/** Which layer groups each restricted layer group may import (relative imports). */
const ALLOWED = {
  shared: ['shared'],
  db: ['shared', 'db'],
  'electron/main': ['shared', 'db', 'electron/main'],
  server: ['shared', 'db', 'server'],
  'electron/preload': ['shared', 'electron/preload'],
  'electron/web-host': ['shared', 'db', 'electron/main', 'electron/web-host'],
  renderer: ['shared', 'renderer'],
};

/** npm modules restricted to certain layers: module name -> layer names allowed to import it. */
const RESTRICTED_MODULES = {
  electron: ['electron/main/platform', 'electron/preload'],
  'electron-store': ['electron/main/platform'],
};

/**
 * Classifies a project-relative POSIX path.
 * @param {string} rel
 * @returns {{name: string, group: string} | null} null when outside every layer
 */
export function layerOf(rel) {
  const p = rel.split(path.sep).join('/');
  for (const layer of LAYERS) {
    if (p.startsWith(layer.prefix)) return { name: layer.name, group: layer.group };
  }
  return null;
}

/** 'electron/common' -> 'electron', '@scope/pkg/x' -> '@scope/pkg', 'node:fs' -> 'node:fs'. */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const isPathSpecifier = (s) => s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../') || s.startsWith('/');

const describeTarget = (rel, layer) => {
  if (layer) return layer.group;
  if (rel.startsWith('..')) return 'a file outside the project';
  return rel.split('/')[0] || rel;
};

/** @type {import('eslint').Rule.RuleModule} */
const layeringRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the one-way import direction between shared, db, electron/main, server and renderer',
    },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      layer:
        "{{from}} may not import {{to}} ('{{source}}'). Files in {{from}}/ may import only {{allowed}} and npm packages.",
      module:
        "'{{source}}' may be imported only from {{where}} (this file is in {{from}}). Go through the platform layer instead.",
    },
  },

  create(context) {
    const options = context.options[0] ?? {};
    const root = path.resolve(options.root ?? context.cwd);
    const filename = context.filename;
    if (!filename || filename.startsWith('<')) return {};
    const fromRel = path.relative(root, path.resolve(root, filename)).split(path.sep).join('/');
    const from = layerOf(fromRel);
    if (!from) return {};

    /** @param {import('estree').Node} node @param {unknown} value */
    function check(node, value) {
      if (typeof value !== 'string' || value === '') return;
      const specifier = value.replace(/[?#].*$/, '');

      if (isPathSpecifier(specifier)) {
        const target = path.resolve(path.dirname(path.resolve(root, filename)), specifier);
        const toRel = path.relative(root, target).split(path.sep).join('/');
        const to = layerOf(toRel + '/');
        const allowed = ALLOWED[from.group];
        if (to && allowed.includes(to.group)) return;
        context.report({
          node,
          messageId: 'layer',
          data: {
            from: from.group,
            to: describeTarget(toRel, to),
            source: value,
            allowed: allowed.join(', '),
          },
        });
        return;
      }

      const pkg = packageName(specifier);
      const owners = RESTRICTED_MODULES[pkg];
      if (owners && !owners.includes(from.name)) {
        context.report({
          node,
          messageId: 'module',
          data: {
            source: value,
            where: owners.map((o) => `${o}/**`).join(' and '),
            from: from.name,
          },
        });
      }
    }

    const checkSource = (node) => {
      if (node.source) check(node.source, node.source.value);
    };

    return {
      ImportDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
        else if (node.source.type === 'TemplateLiteral' && node.source.expressions.length === 0) {
          check(node.source, node.source.quasis[0]?.value.cooked);
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        const isRequire =
          (callee.type === 'Identifier' && callee.name === 'require') ||
          (callee.type === 'MemberExpression' &&
            callee.object.type === 'Identifier' &&
            callee.object.name === 'require' &&
            callee.property.type === 'Identifier' &&
            callee.property.name === 'resolve');
        const arg = node.arguments[0];
        if (isRequire && arg && arg.type === 'Literal') check(arg, arg.value);
      },
      // import x = require('y')
      TSExternalModuleReference(node) {
        if (node.expression?.type === 'Literal') check(node.expression, node.expression.value);
      },
      // type T = import('y').T
      TSImportType(node) {
        const literal = node.source ?? (node.argument?.type === 'TSLiteralType' ? node.argument.literal : null);
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};

const plugin = {
  meta: { name: 'order-desk-local', version: '1.0.0' },
  rules: { layering: layeringRule },
};

export default plugin;
