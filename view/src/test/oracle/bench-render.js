// Reference timing: WeChat's compiled template (wcc) rendering the benchmark page in Node (V8).
// usage: node bench-render.js [rounds]   (run from view/src/test/oracle after `npm install`)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { wxmlToJs } = require('miniprogram-compiler');

const rounds = Number(process.argv[2] || 30);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-bench-'));
fs.copyFileSync(path.join(__dirname, '../resources/bench/rows.wxml'), path.join(dir, 'index.wxml'));
global.window = global;
global.__wxAppCode__ = {};
console.warn = () => {};
const t0 = process.hrtime.bigint();
const render = new Function('global', wxmlToJs(dir, { wxmlList: ['./index.wxml'] }))({})('./index.wxml');
const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;
fs.rmSync(dir, { recursive: true, force: true });

// Same data as Rows.data(1000) in the Java benchmark.
const rows = [];
for (let i = 0; i < 1000; i++) rows.push({ id: i, title: 'Item ' + i, price: i % 7 + 0.5, qty: i % 3 + 1, done: i % 4 === 0 });
const times = [];
for (let r = 0; r < rounds; r++) {
  const s = process.hrtime.bigint();
  render({ rows }, {}, {});
  times.push(Number(process.hrtime.bigint() - s) / 1e6);
}
const sorted = times.slice().sort((a, b) => a - b);
console.log(JSON.stringify({
  compileMs: +compileMs.toFixed(1), firstMs: +times[0].toFixed(2),
  medianMs: +sorted[Math.floor(sorted.length / 2)].toFixed(2), bestMs: +sorted[0].toFixed(2), rounds,
}));
