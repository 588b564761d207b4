// WeChat's WXSS compiler as a test oracle.
// usage: node wcsc-oracle.js <jobs.json> <results.json>
// jobs.json: [{name, root, files: ["a.wxss", "c/d.wxss", ...], prefix}]: every file under root is compiled in one
//   wcsc run, as the devtools do (each file a stylesheet of its own, imports shared), then turned into CSS by
//   wcsc's own runtime (setCssToHead) with the class prefix `prefix`, on a 375 px iPhone with DPR 2.
// results.json: [{name, host, css: {"a.wxss": "...", ...}}] or [{name, error}]; host is the global sheet wcsc
//   makes of every file's `:host` rules.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { spawnSync } = require('child_process');

const WCSC = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux', 'wcsc');

function wcsc(root, files) {
  try { fs.chmodSync(WCSC, 0o755); } catch (e) { /* read-only install: try anyway */ }
  const args = ['-pc', String(files.length)].concat(files.map(f => './' + f));
  const r = spawnSync(WCSC, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const err = String(r.stderr || '');
  if (r.status !== 0 || /ERR:/.test(err) || !r.stdout || r.stdout.length === 0) {
    throw new Error(err.replace(/\s*error file count: \d+\s*$/, '').trim() || ('wcsc exit ' + r.status));
  }
  // name=value pairs; values are JavaScript string bodies in which '=' is always escaped as \x3d
  const parts = r.stdout.toString().split('=');
  const out = {};
  for (let i = 0; i + 1 < parts.length; i += 2) out[parts[i]] = vm.runInNewContext('"' + parts[i + 1] + '"');
  return out;
}

/** A page-like context for wcsc's runtime: each stylesheet it makes is collected instead of put in a <head>. */
function runtime() {
  const sheets = [];
  const head = { appendChild() {} };
  const document = {
    head,
    getElementsByTagName() { return [head]; },
    createTextNode(text) { return { nodeValue: text }; },
    createElement() {
      return {
        childNodes: [],
        setAttribute() {},
        appendChild(node) { this.childNodes.push(node); sheets.push(node.nodeValue); },
      };
    },
  };
  const context = vm.createContext({
    document,
    navigator: { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X)' },
    screen: { width: 375, height: 667 },
    devicePixelRatio: 2,
    console: { log() {}, warn() {}, error() {}, info() {} },
  });
  context.window = context;
  return { context, sheets };
}

function run(job) {
  const compiled = wcsc(job.root, job.files);
  const { context, sheets } = runtime();
  vm.runInContext(compiled.comm, context);
  const host = sheets.join('');
  const css = {};
  for (const f of job.files) {
    const code = compiled['./' + f];
    if (code === undefined) continue;
    sheets.length = 0;
    vm.runInContext(code, context)(job.prefix || '', {});
    css[f] = sheets.join('');
  }
  return { name: job.name, host, css };
}

const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
fs.writeFileSync(process.argv[3], JSON.stringify(jobs.map(job => {
  try {
    return run(job);
  } catch (e) {
    return { name: job.name, error: String(e && e.message || e) };
  }
})));
