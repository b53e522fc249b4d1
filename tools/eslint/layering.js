// Local ESLint plugin: `local/layering` enforces the import direction of the
// architecture brief (§1):
//
//   shared/**          -> shared, npm packages
//   db/**              -> shared, db
//   electron/main/**   -> shared, db, electron/main (with the finer rules below)
//   server/**          -> shared, server
//   electron/preload/** -> shared, electron/preload
//   electron/web-host/** -> shared, db, electron/main, electron/web-host
//                          (dev/test-only HTTP transport of the handler table;
//                          nothing in electron/main may import it, so it never ships)
//   renderer/**        -> shared, renderer
//   anything else (tests/, tools/, scripts/, root config files) -> unrestricted
//
// Within electron/main:
//   - services/** may not import app/** (services are the app's tools; wiring a service to
//     the app is the composition root's job);
//   - platform/** is imported only by the composition root (COMPOSITION_ROOT below), by
//     platform itself and by the web host (the dev/test composition root);
//   - the composition root is imported by nothing else in electron/main.
//
// shared/** and renderer/** run in the sandboxed renderer (shared in both processes), so
// they may import neither Node built-ins ('node:fs', 'path', ...) nor the main-only
// packages in MAIN_ONLY_PACKAGES.
//
// Relative (and absolute) import specifiers are resolved against the importing
// file and classified by their path under the project root. The npm module
// 'electron' (and 'electron/*') may be imported only from electron/main/platform/**
// and electron/preload/**; 'electron-store' only from electron/main/platform/**.
//
// The project root is ESLint's cwd unless the rule option `root` is given.

import { isBuiltin } from 'node:module';
import path from 'node:path';

/**
 * The desktop app's composition root, named file by file (without extension) so that
 * joining it is a deliberate act: it builds the services, the app and the platform and wires
 * them together, so it is the one place allowed to see all three.
 */
const COMPOSITION_ROOT = ['electron/main/index', 'electron/main/desk-sender'];
const COMPOSITION_ROOT_LAYER = { name: 'electron/main/composition-root', group: 'electron/main' };

/** Layers in match order (after COMPOSITION_ROOT): more specific prefixes first. */
const LAYERS = [
  { name: 'electron/main/platform', prefix: 'electron/main/platform/', group: 'electron/main' },
  { name: 'electron/main/services', prefix: 'electron/main/services/', group: 'electron/main' },
  { name: 'electron/main/app', prefix: 'electron/main/app/', group: 'electron/main' },
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
  server: ['shared', 'server'],
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
 * Within electron/main: the layers each part may be imported from, beyond the group rule
 * above. `only` lists the permitted importers, `not` the forbidden ones; `why` ends the message.
 */
const IMPORTED_BY = {
  'electron/main/platform': {
    only: ['electron/main/composition-root', 'electron/main/platform', 'electron/web-host'],
    why: 'Only the composition root (electron/main/index.ts) reaches the platform: take what you need as a parameter or a port type and let index.ts pass the platform in.',
  },
  'electron/main/composition-root': {
    only: ['electron/main/composition-root', 'electron/web-host'],
    why: 'The composition root wires the rest together; nothing it wires may depend on it.',
  },
  'electron/main/app': {
    not: ['electron/main/services'],
    why: "Services are the app's tools and must not depend on it: declare a port type in services/ and wire the two together in the composition root (electron/main/index.ts).",
  },
};

/**
 * Layers that run in the sandboxed renderer (shared also runs in main), with what they may
 * use instead of Node.
 */
const NODE_FREE = {
  shared: 'shared/ runs in the renderer as well as in main: it may use only its own files and pure packages such as zod.',
  renderer: 'The renderer runs sandboxed in Chromium: it may use shared/ and browser packages, and reaches main only through the contract (renderer/api).',
};

/**
 * Packages that need Node or a native binary, or hold server-side credentials: main (and
 * tests) only. Isomorphic packages used by main (kysely, papaparse, bwip-js, html-to-text,
 * @react-email/components) are deliberately absent.
 */
const MAIN_ONLY_PACKAGES = [
  'better-sqlite3',
  'nodemailer',
  'twilio',
  'pdfkit',
  'smtp-server',
  'mailparser',
  '@sparticuz/chromium',
];

const CODE_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/**
 * Classifies a project-relative POSIX path (a trailing '/' is allowed).
 * @param {string} rel
 * @returns {{name: string, group: string} | null} null when outside every layer
 */
export function layerOf(rel) {
  const p = rel.split(path.sep).join('/');
  const bare = p.replace(/\/$/, '').replace(CODE_EXTENSION, '');
  if (COMPOSITION_ROOT.includes(bare)) return { ...COMPOSITION_ROOT_LAYER };
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
      inner:
        "{{from}} may not import {{to}} ('{{source}}'). {{why}}",
      node:
        "{{from}} may not import '{{source}}': it is {{what}}. {{why}}",
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
        if (to && allowed.includes(to.group)) {
          checkInner(node, value, to);
          return;
        }
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
        return;
      }

      const nodeFreeWhy = NODE_FREE[from.group];
      if (!nodeFreeWhy) return;
      const what = isBuiltin(specifier)
        ? 'a Node built-in'
        : MAIN_ONLY_PACKAGES.includes(pkg)
          ? 'a main-only package (it needs Node, a native binary or server-side credentials)'
          : null;
      if (what) context.report({ node, messageId: 'node', data: { from: from.group, source: value, what, why: nodeFreeWhy } });
    }

    /** The finer rules between the parts of electron/main (IMPORTED_BY). */
    function checkInner(node, value, to) {
      const rule = IMPORTED_BY[to.name];
      if (!rule || to.name === from.name) return;
      const refused = rule.only ? !rule.only.includes(from.name) : rule.not.includes(from.name);
      if (refused) context.report({ node, messageId: 'inner', data: { from: from.name, to: to.name, source: value, why: rule.why } });
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
