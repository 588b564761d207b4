// The reference side of the ES-module differential (EsModuleOracleTest). Input (argv[2], JSON):
//   {trees: {sparrow: DIR, reference: DIR}, files: ["pkg/path/x.js", ...]}
// Each tree is a node_modules folder holding copies of the packages; the Java side has already written Sparrow's
// CommonJS of every listed file into the sparrow tree. This script writes esbuild's CommonJS of the same files into
// the reference tree, then requires every listed file of each tree (in the same order, WeChat's framework globals
// stubbed) and writes what each module exported to argv[3]:
//   {transformErrors: {file: message}, sparrow: {file: description}, reference: {file: description}}
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const transformErrors = {};
function transform(file, trees) {
  const text = fs.readFileSync(path.join(trees[0], file), 'utf8');
  try {
    const out = esbuild.transformSync(text, {format: 'cjs', loader: 'js', sourcefile: file, logLevel: 'silent'});
    for (const tree of trees) fs.writeFileSync(path.join(tree, file), out.code);
  } catch (e) {
    transformErrors[file] = String(e.message || e).split('\n')[0];
  }
}
for (const file of job.files) transform(file, [job.trees.reference]);
for (const file of job.others || []) transform(file, [job.trees.reference, job.trees.sparrow]);

// What a module file may touch when it loads inside WeChat, the same for both sides: every wx.x() answers a phone's
// system information (the info APIs' fields, a menu button's rectangle); getApp() an app with empty globalData.
const info = Object.freeze({
  windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, statusBarHeight: 20,
  platform: 'devtools', system: 'iOS 16.0', SDKVersion: '3.0.0', version: '8.0.40', language: 'zh_CN', theme: 'light',
  safeArea: Object.freeze({top: 20, bottom: 667, left: 0, right: 375, width: 375, height: 647}),
  top: 24, bottom: 56, left: 281, right: 368, width: 87, height: 32,
});
globalThis.wx = new Proxy({}, {get: (t, k) => (typeof k === 'string' ? () => info : undefined)});
globalThis.getApp = () => ({globalData: {}});
globalThis.getCurrentPages = () => [];
globalThis.Component = (def) => def;
globalThis.Page = (def) => def;
globalThis.App = (def) => def;
globalThis.Behavior = (def) => def;
process.exit = (code) => { throw new Error('process.exit(' + code + ')'); };
const exit = process.reallyExit.bind(process);

/** A module's exports as JSON: values, types; functions by name and arity; objects three levels deep. */
function describe(v, depth, seen) {
  if (v === null) return null;
  switch (typeof v) {
    case 'undefined': return {type: 'undefined'};
    case 'number': return Number.isFinite(v) ? v : {number: String(v)};
    case 'string': case 'boolean': return v;
    case 'bigint': case 'symbol': return {type: typeof v, value: String(v)};
    default:
  }
  if (seen.has(v)) return {circular: true};
  seen.add(v);
  const out = typeof v === 'function' ? {fn: v.name, length: v.length} : {type: Object.prototype.toString.call(v)};
  if (Array.isArray(v)) out.length = v.length;
  if (depth > 0) {
    let keys;
    try { keys = Object.keys(v).sort(); } catch (e) { keys = []; }
    if (keys.length) {
      out.keys = {};
      for (const k of keys.slice(0, 200)) {
        let value;
        try { value = describe(v[k], depth - 1, seen); } catch (e) { value = {getterThrows: String(e.message)}; }
        out.keys[k] = value;
      }
    }
  }
  seen.delete(v);
  return out;
}

function evaluate(tree) {
  const result = {};
  for (const file of job.files) {
    try {
      const exported = require(path.join(tree, file));
      const d = describe(exported, 3, new Set());
      if (exported && (typeof exported === 'object' || typeof exported === 'function')) {
        d.esModule = exported.__esModule === true;
      }
      result[file] = d;
    } catch (e) {
      result[file] = {throws: (e && e.constructor && e.constructor.name) + ': ' + String(e && e.message).split('\n')[0]
          .replace(tree, '<tree>')};
    }
  }
  return result;
}

const out = {transformErrors, sparrow: evaluate(job.trees.sparrow), reference: evaluate(job.trees.reference)};
fs.writeFileSync(process.argv[3], JSON.stringify(out));
exit(0);
