// The world of one cloud function (CloudFunctions.java): evaluated once per function context, never in a page's.
// It gets the host object (files of the function's own folder, the session's database and storage, nested calls,
// logging) and the database codec (sparrow-cloud-query.js, called once here) and answers with the runtime the
// host drives: start(event), then peek() and fire() until the call settles.
// What a function sees: CommonJS require of its own files and node_modules (pure JS), the Node built-ins
// path, util, assert and events (Sparrow's own, small), Sparrow's wx-server-sdk, console,
// Buffer, setTimeout/setInterval/setImmediate in function time, process.env.
(function (host, cloudQuery) {
  'use strict';
  const global = globalThis;
  for (const name of ['Graal', 'Java', 'Packages', 'java', 'javax', 'Polyglot', 'print', 'load',
    'loadWithNewGlobal', 'quit', 'exit', 'read', 'readbuffer', 'console']) {
    try { delete global[name]; } catch (e) { /* non-configurable: leave it */ }
  }

  // ---- console and timers ----------------------------------------------------------------------
  function show(v) {
    if (typeof v === 'string') return v;
    if (v instanceof Error) return v.stack || String(v);
    try { const s = JSON.stringify(v); return s === undefined ? String(v) : s; } catch (e) { return String(v); }
  }
  function logger(level) {
    return function () { host.log(level, Array.prototype.map.call(arguments, show).join(' ')); };
  }
  global.console = { log: logger('log'), info: logger('info'), warn: logger('warn'), error: logger('error'),
    debug: logger('debug') };
  let now = 0;
  let timerSeq = 0;
  const timers = new Map();
  function addTimer(fn, ms, args, repeat) {
    const id = ++timerSeq;
    const delay = Math.max(0, Number(ms) || 0);
    timers.set(id, { due: now + delay, seq: id, fn: fn, args: args, repeat: repeat ? Math.max(1, delay) : 0 });
    return id;
  }
  global.setTimeout = function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), false); };
  global.setInterval = function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), true); };
  global.setImmediate = function (fn) { return addTimer(fn, 0, Array.prototype.slice.call(arguments, 1), false); };
  global.clearTimeout = global.clearInterval = global.clearImmediate = function (id) { timers.delete(id); };
  global.process = { env: {}, version: 'v16.13.0', versions: { node: '16.13.0' }, platform: 'linux',
    nextTick: function (fn) {
      const a = Array.prototype.slice.call(arguments, 1);
      Promise.resolve().then(() => fn(...a));
    } };

  // ---- base64 and UTF-8 (uploadFile / downloadFile contents cross as base64) --------------------
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function toBase64(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') +
        (i + 2 < bytes.length ? B64[n & 63] : '=');
    }
    return out;
  }
  function fromBase64(text) {
    const clean = String(text).replace(/[^A-Za-z0-9+/]/g, '');
    const out = new Uint8Array(Math.floor(clean.length * 3 / 4));
    let bits = 0, value = 0, n = 0;
    for (let i = 0; i < clean.length; i++) {
      value = (value << 6) | B64.indexOf(clean[i]); bits += 6;
      if (bits >= 8) { bits -= 8; out[n++] = (value >> bits) & 255; }
    }
    return out.subarray(0, n);
  }
  function utf8(text) {
    const s = unescape(encodeURIComponent(String(text)));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function bytesOf(content) {
    if (typeof content === 'string') return utf8(content);
    if (content instanceof ArrayBuffer) return new Uint8Array(content);
    if (ArrayBuffer.isView(content)) return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
    return null;
  }
  /**
   * Node's Buffer, the common part: bytes (a Uint8Array) made from and read as utf8, hex, base64, latin1/binary
   * and ascii text; alloc, concat, isBuffer, byteLength, equals, slice as a view, the (U)Int8/16/32 LE/BE readers.
   */
  class Buffer extends Uint8Array {
    static from(v, encoding, length) {
      if (typeof v === 'string') return Buffer.of8(encode(v, encoding));
      if (v instanceof ArrayBuffer) {
        const start = Number(encoding) || 0;
        return new Buffer(v, start, length === undefined ? v.byteLength - start : length);
      }
      if (ArrayBuffer.isView(v)) return Buffer.of8(new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice());
      if (v && v.type === 'Buffer' && Array.isArray(v.data)) return Buffer.of8(Uint8Array.from(v.data));
      if (Array.isArray(v) || (v && typeof v.length === 'number')) return Buffer.of8(Uint8Array.from(v, b => b & 255));
      throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array'
        + ' or an Array-like Object. Received ' + (v === null ? 'null' : typeof v));
    }
    static of8(bytes) { return new Buffer(bytes.buffer, bytes.byteOffset, bytes.byteLength); }
    static alloc(n, fill, encoding) {
      const b = new Buffer(Number(n) || 0);
      if (fill !== undefined) b.fill(typeof fill === 'string' ? encode(fill, encoding)[0] || 0 : fill);
      return b;
    }
    static allocUnsafe(n) { return new Buffer(Number(n) || 0); }
    static isBuffer(v) { return v instanceof Buffer; }
    static isEncoding(e) { return ENCODINGS.has(String(e).toLowerCase()); }
    static byteLength(v, encoding) {
      return typeof v === 'string' ? encode(v, encoding).length : v.byteLength;
    }
    static concat(list, total) {
      const size = total === undefined ? list.reduce((n, b) => n + b.length, 0) : total;
      const out = Buffer.alloc(size);
      let at = 0;
      for (const b of list) {
        if (at >= size) break;
        out.set(b.subarray(0, size - at), at);
        at += Math.min(b.length, size - at);
      }
      return out;
    }
    static compare(a, b) { return a.compare(b); }
    toString(encoding, start, end) { return decode8(this.subarray(start || 0, end), encoding); }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
    equals(other) { return this.compare(other) === 0; }
    compare(other) {
      const n = Math.min(this.length, other.length);
      for (let i = 0; i < n; i++) if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
      return this.length === other.length ? 0 : this.length < other.length ? -1 : 1;
    }
    slice(start, end) { return this.subarray(start, end); }
    write(text, offset, length, encoding) {
      if (typeof offset === 'string') { encoding = offset; offset = 0; length = undefined; }
      if (typeof length === 'string') { encoding = length; length = undefined; }
      const bytes = encode(String(text), encoding);
      const at = offset || 0;
      const n = Math.min(bytes.length, this.length - at, length === undefined ? Infinity : length);
      this.set(bytes.subarray(0, n), at);
      return n;
    }
    view() { return new DataView(this.buffer, this.byteOffset, this.byteLength); }
  }
  for (const [name, get, set, size] of [['UInt8', 'getUint8', 'setUint8', 1], ['Int8', 'getInt8', 'setInt8', 1],
    ['UInt16', 'getUint16', 'setUint16', 2], ['Int16', 'getInt16', 'setInt16', 2],
    ['UInt32', 'getUint32', 'setUint32', 4], ['Int32', 'getInt32', 'setInt32', 4],
    ['Float', 'getFloat32', 'setFloat32', 4], ['Double', 'getFloat64', 'setFloat64', 8]]) {
    for (const [suffix, little] of size === 1 ? [['', false]] : [['LE', true], ['BE', false]]) {
      Buffer.prototype['read' + name + suffix] = function (at) { return this.view()[get](at || 0, little); };
      Buffer.prototype['write' + name + suffix] = function (v, at) {
        this.view()[set](at || 0, v, little);
        return (at || 0) + size;
      };
      if (name.startsWith('UInt')) {
        Buffer.prototype['readUint' + name.slice(4) + suffix] = Buffer.prototype['read' + name + suffix];
        Buffer.prototype['writeUint' + name.slice(4) + suffix] = Buffer.prototype['write' + name + suffix];
      }
    }
  }
  const ENCODINGS = new Set(['utf8', 'utf-8', 'hex', 'base64', 'latin1', 'binary', 'ascii', 'ucs2', 'ucs-2',
    'utf16le', 'utf-16le']);
  function encoding(e) {
    const name = e === undefined || e === null ? 'utf8' : String(e).toLowerCase();
    if (!ENCODINGS.has(name)) {
      const err = new TypeError('Unknown encoding: ' + e);
      err.code = 'ERR_UNKNOWN_ENCODING';
      throw err;
    }
    if (name === 'utf8' || name === 'utf-8') return 'utf8';
    return name === 'binary' ? 'latin1' : name.startsWith('u') ? 'ucs2' : name;
  }
  function encode(text, e) {
    switch (encoding(e)) {
      case 'hex': {
        const n = Math.floor(text.length / 2);
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) out[i] = parseInt(text.substr(i * 2, 2), 16);
        return out;
      }
      case 'base64': return fromBase64(text.replace(/-/g, '+').replace(/_/g, '/'));
      case 'latin1': case 'ascii': return Uint8Array.from(text, c => c.charCodeAt(0) & 255);
      case 'ucs2': {
        const out = new Uint8Array(text.length * 2);
        for (let i = 0; i < text.length; i++) {
          out[2 * i] = text.charCodeAt(i) & 255;
          out[2 * i + 1] = text.charCodeAt(i) >> 8;
        }
        return out;
      }
      default: return utf8(text);
    }
  }
  function latin1(bytes, mask) {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] & mask);
    return s;
  }
  function decode8(bytes, e) {
    switch (encoding(e)) {
      case 'hex': return Array.prototype.map.call(bytes, b => (b < 16 ? '0' : '') + b.toString(16)).join('');
      case 'base64': return toBase64(bytes);
      case 'latin1': return latin1(bytes, 255);
      case 'ascii': return latin1(bytes, 127);
      case 'ucs2': {
        let s = '';
        for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
        return s;
      }
      default: {
        const s = latin1(bytes, 255);
        try { return decodeURIComponent(escape(s)); } catch (err) { return s; }
      }
    }
  }
  global.Buffer = Buffer;

  /** downloadFile's fileContent: a Buffer over the bytes. */
  function fileContent(bytes) { return Buffer.of8(bytes); }

  // ---- database: the codec is sparrow-cloud-query.js (shared with page code), rules in CloudApis -----------
  const codec = cloudQuery;
  const isPlain = codec.isPlain;
  const value = codec.value;
  const where = codec.where;
  const update = codec.update;
  const decode = codec.decode;
  function dataOf(opts) {
    return opts !== null && typeof opts === 'object' && isPlain(opts.data) ? opts.data : undefined;
  }
  /** A failure as wx-server-sdk rejects with it: an Error whose message is the errMsg, with errCode and errMsg. */
  function sdkError(res) {
    const e = new Error(res && res.errMsg);
    e.errCode = res && res.errCode;
    e.errMsg = res && res.errMsg;
    return e;
  }
  /** One database request, answered as a promise (the server SDK has no callbacks). */
  function dbCall(api, build) {
    let answer;
    try {
      const request = build();
      request.api = api;
      const raw = JSON.parse(host.database(JSON.stringify(request)));
      answer = { ok: raw.ok, res: raw.ok ? decode(raw.res) : raw.res };
    } catch (e) {
      const why = e && e.message ? e.message : String(e);
      answer = { ok: false, res: { errCode: -501007, errMsg: api + ':fail -501007 invalid parameters. ' + why } };
    }
    return answer.ok ? Promise.resolve(answer.res) : Promise.reject(sdkError(answer.res));
  }
  function query(env, name, state) {
    function next(change) { return query(env, name, Object.assign({}, state, change)); }
    function base(action) {
      return { env: env(), collection: name, action: action, where: state.where, orderBy: state.orderBy,
        skip: state.skip, limit: state.limit, field: state.field };
    }
    return {
      where: cond => next({ where: where(cond) }),
      orderBy: (field, order) => next({ orderBy: state.orderBy.concat([{ field: String(field),
        order: order === 'desc' ? 'desc' : 'asc' }]) }),
      skip: n => next({ skip: Number(n) || 0 }),
      limit: n => next({ limit: Number(n) || 0 }),
      field: f => next({ field: value(f) }),
      get: () => dbCall('collection.get', () => base('get')),
      count: () => dbCall('collection.count', () => base('count')),
      update: opts => dbCall('collection.update', () => Object.assign(base('update'),
        { data: dataOf(opts) && update(opts.data) })),
      remove: () => dbCall('collection.remove', () => base('remove'))
    };
  }
  /** The errMsg of doc(id).get() on a missing document, which throwOnNotFound: false answers with data null. */
  const MISSING_DOC = /^document\.get:fail document with _id .* does not exist$/;
  function doc(env, name, id, journal, throwOnNotFound) {
    const docId = String(id);
    let field = null;
    function req(action, data) {
      return { env: env(), collection: name, action: action, id: docId, data: data, field: field };
    }
    function write(api, build) {
      if (journal) journal.remember(name, docId);
      return dbCall(api, build);
    }
    const d = {
      _id: docId,
      field: f => { field = value(f); return d; },
      get: () => dbCall('document.get', () => req('docGet')).catch(e => {
        if (!throwOnNotFound() && e.errCode === -1 && MISSING_DOC.test(e.errMsg)) {
          return { data: null, errMsg: 'document.get:ok' };
        }
        throw e;
      }),
      set: opts => write('document.set', () => req('docSet', dataOf(opts) && value(opts.data))),
      update: opts => write('document.update', () => req('docUpdate', dataOf(opts) && update(opts.data))),
      remove: () => write('document.remove', () => req('docRemove'))
    };
    d.delete = d.remove;
    return d;
  }
  function collection(env, name, journal, throwOnNotFound) {
    const n = String(name);
    const c = query(env, n, { where: {}, orderBy: [], skip: 0, limit: 0, field: null });
    c.collectionName = n;
    c.add = function (opts) {
      return dbCall('collection.add', () => ({ env: env(), collection: n, action: 'add',
        data: dataOf(opts) && value(opts.data) })).then(res => {
        if (journal) journal.added(n, res._id);
        return res;
      });
    };
    c.doc = id => doc(env, n, id, journal, throwOnNotFound);
    c.aggregate = () => codec.aggregate(stages => ({
      end: () => dbCall('collection.aggregate', () => ({ env: env(), collection: n, action: 'aggregate',
        pipeline: codec.stages(stages) }))
    }));
    return c;
  }

  /**
   * A transaction: writes go through at once; the first write of each document records its state before, so
   * that rollback (or a callback of runTransaction that throws) puts every touched document back.
   */
  function transaction(env, throwOnNotFound) {
    const before = [];
    const seen = new Set();
    let open = true;
    const journal = {
      remember: function (name, id) {
        const key = name + '\u0000' + id;
        if (seen.has(key)) return;
        seen.add(key);
        const raw = JSON.parse(host.database(JSON.stringify({ api: 'document.get', env: env(), collection: name,
          action: 'docGet', id: id })));
        before.push({ name: name, id: id, doc: raw.ok ? raw.res.data : null });
      },
      added: function (name, id) {
        const key = name + '\u0000' + id;
        if (!seen.has(key)) { seen.add(key); before.push({ name: name, id: id, doc: null }); }
      }
    };
    function undo() {
      for (const b of before.slice().reverse()) {
        const request = { env: env(), collection: b.name, id: b.id };
        if (b.doc === null) {
          request.action = 'docRemove'; request.api = 'document.remove';
        } else {
          const data = Object.assign({}, b.doc);
          delete data._id;
          request.action = 'docSet'; request.api = 'document.set'; request.data = data;
        }
        host.database(JSON.stringify(request));
      }
      before.length = 0;
    }
    const t = {
      collection: name => collection(env, name, journal, throwOnNotFound),
      commit: function () { open = false; return Promise.resolve({ errMsg: 'transaction.commit:ok' }); },
      rollback: function (reason) {
        if (open) undo();
        open = false;
        t.rolledBack = { reason: reason };
        return Promise.resolve({ errMsg: 'transaction.rollback:ok' });
      }
    };
    Object.defineProperty(t, 'undo', { value: function () { if (open) undo(); open = false; } });
    return t;
  }
  function database(config, sdk) {
    const fixed = config && typeof config.env === 'string' ? config.env : null;
    const env = () => fixed !== null ? fixed : sdk.envFor('database');
    // doc.get of a missing document throws unless throwOnNotFound is false here or in cloud.init (SDK 1.7.0+)
    const own = config && typeof config.throwOnNotFound === 'boolean' ? config.throwOnNotFound : null;
    const throwOnNotFound = () => own !== null ? own : sdk.throwOnNotFound();
    return {
      config: { get env() { return env(); } },
      command: codec.command,
      Geo: codec.Geo,
      collection: name => collection(env, name, null, throwOnNotFound),
      serverDate: codec.serverDate,
      RegExp: codec.regExp,
      startTransaction: () => Promise.resolve(transaction(env, throwOnNotFound)),
      runTransaction: async function (fn) {
        const t = transaction(env, throwOnNotFound);
        let result;
        try {
          result = await fn(t);
        } catch (e) {
          t.undo();
          throw e;
        }
        if (t.rolledBack) throw t.rolledBack.reason;
        await t.commit();
        return result;
      }
    };
  }

  // ---- wx-server-sdk -------------------------------------------------------------------------------
  const DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV');
  function storageCall(api, action, request) {
    const raw = JSON.parse(host.storage(action, JSON.stringify(Object.assign({ api: api }, request))));
    return raw.ok ? Promise.resolve(raw.res) : Promise.reject(sdkError(raw.res));
  }
  /**
   * cloud.openapi: WeChat's server APIs (subscribeMessage.send, security.msgSecCheck …) need WeChat's servers, so
   * every call rejects, its errMsg naming the API (Sparrow's wording; errCode -1) instead of failing on an undefined.
   */
  function openapi() {
    const names = name => new Proxy({}, {
      get: function (target, key) {
        if (typeof key !== 'string' || key === 'then' || key === 'toJSON') return undefined;
        return function () {
          return Promise.reject(sdkError({ errCode: -1, errMsg: 'openapi.' + name + '.' + key +
            ':fail Sparrow does not emulate WeChat open APIs (cloud.openapi)' }));
        };
      }
    });
    return new Proxy({}, {
      get: (target, key) => typeof key !== 'string' || key === 'then' || key === 'toJSON' ? undefined : names(key)
    });
  }
  function makeSdk() {
    let envs = null; // null: the env of the calling client (DYNAMIC_CURRENT_ENV)
    let throwOnNotFound = true;
    const sdk = {
      DYNAMIC_CURRENT_ENV: DYNAMIC_CURRENT_ENV,
      envFor: function (kind) {
        if (envs === null) return host.env();
        const e = typeof envs === 'object' ? envs[kind] : envs;
        return typeof e === 'string' && e ? e : host.env();
      },
      init: function (opts) {
        const env = opts && opts.env;
        envs = typeof env === 'string' && env ? env : env && typeof env === 'object' ? env : null;
        throwOnNotFound = !(opts && opts.throwOnNotFound === false);
      },
      throwOnNotFound: () => throwOnNotFound,
      getWXContext: () => JSON.parse(host.wxContext()),
      database: config => database(config, sdk),
      callFunction: function (opts) {
        const o = opts || {};
        const env = o.config && typeof o.config.env === 'string' ? o.config.env : sdk.envFor('functions');
        const data = o.data === undefined ? {} : value(o.data);
        const raw = JSON.parse(host.callFunction(env, String(o.name), JSON.stringify(data)));
        return raw.ok ? Promise.resolve(raw.res) : Promise.reject(sdkError(raw.res));
      },
      uploadFile: function (opts) {
        const o = opts || {};
        const bytes = bytesOf(o.fileContent);
        return storageCall('uploadFile', 'uploadFile', { env: sdk.envFor('storage'), cloudPath: o.cloudPath,
          contentBase64: bytes === null ? null : toBase64(bytes) });
      },
      downloadFile: function (opts) {
        return storageCall('downloadFile', 'downloadFile', { env: sdk.envFor('storage'), fileID: (opts || {}).fileID })
          .then(res => ({ fileContent: fileContent(fromBase64(res.contentBase64)), statusCode: res.statusCode,
            errMsg: res.errMsg }));
      },
      getTempFileURL: opts => storageCall('getTempFileURL', 'getTempFileURL',
        { env: sdk.envFor('storage'), fileList: (opts || {}).fileList }),
      deleteFile: opts => storageCall('deleteFile', 'deleteFile', { env: sdk.envFor('storage'),
        fileList: (opts || {}).fileList }),
      openapi: openapi(),
      logger: () => ({ log: logger('log'), info: logger('info'), warn: logger('warn'), error: logger('error') })
    };
    return sdk;
  }
  const sdk = makeSdk();

  // ---- Node built-ins: the pure-JS few that functions and their packages most often require ----------------
  // path (POSIX), util (format, inspect, promisify, inherits, deprecate, types), assert, events (EventEmitter).
  // Others (fs, crypto, http, stream, child_process …) fail as a missing module does.
  function posixPath() {
    function norm(p) {
      const abs = p.startsWith('/');
      const out = [];
      for (const seg of p.split('/')) {
        if (seg === '' || seg === '.') continue;
        if (seg === '..') {
          if (out.length > 0 && out[out.length - 1] !== '..') out.pop(); else if (!abs) out.push('..');
        } else out.push(seg);
      }
      const body = out.join('/');
      const tail = p.length > 1 && p.endsWith('/') && body ? '/' : '';
      return (abs ? '/' : '') + body + tail || (abs ? '/' : '.');
    }
    function str(p, name) {
      if (typeof p !== 'string') {
        const e = new TypeError('The "' + name + '" argument must be of type string. Received ' + typeof p);
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
      }
      return p;
    }
    function basename(p, ext) {
      const b = str(p, 'path').replace(/\/+$/, '').split('/').pop();
      return typeof ext === 'string' && ext && b !== ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
    }
    function extname(p) {
      const b = basename(p);
      const i = b.lastIndexOf('.');
      return i <= 0 ? '' : b.slice(i);
    }
    function dirname(p) {
      const s = str(p, 'path').replace(/\/+$/, '');
      const i = s.lastIndexOf('/');
      return i < 0 ? '.' : i === 0 ? '/' : s.slice(0, i);
    }
    function resolve() {
      let out = '';
      for (let i = arguments.length - 1; i >= 0 && !out.startsWith('/'); i--) {
        const p = str(arguments[i], 'paths[' + i + ']');
        if (p) out = p + (out ? '/' + out : '');
      }
      if (!out.startsWith('/')) out = '/var/user' + (out ? '/' + out : ''); // the function's working directory
      const n = norm(out);
      return n.length > 1 ? n.replace(/\/$/, '') : n;
    }
    const path = {
      sep: '/', delimiter: ':',
      normalize: p => norm(str(p, 'path')),
      join: function () {
        const parts = Array.prototype.map.call(arguments, (p, i) => str(p, 'paths[' + i + ']')).filter(p => p);
        return parts.length ? norm(parts.join('/')) : '.';
      },
      resolve: resolve,
      isAbsolute: p => str(p, 'path').startsWith('/'),
      relative: function (from, to) {
        const a = resolve(from).split('/').filter(x => x);
        const b = resolve(to).split('/').filter(x => x);
        let i = 0;
        while (i < a.length && i < b.length && a[i] === b[i]) i++;
        return a.slice(i).map(() => '..').concat(b.slice(i)).join('/');
      },
      dirname: dirname, basename: basename, extname: extname,
      parse: function (p) {
        const base = basename(p);
        const ext = extname(p);
        const dir = str(p, 'path').indexOf('/') < 0 ? '' : dirname(p);
        return { root: p.startsWith('/') ? '/' : '', dir: dir, base: base, ext: ext,
          name: ext ? base.slice(0, -ext.length) : base };
      },
      format: o => (o.dir || o.root || '') + (o.dir && o.dir !== o.root ? '/' : '') +
        (o.base || (o.name || '') + (o.ext || ''))
    };
    path.posix = path;
    return path;
  }
  function nodeUtil() {
    function inspect(v) {
      if (typeof v === 'string') return "'" + v + "'";
      if (typeof v === 'function') return '[Function: ' + (v.name || '(anonymous)') + ']';
      if (v instanceof Error) return v.stack || String(v);
      if (v === undefined || typeof v === 'symbol' || typeof v === 'bigint') return String(v);
      try { return JSON.stringify(v, null, 1).replace(/\n\s*/g, ' '); } catch (e) { return String(v); }
    }
    function format(f) {
      const args = Array.prototype.slice.call(arguments, 1);
      let out = typeof f === 'string' ? f.replace(/%[sdifjoOc%]/g, m => {
        if (m === '%%') return '%';
        if (args.length === 0) return m;
        const a = args.shift();
        switch (m) {
          case '%s': return typeof a === 'string' ? a : typeof a === 'object' && a !== null ? inspect(a) : String(a);
          case '%d': case '%i': return String(m === '%i' ? parseInt(a, 10) : Number(a));
          case '%f': return String(parseFloat(a));
          case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
          case '%c': return '';
          default: return inspect(a);
        }
      }) : inspect(f);
      for (const a of args) out += ' ' + (typeof a === 'string' ? a : inspect(a));
      return out;
    }
    return {
      format: format, inspect: inspect,
      promisify: fn => function () {
        const args = Array.prototype.slice.call(arguments);
        return new Promise((ok, fail) => fn.apply(this, args.concat([(e, v) => e ? fail(e) : ok(v)])));
      },
      inherits: function (ctor, parent) {
        Object.defineProperty(ctor, 'super_', { value: parent, writable: true, configurable: true });
        Object.setPrototypeOf(ctor.prototype, parent.prototype);
      },
      deprecate: fn => fn,
      isArray: Array.isArray,
      isDeepStrictEqual: (a, b) => deepEqual(a, b),
      types: { isDate: v => v instanceof Date, isRegExp: v => v instanceof RegExp,
        isPromise: v => v instanceof Promise },
      TextEncoder: global.TextEncoder, TextDecoder: global.TextDecoder
    };
  }
  function deepEqual(a, b) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof RegExp) return String(a) === String(b);
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length &&
      ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  function nodeAssert() {
    class AssertionError extends Error {
      constructor(options) {
        super(options.message);
        this.name = 'AssertionError';
        this.code = 'ERR_ASSERTION';
        this.actual = options.actual;
        this.expected = options.expected;
        this.operator = options.operator;
      }
    }
    function check(pass, message, actual, expected, operator, fallback) {
      if (pass) return;
      if (message instanceof Error) throw message;
      throw new AssertionError({ message: message !== undefined ? String(message) : fallback, actual: actual,
        expected: expected, operator: operator });
    }
    const show = v => nodeUtil().inspect(v);
    function ok(v, message) {
      check(v, message, v, true, '==', 'The expression evaluated to a falsy value:\n\n  assert.ok(' + show(v) + ')\n');
    }
    const assert = function (v, message) { ok(v, message); };
    Object.assign(assert, {
      AssertionError: AssertionError, ok: ok,
      // eslint-disable-next-line eqeqeq
      equal: (a, b, m) => check(a == b, m, a, b, '==', show(a) + ' == ' + show(b)),
      // eslint-disable-next-line eqeqeq
      notEqual: (a, b, m) => check(a != b, m, a, b, '!=', show(a) + ' != ' + show(b)),
      strictEqual: (a, b, m) => check(Object.is(a, b), m, a, b, 'strictEqual',
        'Expected values to be strictly equal:\n\n' + show(a) + ' !== ' + show(b) + '\n'),
      notStrictEqual: (a, b, m) => check(!Object.is(a, b), m, a, b, 'notStrictEqual',
        'Expected "actual" to be strictly unequal to: ' + show(b)),
      deepStrictEqual: (a, b, m) => check(deepEqual(a, b), m, a, b, 'deepStrictEqual',
        'Expected values to be strictly deep-equal:\n' + show(a) + ' !== ' + show(b)),
      notDeepStrictEqual: (a, b, m) => check(!deepEqual(a, b), m, a, b, 'notDeepStrictEqual',
        'Expected "actual" not to be strictly deep-equal to: ' + show(b)),
      fail: m => check(false, m, undefined, undefined, 'fail', 'Failed'),
      throws: function (fn, expected, m) {
        try { fn(); } catch (e) { return; }
        check(false, typeof expected === 'string' ? expected : m, undefined, expected, 'throws',
          'Missing expected exception.');
      }
    });
    assert.deepEqual = assert.deepStrictEqual;
    assert.notDeepEqual = assert.notDeepStrictEqual;
    assert.strict = assert;
    return assert;
  }
  function nodeEvents() {
    // a plain constructor, not a class: older packages inherit with EventEmitter.call(this) and util.inherits
    function EventEmitter() { this._events = new Map(); }
    const proto = EventEmitter.prototype;
    proto._list = function (name) {
      if (!(this._events instanceof Map)) this._events = new Map();
      if (!this._events.has(name)) this._events.set(name, []);
      return this._events.get(name);
    };
    proto.on = function (name, fn) { this._list(name).push({ fn: fn, once: false }); return this; };
    proto.once = function (name, fn) { this._list(name).push({ fn: fn, once: true }); return this; };
    proto.off = function (name, fn) {
      const list = this._list(name);
      const i = list.findIndex(l => l.fn === fn);
      if (i >= 0) list.splice(i, 1);
      return this;
    };
    proto.removeAllListeners = function (name) {
      if (name === undefined) this._events = new Map(); else this._list(name).length = 0;
      return this;
    };
    proto.emit = function (name) {
      const args = Array.prototype.slice.call(arguments, 1);
      const list = this._list(name);
      if (list.length === 0 && name === 'error') {
        throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      }
      const had = list.length > 0;
      for (const l of list.slice()) {
        if (l.once) this.off(name, l.fn);
        l.fn.apply(this, args);
      }
      return had;
    };
    proto.listeners = function (name) { return this._list(name).map(l => l.fn); };
    proto.listenerCount = function (name) { return this._list(name).length; };
    proto.setMaxListeners = function () { return this; };
    proto.addListener = proto.on;
    proto.removeListener = proto.off;
    EventEmitter.EventEmitter = EventEmitter;
    EventEmitter.once = (emitter, name) => new Promise(ok => emitter.once(name, function () {
      ok(Array.prototype.slice.call(arguments));
    }));
    return EventEmitter;
  }
  /**
   * stream: there, so that packages that take its classes when they load (xlsx's Readable) load; making a stream
   * throws, saying streams are not in Sparrow's functions.
   */
  function nodeStream() {
    const stream = {};
    for (const name of ['Stream', 'Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough']) {
      stream[name] = function () {
        const e = new Error('stream.' + name + ' is not available in Sparrow\'s cloud functions');
        e.code = 'ERR_NOT_AVAILABLE';
        throw e;
      };
    }
    return stream;
  }
  const BUILTINS = { path: posixPath, util: nodeUtil, assert: nodeAssert, events: nodeEvents, stream: nodeStream };
  const builtins = new Map();
  /** A Node built-in Sparrow gives functions ('path' or 'node:path'), made once per context; null for others. */
  function builtin(spec) {
    const name = spec.startsWith('node:') ? spec.slice(5) : spec;
    if (!Object.prototype.hasOwnProperty.call(BUILTINS, name)) return null;
    if (!builtins.has(name)) builtins.set(name, BUILTINS[name]());
    return builtins.get(name);
  }

  // ---- CommonJS ------------------------------------------------------------------------------------
  const cache = new Map();
  function normalize(path) {
    const out = [];
    for (const seg of path.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') { if (out.length === 0) return null; out.pop(); } else out.push(seg);
    }
    return out.join('/');
  }
  function dirname(path) { const i = path.lastIndexOf('/'); return i < 0 ? '' : path.slice(0, i); }
  function join(dir, rel) { return normalize((dir ? dir + '/' : '') + rel); }
  function asFile(path) {
    if (path === null) return null;
    for (const p of [path, path + '.js', path + '.json']) if (p && host.isFile(p)) return p;
    const pkg = path ? path + '/package.json' : 'package.json';
    if (host.isFile(pkg)) {
      let main = null;
      try { main = JSON.parse(host.source(pkg)).main; } catch (e) { /* a broken package.json: its index */ }
      if (typeof main === 'string' && main) {
        const m = join(path, main);
        for (const p of [m, m + '.js', m + '.json', m + '/index.js']) if (p && host.isFile(p)) return p;
      }
    }
    for (const p of [join(path, 'index.js'), join(path, 'index.json')]) if (p && host.isFile(p)) return p;
    return null;
  }
  function notFound(spec) {
    const e = new Error("Cannot find module '" + spec + "'");
    e.code = 'MODULE_NOT_FOUND';
    return e;
  }
  function resolve(spec, fromDir) {
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
      return asFile(join(fromDir, spec));
    }
    if (spec.startsWith('/')) return null;
    let dir = fromDir;
    for (;;) {
      const found = asFile(join(dir, 'node_modules/' + spec));
      if (found !== null) return found;
      if (dir === '') return null;
      dir = dirname(dir);
    }
  }
  function requireFrom(fromDir) {
    return function require(spec) {
      const s = String(spec);
      if (s === 'wx-server-sdk') return sdk;
      const core = builtin(s);
      if (core !== null) return core;
      const path = resolve(s, fromDir);
      if (path === null) throw notFound(s);
      return load(path);
    };
  }
  function load(path) {
    const known = cache.get(path);
    if (known) return known.exports;
    const text = host.source(path);
    if (text === null) throw notFound(path);
    const module = { id: path, filename: path, exports: {}, loaded: false };
    if (path.endsWith('.json')) {
      module.exports = JSON.parse(text);
      cache.set(path, module);
      return module.exports;
    }
    cache.set(path, module);
    try {
      host.compile(path, text).call(module.exports, module.exports, requireFrom(dirname(path)), module, '/' + path,
        '/' + dirname(path));
    } catch (e) {
      cache.delete(path);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  // ---- one call: start, then peek and fire timers until it settles ----------------------------------
  let outcome = null;
  /** What -504002 reports: name and message, then the function's own stack frames on one line, as SCF does. */
  function describe(e) {
    if (e instanceof Error) {
      const frames = String(e.stack || '').split('\n').map(l => l.trim())
        .filter(l => l.startsWith('at ') && l.indexOf('/var/user/') >= 0);
      return [(e.name || 'Error') + ': ' + e.message].concat(frames).join(' ');
    }
    if (e !== null && typeof e === 'object' && typeof e.errMsg === 'string') return e.errMsg;
    return show(e);
  }
  function nextTimer() {
    let next = null;
    for (const t of timers.values()) {
      if (next === null || t.due < next.due || (t.due === next.due && t.seq < next.seq)) next = t;
    }
    return next;
  }
  function settle(state, payload) { if (outcome === null) outcome = Object.assign({ state: state }, payload); }
  return {
    start: function (eventJson, contextJson, requestId) {
      outcome = null;
      timers.clear();
      now = 0;
      host.requestId(requestId);
      try {
        const entry = asFile('');
        if (entry === null) throw notFound('./index.js');
        const exports = load(entry);
        if (typeof exports.main !== 'function') throw new TypeError('exports.main is not a function');
        const returned = exports.main(JSON.parse(eventJson), JSON.parse(contextJson));
        Promise.resolve(returned).then(
          r => settle('done', { result: r === undefined ? null : JSON.parse(JSON.stringify(r, (k, v) =>
            v === undefined ? null : v)) }),
          e => settle('failed', { error: describe(e) }));
      } catch (e) {
        settle('failed', { error: describe(e) });
      }
    },
    /**
     * The outcome once settled; else 'pending' with the time of the next timer (ms since the call started), or
     * 'timeout' past the limit or when no timer is left.
     */
    peek: function (limitMs) {
      if (outcome !== null) return JSON.stringify(outcome);
      const next = nextTimer();
      if (next === null || next.due > limitMs) return JSON.stringify({ state: 'timeout' });
      return JSON.stringify({ state: 'pending', due: next.due });
    },
    /** Runs the next timer, the function's clock moved on to its time (when the host's shared clock got there). */
    fire: function () {
      const next = nextTimer();
      if (next === null) return;
      now = next.due;
      if (next.repeat) next.due += next.repeat; else timers.delete(next.seq);
      try { next.fn.apply(undefined, next.args); } catch (e) { settle('failed', { error: describe(e) }); }
    }
  };
})
