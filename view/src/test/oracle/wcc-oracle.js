// WeChat's WXML compiler as a test oracle.
// usage: node wcc-oracle.js <cases.json> <results.json>
// cases.json: [{name, files: {"index.wxml": "...", ...}, data: {...}}]; the page is always index.wxml.
// results.json: [{name, tree}] or [{name, error}], where tree is normalised as described in
// docs/view-oracle-differences.md: tags without the "wx-" prefix, attributes sorted, undefined and
// non-finite numbers encoded as {"$undefined": true} / {"$number": "NaN"}, text nodes as strings.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const { wxmlToJs } = require('miniprogram-compiler');

// wcc's runtime patches built-in prototypes for good, so every case runs in a fresh V8 context.
const quiet = { log() {}, warn() {}, error() {}, info() {}, debug() {} };

function encode(v) {
  if (v === undefined) return { $undefined: true };
  if (typeof v === 'number' && !isFinite(v)) return { $number: String(v) };
  if (typeof v === 'function') return { $function: true };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v)) out[k] = encode(v[k]);
    return out;
  }
  return v;
}

function normalise(node) {
  if (typeof node !== 'object' || node === null) return String(node);
  const attr = {};
  for (const k of Object.keys(node.attr || {}).sort()) attr[k] = encode(node.attr[k]);
  return {
    tag: String(node.tag).replace(/^wx-/, ''),
    attr,
    children: (node.children || []).map(normalise),
  };
}

function run(c) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-wcc-'));
  try {
    for (const [name, content] of Object.entries(c.files)) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    let source;
    try {
      // Like the devtools, name files with a leading "./" (absolute paths in src only resolve then).
      const list = Object.keys(c.files).filter(f => f.endsWith('.wxml')).map(f => './' + f);
      const wxs = Object.keys(c.files).filter(f => f.endsWith('.wxs')).map(f => './' + f);
      source = wxmlToJs(dir, { wxmlList: list, wxsList: wxs });
    } catch (e) {
      return { name: c.name, error: String(e.message).replace(/^[^：]*：/, '').trim() };
    }
    const context = vm.createContext({ console: quiet });
    context.window = context;
    context.__wxAppCode__ = {};
    context.__data__ = JSON.stringify(c.data || {});
    try {
      const tree = vm.runInContext(
          '(function (global) {' + source + '\n})({})("./index.wxml")(JSON.parse(__data__), {}, {})', context);
      return { name: c.name, tree: normalise(tree) };
    } catch (e) {
      return { name: c.name, error: 'runtime: ' + String(e && e.message || e) };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
fs.writeFileSync(process.argv[3], JSON.stringify(cases.map(run)));
