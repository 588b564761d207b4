// The world of one cloud function (CloudFunctions.java): evaluated once per function context, never in a page's.
// It gets the host object (files of the function's own folder, the session's database and storage, nested calls,
// logging, crypto), the database codec (sparrow-cloud-query.js, called once here) and npm's buffer package (its
// files as CommonJS module functions) and answers with the runtime the host drives: start(event), then peek() and
// fire() until the call settles.
// What a function sees: CommonJS require of its own files and node_modules (pure JS), the Node built-ins
// path, util, assert, events and crypto (Sparrow's own, small) and buffer, Sparrow's wx-server-sdk, console,
// Buffer, setTimeout/setInterval/setImmediate in function time, process.env.
(function (host, cloudQuery, packages) {
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

  // ---- Buffer: npm's buffer package (feross/buffer, the one browserify gives), from the class path ------------
  // CloudFunctions hands in its files (and those of base64-js and ieee754) as CommonJS module functions.
  const packageModules = new Map();
  function npmPackage(name) {
    if (!packageModules.has(name)) {
      const module = { exports: {} };
      packageModules.set(name, module);
      packages[name].call(module.exports, module.exports, npmPackage, module);
    }
    return packageModules.get(name).exports;
  }
  const Buffer = npmPackage('buffer').Buffer;
  // Node 15.7+ reads and writes 'base64url'; the package (6.0.3) does not: mapped onto its base64, whose decoder
  // already takes '-' and '_'
  const isUrl = encoding => typeof encoding === 'string' && encoding.toLowerCase() === 'base64url';
  const base64 = { from: Buffer.from, byteLength: Buffer.byteLength, isEncoding: Buffer.isEncoding,
    toString: Buffer.prototype.toString, write: Buffer.prototype.write };
  Buffer.from = function (value, encoding) {
    if (typeof value === 'string' && isUrl(encoding)) return base64.from(value, 'base64');
    return base64.from.apply(this, arguments);
  };
  Buffer.byteLength = function (value, encoding) {
    return base64.byteLength.call(this, value, isUrl(encoding) ? 'base64' : encoding);
  };
  Buffer.isEncoding = encoding => isUrl(encoding) || base64.isEncoding(encoding);
  Buffer.prototype.toString = function (encoding, start, end) {
    if (!isUrl(encoding)) return base64.toString.apply(this, arguments);
    return base64.toString.call(this, 'base64', start, end).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  Buffer.prototype.write = function (text, offset, length, encoding) {
    const rest = Array.prototype.slice.call(arguments, 1).map(a => isUrl(a) ? 'base64' : a);
    return base64.write.apply(this, [text].concat(rest));
  };
  // a global as Node's: writable, configurable, not enumerable
  Object.defineProperty(global, 'Buffer', { value: Buffer, writable: true, configurable: true, enumerable: false });
  /** uploadFile's fileContent (string, ArrayBuffer, typed array or Buffer) as a Buffer, else null. */
  function bytesOf(content) {
    if (typeof content === 'string') return Buffer.from(content);
    if (content instanceof ArrayBuffer) return Buffer.from(content);
    if (ArrayBuffer.isView(content)) return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    return null;
  }

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
      createCollection: name => dbCall('createCollection', () => ({ env: env(), collection: String(name),
        action: 'createCollection' })),
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
          contentBase64: bytes === null ? null : bytes.toString('base64') });
      },
      downloadFile: function (opts) {
        return storageCall('downloadFile', 'downloadFile', { env: sdk.envFor('storage'), fileID: (opts || {}).fileID })
          .then(res => ({ fileContent: Buffer.from(res.contentBase64, 'base64'), statusCode: res.statusCode,
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
  // path (POSIX), util (format, inspect, promisify, inherits, deprecate, types), assert, events (EventEmitter),
  // buffer, crypto (hashes, HMAC, PBKDF2, random values; over the host). Others (fs, http, child_process …) fail as
  // a missing module does.
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
  function nodeError(Type, code, message) {
    const e = new Type(message);
    e.code = code;
    return e;
  }
  /** How Node's argument errors show a value: 'type number (5)', 'an instance of Object', 'undefined'. */
  function received(v) {
    if (v === null || v === undefined) return String(v);
    if (typeof v === 'object') return 'an instance of ' + (v.constructor && v.constructor.name || 'Object');
    if (typeof v === 'function') return 'function ' + v.name;
    return 'type ' + typeof v + ' (' + String(v) + ')';
  }
  /**
   * crypto: createHash, createHmac, pbkdf2(Sync), randomBytes, randomFill(Sync), randomInt, randomUUID,
   * getRandomValues, timingSafeEqual, getHashes. The digests, MACs and random bytes are the JVM's (host.digest,
   * host.hmac, host.pbkdf2, host.randomBytes, bytes as base64); Node's other members (ciphers, signatures, keys,
   * scrypt …) throw ERR_NOT_AVAILABLE naming themselves.
   */
  function nodeCrypto() {
    const hashes = host.hashes().split(',');
    const known = name => typeof name === 'string' && hashes.indexOf(name.toLowerCase()) >= 0;
    const MAX_BYTES = 16 * 1024 * 1024; // FunctionCrypto.MAX_BYTES
    function bytes(data, encoding, name) {
      if (typeof data === 'string') return Buffer.from(data, encoding);
      if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" argument must be of type string or an'
        + ' instance of Buffer, TypedArray, or DataView. Received ' + received(data));
    }
    function binary(v, name) {
      if (v instanceof ArrayBuffer) return Buffer.from(v);
      if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" argument must be an instance of'
        + ' ArrayBuffer, Buffer, TypedArray, or DataView. Received ' + received(v));
    }
    function keyBytes(key, name) {
      return key instanceof ArrayBuffer ? Buffer.from(key) : bytes(key, 'utf8', name);
    }
    function encoded(buffer, encoding) {
      return encoding === undefined || encoding === 'buffer' ? buffer : buffer.toString(encoding);
    }
    function fromHost(b64, what) {
      if (b64 === null) throw new Error(what + ' failed');
      return Buffer.from(b64, 'base64');
    }
    function integer(v, name, min, max) {
      if (typeof v !== 'number') {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" argument must be of type number.'
          + ' Received ' + received(v));
      }
      if (!Number.isInteger(v) || v < min || v > max) {
        throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "' + name + '" is out of range. It must be'
          + ' >= ' + min + ' && <= ' + max + '. Received ' + v);
      }
      return v;
    }
    /** A Hash or an Hmac: update(data[, encoding]) collects, digest([encoding]) asks the host once. */
    class Digest {
      constructor(algorithm, key) {
        this._algorithm = algorithm;
        this._key = key;
        this._chunks = [];
        this._done = false;
      }
      update(data, encoding) {
        if (this._done) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
        this._chunks.push(bytes(data, encoding, 'data'));
        return this;
      }
      digest(encoding) {
        if (this._done) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
        this._done = true;
        const data = Buffer.concat(this._chunks).toString('base64');
        this._chunks = [];
        const out = this._key === null ? host.digest(this._algorithm, data)
          : host.hmac(this._algorithm, this._key.toString('base64'), data);
        return encoded(fromHost(out, 'digest'), encoding);
      }
    }
    class Hash extends Digest {
      constructor(algorithm) {
        if (!known(algorithm)) throw new Error('Digest method not supported');
        super(algorithm, null);
      }
      copy() {
        if (this._done) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
        const h = new Hash(this._algorithm);
        h._chunks = this._chunks.slice();
        return h;
      }
    }
    class Hmac extends Digest {
      constructor(algorithm, key) {
        if (!known(algorithm)) {
          throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: ' + algorithm);
        }
        super(algorithm, keyBytes(key, 'key'));
      }
    }
    function randomBytes(size, callback) {
      integer(size, 'size', 0, MAX_BYTES);
      const out = fromHost(host.randomBytes(size), 'randomBytes');
      if (typeof callback !== 'function') return out;
      process.nextTick(callback, null, out);
      return undefined;
    }
    function randomFillSync(target, offset, size) {
      if (!ArrayBuffer.isView(target) && !(target instanceof ArrayBuffer)) {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "buf" argument must be an instance of ArrayBuffer'
          + ' or ArrayBufferView. Received ' + received(target));
      }
      const view = target instanceof ArrayBuffer ? new Uint8Array(target)
        : new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
      const at = offset === undefined ? 0 : integer(offset, 'offset', 0, view.length);
      const n = size === undefined ? view.length - at : integer(size, 'size', 0, view.length - at);
      view.set(randomBytes(n), at);
      return target;
    }
    function pbkdf2Sync(password, salt, iterations, keylen, digest) {
      const p = keyBytes(password, 'password');
      const s = keyBytes(salt, 'salt');
      integer(iterations, 'iterations', 1, 2147483647);
      integer(keylen, 'keylen', 0, MAX_BYTES);
      if (typeof digest !== 'string') {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "digest" argument must be of type string.'
          + ' Received ' + received(digest));
      }
      if (!known(digest)) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: ' + digest);
      return fromHost(host.pbkdf2(digest, p.toString('base64'), s.toString('base64'), iterations, keylen), 'pbkdf2');
    }
    const crypto = {
      createHash: algorithm => new Hash(algorithm),
      createHmac: (algorithm, key) => new Hmac(algorithm, key),
      getHashes: () => hashes.slice(),
      pbkdf2Sync: pbkdf2Sync,
      pbkdf2: function (password, salt, iterations, keylen, digest, callback) {
        if (typeof callback !== 'function') {
          throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function.'
            + ' Received ' + received(callback));
        }
        const key = pbkdf2Sync(password, salt, iterations, keylen, digest);
        process.nextTick(callback, null, key);
      },
      randomBytes: randomBytes,
      pseudoRandomBytes: randomBytes,
      randomFillSync: randomFillSync,
      randomFill: function (target, offset, size, callback) {
        const args = Array.prototype.slice.call(arguments);
        const cb = args.pop();
        const out = randomFillSync.apply(null, args);
        process.nextTick(cb, null, out);
      },
      getRandomValues: target => randomFillSync(target),
      randomInt: function (min, max, callback) {
        if (max === undefined || typeof max === 'function') { callback = max; max = min; min = 0; }
        integer(min, 'min', -(2 ** 48) + 1, 2 ** 48 - 1);
        integer(max, 'max', min + 1, min + 2 ** 48);
        const range = max - min;
        const limit = 2 ** 48 - (2 ** 48 % range); // rejection sampling: every value equally likely
        let n;
        do { n = randomBytes(6).readUIntBE(0, 6); } while (n >= limit);
        const out = min + n % range;
        if (typeof callback !== 'function') return out;
        process.nextTick(callback, null, out);
        return undefined;
      },
      randomUUID: function () {
        const b = randomBytes(16);
        b[6] = (b[6] & 0x0f) | 0x40; // version 4
        b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
        const h = b.toString('hex');
        return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
      },
      timingSafeEqual: function (a, b) {
        const x = binary(a, 'buf1');
        const y = binary(b, 'buf2');
        if (x.length !== y.length) {
          throw nodeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte'
            + ' length');
        }
        let diff = 0;
        for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
        return diff === 0;
      },
      Hash: Hash,
      Hmac: Hmac
    };
    for (const name of ['createCipheriv', 'createDecipheriv', 'createCipher', 'createDecipher', 'createSign',
      'createVerify', 'sign', 'verify', 'generateKeyPair', 'generateKeyPairSync', 'generateKey', 'generateKeySync',
      'createPublicKey', 'createPrivateKey', 'createSecretKey', 'createECDH', 'createDiffieHellman',
      'createDiffieHellmanGroup', 'getDiffieHellman', 'diffieHellman', 'publicEncrypt', 'publicDecrypt',
      'privateEncrypt', 'privateDecrypt', 'scrypt', 'scryptSync', 'hkdf', 'hkdfSync', 'generatePrime',
      'generatePrimeSync', 'checkPrime', 'checkPrimeSync', 'getCiphers', 'getCurves', 'setEngine', 'secureHeapUsed',
      'KeyObject', 'Certificate', 'X509Certificate', 'Cipher', 'Decipher', 'Sign', 'Verify', 'ECDH',
      'DiffieHellman']) {
      crypto[name] = function () {
        throw nodeError(Error, 'ERR_NOT_AVAILABLE', 'crypto.' + name + ' is not available in Sparrow\'s cloud'
          + ' functions (only hashes, HMAC, PBKDF2 and random values)');
      };
    }
    return crypto;
  }
  const BUILTINS = { path: posixPath, util: nodeUtil, assert: nodeAssert, events: nodeEvents, stream: nodeStream,
    buffer: () => npmPackage('buffer'), crypto: nodeCrypto };
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
