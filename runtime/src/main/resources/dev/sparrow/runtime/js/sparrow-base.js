// Sparrow's base library: the logic-layer framework a mini program's code runs against.
// Evaluated once per session before any project code. It receives the host objects, keeps them in
// this closure and removes every global a page must not see. Everything here runs on the
// session's event-loop thread.
(function (host, bridge, componentsFactory, canvasFactory, animationFactory, observersFactory,
  cloudQueryFactory) {
  'use strict';
  const global = globalThis;

  // ---- the global object: remove what page code must not reach --------------------------------
  const setRejectionHook = typeof Graal === 'object' ? Graal.setUnhandledPromiseRejectionHandler : null;
  for (const name of ['Graal', 'Java', 'Packages', 'java', 'javax', 'Polyglot', 'print', 'load', 'loadWithNewGlobal', 'quit', 'exit', 'read', 'readbuffer', 'console', '__sparrowHost', '__sparrowBridge']) {
    try { delete global[name]; } catch (e) { /* non-configurable: leave it */ }
  }

  const toString = Object.prototype.toString;
  const typeTag = (v) => toString.call(v).slice(8, -1);

  // ---- error reporting ------------------------------------------------------------------------
  let reporting = false;
  function errorText(e) {
    if (e && typeof e === 'object' && typeof e.stack === 'string') {
      return e.stack.indexOf(String(e.message)) >= 0 ? e.stack : e.name + ': ' + e.message + '\n' + e.stack;
    }
    return String(e);
  }
  /** A stack as page code reads it in onError and the console: its places in the project's source files. */
  function sourcePlaces(text) { return host.originalPlaces(text); }
  function errorMessage(e) {
    if (e && typeof e === 'object' && 'message' in e) return (e.name ? e.name + ': ' : '') + e.message;
    return String(e);
  }
  /** Reports an uncaught error: to the host (file:line, stack) and to App.onError. */
  function reportError(e, origin) {
    const stack = errorText(e);
    if (!(e && e.__sparrowReported)) host.uncaught(errorMessage(e), stack, origin || '');
    if (reporting) return;
    const app = appInstance;
    if (app && typeof app.onError === 'function') {
      reporting = true;
      try { app.onError(sourcePlaces(stack)); } catch (inner) { host.uncaught(errorMessage(inner), errorText(inner), 'App.onError'); }
      finally { reporting = false; }
    }
    if (errorListeners.length > 0) {
      reporting = true;
      try { for (const fn of errorListeners.slice()) { try { fn(sourcePlaces(stack)); } catch (inner) { host.uncaught(errorMessage(inner), errorText(inner), 'onError'); } } }
      finally { reporting = false; }
    }
  }
  /**
   * What an unhandled rejection is reported with: an Error's message and stack; a wx API's failure result its errMsg
   * (which names the API) and errno, located where page code called the API; anything else as console.log shows it.
   */
  function rejectionText(reason) {
    if (reason instanceof Error) return { message: errorMessage(reason), stack: errorText(reason) };
    if (reason !== null && typeof reason === 'object' && typeof reason.errMsg === 'string') {
      const message = reason.errMsg + (reason.errno !== undefined ? ' (errno ' + reason.errno + ')' : '');
      return { message: message, stack: message + (reason[CALL_SITE] ? '\n' + framesOf(reason[CALL_SITE]) : '') };
    }
    const text = formatArg(reason);
    return { message: text, stack: text };
  }
  /** Where page code called a promise-style wx API: an Error made at the call (formatted only when reported), kept on its failure result. */
  const CALL_SITE = Symbol('callSite');
  function framesOf(site) {
    const stack = site.stack;
    return typeof stack === 'string' ? stack.split('\n').slice(1).join('\n') : '';
  }
  const errorListeners = [];
  const rejectionListeners = [];
  function guard(fn, self, args, origin) {
    try { return fn.apply(self, args); } catch (e) { reportError(e, origin); return undefined; }
  }

  if (setRejectionHook) {
    setRejectionHook(function (reason, promise) {
      const why = rejectionText(reason);
      host.uncaught('Uncaught (in promise) ' + why.message, 'Uncaught (in promise) ' + why.stack, 'unhandledrejection');
      const app = appInstance;
      if (app && typeof app.onUnhandledRejection === 'function') {
        guard(app.onUnhandledRejection, app, [{ reason: reason, promise: promise }], 'App.onUnhandledRejection');
      }
      for (const fn of rejectionListeners.slice()) guard(fn, undefined, [{ reason: reason, promise: promise }], 'onUnhandledRejection');
    });
  }

  // ---- console --------------------------------------------------------------------------------
  function formatArg(a) {
    if (typeof a === 'string') return a;
    if (a === undefined) return 'undefined';
    if (typeof a === 'function') return 'function ' + (a.name || '(anonymous)') + '()';
    if (typeof a === 'symbol' || typeof a === 'bigint') return String(a);
    if (a instanceof Error) return sourcePlaces(errorText(a));
    if (a !== null && typeof a === 'object') {
      try {
        const seen = new WeakSet();
        const json = JSON.stringify(a, function (k, v) {
          if (typeof v === 'object' && v !== null) { if (seen.has(v)) return '[Circular]'; seen.add(v); }
          if (v instanceof ArrayBuffer) return 'ArrayBuffer(' + v.byteLength + ')';
          if (typeof v === 'function') return 'function ' + (v.name || '(anonymous)') + '()';
          return v === undefined ? null : v;
        });
        return json === undefined ? String(a) : json;
      } catch (e) { return String(a); }
    }
    return String(a);
  }
  function format(args) {
    const parts = [];
    let i = 0;
    if (typeof args[0] === 'string' && args.length > 1 && /%[sdifoOjc%]/.test(args[0])) {
      i = 1;
      parts.push(args[0].replace(/%([sdifoOjc%])/g, function (m, f) {
        if (f === '%') return '%';
        if (i >= args.length) return m;
        const v = args[i++];
        switch (f) {
          case 's': return typeof v === 'string' ? v : formatArg(v);
          case 'd': case 'i': return String(parseInt(v, 10));
          case 'f': return String(parseFloat(v));
          case 'c': return '';
          default: return formatArg(v);
        }
      }));
    }
    for (; i < args.length; i++) parts.push(formatArg(args[i]));
    return parts.join(' ');
  }
  const consoleObject = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    consoleObject[level] = function () { host.console(level, format(Array.prototype.slice.call(arguments))); };
  }
  consoleObject.trace = function () { host.console('debug', format(Array.prototype.slice.call(arguments)) + '\n' + sourcePlaces(new Error().stack.split('\n').slice(2).join('\n'))); };
  consoleObject.group = consoleObject.log;
  consoleObject.groupCollapsed = consoleObject.log;  // omix's store logger; the engines' consoles have it
  consoleObject.groupEnd = function () {};
  consoleObject.dirxml = consoleObject.log;
  consoleObject.table = consoleObject.log;
  consoleObject.dir = consoleObject.log;
  consoleObject.assert = function (cond) { if (!cond) host.console('error', 'Assertion failed: ' + format(Array.prototype.slice.call(arguments, 1))); };
  const counts = new Map();
  consoleObject.count = function (label) { label = label === undefined ? 'default' : String(label); counts.set(label, (counts.get(label) || 0) + 1); host.console('log', label + ': ' + counts.get(label)); };
  consoleObject.countReset = function (label) { counts.delete(label === undefined ? 'default' : String(label)); };
  const timeLabels = new Map();
  consoleObject.time = function (label) { timeLabels.set(label === undefined ? 'default' : String(label), Date.now()); };
  consoleObject.timeLog = function (label) { label = label === undefined ? 'default' : String(label); const t = timeLabels.get(label); if (t !== undefined) host.console('log', label + ': ' + (Date.now() - t) + 'ms' + (arguments.length > 1 ? ' ' + format(Array.prototype.slice.call(arguments, 1)) : '')); };
  consoleObject.timeEnd = function (label) { label = label === undefined ? 'default' : String(label); const t = timeLabels.get(label); if (t !== undefined) { timeLabels.delete(label); host.console('log', label + ': ' + (Date.now() - t) + 'ms'); } };
  Object.defineProperty(global, 'console', { value: consoleObject, writable: true, configurable: true, enumerable: false });

  // ---- Date follows the session clock (a virtual clock in tests) ----------------------------------
  const RealDate = Date;
  const SessionDate = function Date() {
    if (!new.target) return new RealDate(host.now()).toString();
    return arguments.length === 0 ? new RealDate(host.now()) : Reflect.construct(RealDate, Array.prototype.slice.call(arguments));
  };
  SessionDate.prototype = RealDate.prototype;
  SessionDate.now = function now() { return host.now(); };
  SessionDate.parse = RealDate.parse;
  SessionDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SessionDate, writable: true, configurable: true, enumerable: false });
  global.Date = SessionDate;

  // ---- timers (session time; the host fires them on this thread) ------------------------------
  const timers = new Map();
  let nextTimerId = 1;
  function addTimer(fn, delay, args, repeat) {
    if (typeof fn !== 'function') throw new TypeError('The callback provided as parameter 1 is not a function.');
    const id = nextTimerId++;
    delay = Number(delay);
    delay = delay > 0 ? Math.floor(delay) : 0;
    timers.set(id, { fn: fn, args: args, delay: delay, repeat: repeat });
    host.setTimer(id, delay);
    return id;
  }
  function clearTimer(id) {
    id = Number(id);
    if (timers.delete(id)) host.clearTimer(id);
  }
  function fireTimer(id) {
    const t = timers.get(id);
    if (!t) return;
    if (t.repeat) host.setTimer(id, t.delay); else timers.delete(id);
    guard(t.fn, undefined, t.args, t.repeat ? 'setInterval' : 'setTimeout');
  }
  global.setTimeout = function (fn, delay) { return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), false); };
  global.setInterval = function (fn, delay) { return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), true); };
  global.clearTimeout = clearTimer;
  global.clearInterval = clearTimer;

  // ---- modules: every file is wrapped as WeChat does; require resolves through the host ----------
  const modules = new Map();
  function makeRequire(fromPath) {
    const req = function require(request, callback, onError) {
      if (typeof request !== 'string') throw new Error('require args must be a string');
      if (typeof callback === 'function' || typeof onError === 'function') {
        // the asynchronous form (subpackage async): the module or {mod, errMsg} in a later task
        req.async(request).then(function (m) { if (typeof callback === 'function') callback(m); },
          function (e) { if (typeof onError === 'function') onError(e); });
        return undefined;
      }
      const resolved = host.resolveModule(fromPath, request);
      if (resolved === null || resolved === undefined) {
        const aliased = host.aliasNotDefined(request);
        throw new Error(aliased || 'module "' + moduleDisplayName(fromPath, request) + '" is not defined');
      }
      return loadModule(resolved);
    };
    req.async = function (request) {
      return new Promise(function (resolve, reject) {
        setTimeout(function () {
          try {
            resolve(req(request));
          } catch (e) {
            reject({ mod: moduleDisplayName(fromPath, String(request)), errMsg: String(e && e.message || e) });
          }
        }, 0);
      });
    };
    return req;
  }
  function moduleDisplayName(fromPath, request) {
    if (request.charAt(0) === '/') return request.slice(1);
    const dir = fromPath.lastIndexOf('/') >= 0 ? fromPath.slice(0, fromPath.lastIndexOf('/') + 1) : '';
    const out = [];
    for (const seg of (dir + request).split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop(); else out.push(seg);
    }
    return out.join('/');
  }
  function loadModule(path) {
    const cached = modules.get(path);
    if (cached) return cached.exports;
    const module = { exports: {}, id: path, loaded: false };
    modules.set(path, module);
    const factory = host.compileModule(path);
    if (typeof factory === 'string') {
      modules.delete(path);
      const e = new SyntaxError(factory);
      Object.defineProperty(e, '__sparrowReported', { value: true });
      throw e;
    }
    try {
      factory.call(undefined, makeRequire(path), module, module.exports, wxObject, App, Page, Component, Behavior, getApp, getCurrentPages, global).call(undefined);
    } catch (e) {
      modules.delete(path);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }
  // ---- data paths ('a.b[1].c') --------------------------------------------------------------------
  function parsePath(key) {
    const out = [];
    let cur = '';
    let i = 0;
    const n = key.length;
    let pendingName = true;
    while (i < n) {
      const c = key.charAt(i);
      if (c === '\\' && i + 1 < n) { cur += key.charAt(i + 1); i += 2; continue; }
      if (c === '.') { out.push(cur); cur = ''; pendingName = true; i++; continue; }
      if (c === '[') {
        if (cur !== '' || (pendingName && out.length === 0 && i > 0)) { out.push(cur); }
        cur = '';
        const close = key.indexOf(']', i);
        if (close < 0) return [key];
        const index = key.slice(i + 1, close);
        if (!/^\d+$/.test(index)) return [key];
        out.push(Number(index));
        i = close + 1;
        pendingName = false;
        if (key.charAt(i) === '.') { i++; pendingName = true; }
        continue;
      }
      cur += c;
      i++;
    }
    if (cur !== '' || pendingName) out.push(cur);
    return out;
  }
  function setPath(root, path, value) {
    let obj = root;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i];
      let next = obj[k];
      if (next === null || typeof next !== 'object') {
        next = typeof path[i + 1] === 'number' ? [] : {};
        obj[k] = next;
      }
      obj = next;
    }
    obj[path[path.length - 1]] = value;
  }

  // ---- App -------------------------------------------------------------------------------------
  let appInstance = null;
  let appRegistered = false;
  function App(options) {
    if (appRegistered) { reportError(new Error('App() can only be called once.'), 'App'); return; }
    appRegistered = true;
    const app = appInstance;
    if (options && typeof options === 'object') {
      for (const k of Object.keys(options)) app[k] = options[k];
    }
  }
  function getApp(opts) {
    if (!appRegistered && !(opts && opts.allowDefault)) return undefined;
    return appInstance;
  }
  appInstance = {};

  // ---- Page ------------------------------------------------------------------------------------
  const pageDefs = new Map();
  let loadingRoute = null;
  const pages = new Map();
  let stack = [];
  const MAX_SETDATA = 1048576;
  /**
   * The view's payload: the JSON of the values, and under UNSENT the top-level keys whose values JSON cannot carry
   * (functions), so that the view renders whatever reads them again (a component's property may get a new function).
   */
  const UNSENT = '__sparrowUnsent__';
  function viewPayload(payload, json) {
    let unsent = null;
    for (const k of Object.keys(payload)) {
      if (typeof payload[k] === 'function') (unsent || (unsent = [])).push(k);
    }
    if (unsent === null) return json;
    // the list goes in front of the text already made: the payload is not serialised a second time
    const head = '{"' + UNSENT + '":' + JSON.stringify(unsent);
    return json === '{}' ? head + '}' : head + ',' + json.slice(1);
  }

  function Page(options) {
    if (loadingRoute === null) {
      reportError(new Error('Page() must be called while a page file listed in app.json "pages" is loading.'), 'Page');
      return;
    }
    const o = options || {};
    pageDefs.set(loadingRoute, Array.isArray(o.behaviors) && o.behaviors.length > 0
      ? { kind: 'component', options: pageWithBehaviors(o) } : { kind: 'page', options: o });
  }
  /**
   * Page({behaviors}) (base library 2.9.2) is built as a Component()-page: the behaviors' data, methods and
   * lifetimes first, the page's functions as its methods, its other fields kept at the top for the behaviors'
   * definition filters (mobx-miniprogram-bindings' storeBindings, miniprogram-computed's computed) and copied onto
   * the instance as Page() does.
   */
  function pageWithBehaviors(o) {
    const out = { methods: {} };
    const fields = {};
    for (const k of Object.keys(o)) {
      if (typeof o[k] === 'function') out.methods[k] = o[k];
      else {
        out[k] = o[k];
        if (k !== 'data' && k !== 'behaviors' && k !== 'options') fields[k] = o[k];
      }
    }
    out.lifetimes = {
      created: function () { for (const k of Object.keys(fields)) this[k] = simpleDeepCopy(fields[k]); }
    };
    return out;
  }
  function Behavior(options) { return components.Behavior(options); }
  function Component(options) {
    if (loadingRoute !== null) {
      pageDefs.set(loadingRoute, { kind: 'component', options: options || {} });
    } else if (components.loading()) {
      components.register(options);
    } else {
      host.console('warn', 'Component() must be called while a page or component file listed in a json is loading; it is ignored.');
    }
  }

  const pageProto = {
    /** The same identifier its components' getPageId() return. */
    getPageId: function () { return 'pageId:' + this.__pageId__; },
    /**
     * this.data keeps the values given (by reference, as glass-easel's DataGroup does); the view gets their JSON.
     * The callback runs with this page as `this` once the view has the change.
     */
    setData: function (data, callback) {
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        reportError(new TypeError('setData accepts an Object rather than some ' + typeTag(data) + '.'), 'setData');
        return;
      }
      const payload = {};
      for (const key of Object.keys(data)) {
        if (data[key] === undefined) {
          host.console('warn', 'Setting data field "' + key + '" to undefined is invalid.');
          continue;
        }
        payload[key] = data[key];
      }
      const json = JSON.stringify(payload);
      for (const key of Object.keys(payload)) setPath(this.data, parsePath(key), payload[key]);
      if (json.length > MAX_SETDATA) {
        host.console('error', 'invokeWebviewMethod 数据传输长度为 ' + json.length + ' 已经超过最大长度 ' + MAX_SETDATA);
        return;
      }
      host.setData(this.__pageId__, viewPayload(payload, json), boundCallback(callback, this));
      observers.changed(this.__pageId__);
    },
    getOpenerEventChannel: function () { return openerChannel(this.__pageId__); },
    createSelectorQuery: function () { return createSelectorQuery(this.__pageId__, 0); },
    animate: function (selector, keyframes, duration, callback) {
      animation.animate(this.__pageId__, 0, selector, keyframes, duration, callback);
    },
    clearAnimation: function (selector, options, callback) {
      animation.clearAnimation(this.__pageId__, 0, selector, options, callback);
    },
    createIntersectionObserver: function (options) {
      return observers.createIntersectionObserver(this.__pageId__, 0, options);
    },
    createMediaQueryObserver: function () { return observers.createMediaQueryObserver(this.__pageId__); },
    selectComponent: function (selector) { return components.select(this.__pageId__, 0, selector, this, false); },
    selectAllComponents: function (selector) { return components.select(this.__pageId__, 0, selector, this, true); },
    /**
     * A page is a component in WeChat (glass-easel's adapter builds Page() through its component builder), so it has
     * triggerEvent; no node is above a page to hear it.
     */
    triggerEvent: function () {},
    selectOwnerComponent: function () { return null; },
    /** This tab page's custom-tab-bar instance (app.json tabBar.custom); null on other pages. */
    getTabBar: function () { return components.tabBar(this.__pageId__); },
    renderer: 'webview'
  };

  // wx.navigateTo's channel between the opener and the opened page: one object both sides hold (the
  // opener as success's res.eventChannel, the opened page from getOpenerEventChannel()); `events`
  // are its first listeners. Keyed by the opened page's id, dropped when that page unloads.
  const openerChannels = new Map();
  function openerChannel(id) {
    let ch = openerChannels.get(id);
    if (!ch) { ch = new EventChannel(null); openerChannels.set(id, ch); }
    return ch;
  }
  function EventChannel(events) {
    Object.defineProperty(this, '__listeners', { value: new Map() });
    if (events !== null && typeof events === 'object') {
      for (const name of Object.keys(events)) if (typeof events[name] === 'function') this.on(name, events[name]);
    }
    apiObject(this);
  }
  function channelListeners(ch, name) {
    let l = ch.__listeners.get(name);
    if (!l) { l = []; ch.__listeners.set(name, l); }
    return l;
  }
  EventChannel.prototype.on = function (name, fn) { if (typeof fn === 'function') channelListeners(this, name).push({ fn: fn, once: false }); };
  EventChannel.prototype.once = function (name, fn) { if (typeof fn === 'function') channelListeners(this, name).push({ fn: fn, once: true }); };
  EventChannel.prototype.off = function (name, fn) {
    const l = this.__listeners.get(name);
    if (!l) return;
    if (fn === undefined) this.__listeners.delete(name); else this.__listeners.set(name, l.filter(function (x) { return x.fn !== fn; }));
  };
  EventChannel.prototype.emit = function (name) {
    const args = Array.prototype.slice.call(arguments, 1);
    const l = this.__listeners.get(name);
    if (!l) return;
    this.__listeners.set(name, l.filter(function (x) { return !x.once; }));
    for (const x of l) guard(x.fn, undefined, args, 'EventChannel ' + name);
  };

  /** A setData callback as the host calls it: with the page or component as `this`; null without one. */
  function boundCallback(callback, self) {
    return typeof callback === 'function' ? function () { return callback.call(self); } : null;
  }

  /**
   * glass-easel's simpleDeepCopy (data_utils.ts), used where the framework copies: a page's or component's initial
   * data, a page's other fields, property defaults. Arrays element by element; any other object becomes a plain
   * object of its own enumerable keys (a Date or class instance loses its prototype); functions, undefined and other
   * primitives are kept; a symbol becomes a new symbol with its description. API objects survive it (apiObject).
   */
  function simpleDeepCopy(v) {
    if (typeof v === 'object' && v !== null) {
      if (Array.isArray(v)) {
        const out = [];
        for (let i = 0; i < v.length; i++) out[i] = simpleDeepCopy(v[i]);
        return out;
      }
      const out = {};
      for (const k of Object.keys(v)) out[k] = simpleDeepCopy(v[k]);
      return out;
    }
    if (typeof v === 'symbol') return Symbol(v.description);
    return v;
  }

  // ---- API objects ---------------------------------------------------------------------------------------
  // Every object a wx API hands out (tasks, contexts, managers, channels, queries) is made by apiObject: its
  // methods become own enumerable functions bound to it. The framework copies what pages store (simpleDeepCopy
  // keeps own enumerable keys and functions), so a copy's methods still act on the one underlying object.
  const methodNames = new Map();
  function apiMethods(proto) {
    let names = methodNames.get(proto);
    if (!names) {
      names = [];
      for (let p = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
        for (const name of Object.getOwnPropertyNames(p)) {
          const d = Object.getOwnPropertyDescriptor(p, name);
          if (name !== 'constructor' && typeof d.value === 'function' && names.indexOf(name) < 0) names.push(name);
        }
      }
      methodNames.set(proto, names);
    }
    return names;
  }
  /** Gives {@code obj} its prototype's methods as own enumerable functions bound to it; returns obj. */
  function apiObject(obj) {
    for (const name of apiMethods(Object.getPrototypeOf(obj))) {
      Object.defineProperty(obj, name, { value: obj[name].bind(obj), enumerable: true, writable: true, configurable: true });
    }
    return obj;
  }

  // ---- SelectorQuery (wx.createSelectorQuery, this.createSelectorQuery) -----------------------------
  // Elements are found by the view's selector engine, in the page or in one component's template
  // (.in(component)); their layout comes from the screen that shows the page (the simulator's browser).
  // Headless there is none: sizes, positions and scroll offsets are 0 (docs/decisions.md).
  function SelectorQuery(pageId, instance) {
    Object.defineProperty(this, '__scope', { value: { page: pageId, instance: instance }, writable: true });
    Object.defineProperty(this, '__requests', { value: [] });
    apiObject(this);
  }
  function NodesRef(query, selector, all) {
    Object.defineProperty(this, '__query', { value: query });
    Object.defineProperty(this, '__selector', { value: selector });
    Object.defineProperty(this, '__all', { value: all });
    apiObject(this);
  }
  SelectorQuery.prototype.in = function (component) {
    if (component && component.__pageId__ !== undefined) this.__scope = { page: component.__pageId__, instance: component.__id__ || 0 };
    return this;
  };
  SelectorQuery.prototype.select = function (selector) { return new NodesRef(this, String(selector), false); };
  SelectorQuery.prototype.selectAll = function (selector) { return new NodesRef(this, String(selector), true); };
  SelectorQuery.prototype.selectViewport = function () { return new NodesRef(this, null, false); };
  function ask(ref, fields, cb) {
    ref.__query.__requests.push({ selector: ref.__selector, all: ref.__all, fields: fields, cb: typeof cb === 'function' ? cb : null });
    return ref.__query;
  }
  NodesRef.prototype.boundingClientRect = function (cb) { return ask(this, { id: true, dataset: true, rect: true, size: true }, cb); };
  NodesRef.prototype.scrollOffset = function (cb) { return ask(this, { id: true, dataset: true, scrollOffset: true }, cb); };
  NodesRef.prototype.fields = function (fields, cb) { return ask(this, fields || {}, cb); };
  NodesRef.prototype.node = function (cb) { return ask(this, { node: true }, cb); };
  NodesRef.prototype.context = function (cb) { return ask(this, { context: true }, cb); };
  const NO_BOX = { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0, scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 };
  function describeNode(n, f, box, page) {
    const out = {};
    if (f.id) out.id = n ? n.id : '';
    if (f.dataset) out.dataset = n ? n.dataset : {};
    if (f.rect) { out.left = box.left; out.right = box.right; out.top = box.top; out.bottom = box.bottom; }
    if (f.size) { out.width = box.width; out.height = box.height; }
    if (f.scrollOffset) { out.scrollLeft = box.scrollLeft; out.scrollTop = box.scrollTop; out.scrollWidth = box.scrollWidth; out.scrollHeight = box.scrollHeight; }
    if (Array.isArray(f.properties) && n) for (const k of f.properties) out[k] = n.attributes[k];
    if (Array.isArray(f.computedStyle)) for (const k of f.computedStyle) out[k] = '';
    if (f.node) out.node = n ? canvas.node(page, n) : null;
    if (f.context) out.context = null;
    return out;
  }
  function windowBox() {
    const w = wxObject.getWindowInfo();
    return { left: 0, top: 0, right: w.windowWidth, bottom: w.windowHeight, width: w.windowWidth, height: w.windowHeight,
      scrollLeft: 0, scrollTop: 0, scrollWidth: w.windowWidth, scrollHeight: w.windowHeight };
  }
  SelectorQuery.prototype.exec = function (cb) {
    const scope = this.__scope;
    const requests = this.__requests.splice(0);
    const found = requests.map(function (r) {
      if (r.selector === null) return null;
      const json = host.queryNodes(scope.page, scope.instance, r.selector);
      // A selector that does not parse (`'#' + emptyId`) matches nothing, as glass-easel's ParsedSelector does.
      return json === null ? [] : JSON.parse(json);
    });
    function finish(layout) {
      const boxes = layout && layout.nodes || {};
      const results = requests.map(function (r, i) {
        if (r.selector === null) return describeNode(null, r.fields, layout && layout.viewport || windowBox());
        const box = function (n) { return boxes[n.nodeId] || (layout ? null : canvas.box(n)) || NO_BOX; };
        return r.all ? found[i].map(function (n) { return describeNode(n, r.fields, box(n), scope.page); })
          : found[i].length ? describeNode(found[i][0], r.fields, box(found[i][0]), scope.page) : null;
      });
      requests.forEach(function (r, i) { if (r.cb) guard(r.cb, undefined, [results[i]], 'SelectorQuery'); });
      if (typeof cb === 'function') guard(cb, undefined, [results], 'SelectorQuery.exec');
    }
    const needsLayout = requests.some(function (r) { return r.fields.rect || r.fields.size || r.fields.scrollOffset; });
    if (!needsLayout) {
      Promise.resolve().then(function () { finish(null); });
    } else {
      const ids = [];
      found.forEach(function (nodes) { if (nodes) nodes.forEach(function (n) { ids.push(n.nodeId); }); });
      const viewport = requests.some(function (r) { return r.selector === null; });
      host.measure(scope.page, JSON.stringify({ nodes: ids, viewport: viewport }), function (json) { finish(json ? JSON.parse(json) : null); });
    }
    return this;
  };
  function createSelectorQuery(pageId, instance) { return new SelectorQuery(pageId, instance); }

  const components = componentsFactory({
    host: host, guard: guard, reportError: reportError, simpleDeepCopy: simpleDeepCopy, boundCallback: boundCallback, parsePath: parsePath, setPath: setPath,
    typeTag: typeTag, MAX_SETDATA: MAX_SETDATA, viewPayload: viewPayload, pageOf: function (id) { return pages.get(id); },
    createSelectorQuery: createSelectorQuery,
    animate: function (inst, a) { animation.animate(inst.__pageId__, inst.__id__, a[0], a[1], a[2], a[3]); },
    clearAnimation: function (inst, a) { animation.clearAnimation(inst.__pageId__, inst.__id__, a[0], a[1], a[2]); },
    createIntersectionObserver: function (inst, options) {
      return observers.createIntersectionObserver(inst.__pageId__, inst.__id__, options);
    },
    createMediaQueryObserver: function (inst) { return observers.createMediaQueryObserver(inst.__pageId__); },
    dataChanged: function (pageId) { observers.changed(pageId); },
    componentPage: function (path) {
      const def = pageDefs.get(path);
      return def && def.kind === 'component' ? def.options : null;
    }
  });

  // ---- wx: built from the host registry ---------------------------------------------------------
  const wxObject = {};
  const specs = JSON.parse(bridge.descriptors());
  const instanceTypes = new Map();
  const mocked = new Map();
  // a declared plugin's own wx (automation's callPluginWxMethod/mockPluginWxMethod): the real APIs, its own mocks
  const pluginScopes = new Map();

  /** The wx object and its mock table: the app's, or plugin {@code pluginId}'s own. */
  function wxScope(pluginId) {
    if (pluginId === null || pluginId === undefined) return { wx: wxObject, mocked: mocked };
    if (!pluginScopes.has(pluginId)) {
      const own = {};
      Object.keys(wxObject).forEach(function (k) { own[k] = mocked.has(k) ? mocked.get(k) : wxObject[k]; });
      pluginScopes.set(pluginId, { wx: own, mocked: new Map() });
    }
    return pluginScopes.get(pluginId);
  }

  function hasCallback(opts) {
    return opts !== null && typeof opts === 'object' &&
      (typeof opts.success === 'function' || typeof opts.fail === 'function' || typeof opts.complete === 'function');
  }
  function invokeAsync(spec, id, opts) {
    if (spec.promise && !hasCallback(opts)) {
      const site = new Error();
      return new Promise(function (resolve, reject) {
        bridge.invokeAsync(spec.key, id, opts, function (ok, res) {
          if (!ok && res !== null && typeof res === 'object') Object.defineProperty(res, CALL_SITE, { value: site });
          (ok ? resolve : reject)(res);
        });
      });
    }
    const o = opts !== null && typeof opts === 'object' ? opts : {};
    if (!hasCallback(opts) && spec.task) {
      // A task API's parameter error with nobody listening is shown on the console, as DevTools does.
      const task = bridge.invokeAsync(spec.key, id, opts, function (ok, res) {
        if (!ok && res.errno === 1001) console.error(res.errMsg);
      });
      return task === null ? undefined : task;
    }
    if (!hasCallback(opts)) {
      // Nobody listens for the outcome (task methods like SocketTask.send in a loop): skip delivering it.
      const quiet = bridge.invokeAsync(spec.key, id, opts, null);
      return quiet === null ? undefined : quiet;
    }
    const ret = bridge.invokeAsync(spec.key, id, opts, function (ok, res) {
      const cb = ok ? o.success : o.fail;
      if (typeof cb === 'function') guard(cb, o, [res], spec.name + (ok ? ' success' : ' fail'));
      if (typeof o.complete === 'function') guard(o.complete, o, [res], spec.name + ' complete');
    });
    return ret === null ? undefined : ret;
  }
  function invokeSync(spec, id, args) {
    const r = bridge.invokeSync(spec.key, id, args);
    if (r.error !== undefined) {
      const e = new Error(r.error);
      e.errMsg = r.error;
      if (r.errno !== undefined) e.errno = r.errno;
      throw e;
    }
    return r.value;
  }
  function apiFunction(spec, instance) {
    switch (spec.kind) {
      case 'async':
        return instance
          ? function (opts) { return invokeAsync(spec, this.__sparrowId__, opts); }
          : function (opts) { return invokeAsync(spec, 0, opts); };
      case 'sync':
        return instance
          ? function () { return invokeSync(spec, this.__sparrowId__, Array.prototype.slice.call(arguments)); }
          : function () { return invokeSync(spec, 0, Array.prototype.slice.call(arguments)); };
      case 'listener':
        return instance
          ? function (fn) { bridge.listen(spec.key, this.__sparrowId__, fn === undefined ? null : fn); }
          : function (fn) { bridge.listen(spec.key, 0, fn === undefined ? null : fn); };
      default:
        throw new Error('unknown api kind ' + spec.kind);
    }
  }
  // One JS object per host instance while page code holds it, so that a singleton handed out twice
  // (wx.getFileSystemManager(), audio managers) is the same object (===). Weakly held; dead entries
  // are swept as new instances arrive.
  const liveInstances = new Map();
  let instancesSinceSweep = 0;
  function instanceOf(type, id) {
    const known = liveInstances.get(id);
    const existing = known && known.deref();
    if (existing) return existing;
    let proto = instanceTypes.get(type);
    if (!proto) { proto = {}; instanceTypes.set(type, proto); }
    const obj = Object.create(proto);
    Object.defineProperty(obj, '__sparrowId__', { value: id });
    apiObject(obj);
    if (++instancesSinceSweep >= 256) {
      instancesSinceSweep = 0;
      for (const [k, ref] of liveInstances) if (!ref.deref()) liveInstances.delete(k);
    }
    liveInstances.set(id, new WeakRef(obj));
    return obj;
  }
  // Result objects with methods (TypedObject.java): the host sends plain fields, these give the
  // methods. Non-enumerable, so JSON.stringify and console show only the fields, as in WeChat.
  const S_IFMT = 0xF000;
  const resultProtos = { Stats: Object.create(Object.prototype, {
    isDirectory: { value: function isDirectory() { return (this.mode & S_IFMT) === 0x4000; } },
    isFile: { value: function isFile() { return (this.mode & S_IFMT) === 0x8000; } }
  }) };
  function typed(type, obj) {
    const proto = resultProtos[type];
    if (proto) Object.setPrototypeOf(obj, proto);
    return obj;
  }
  for (const spec of specs) {
    if (spec.hidden) continue;
    if (spec.owner) {
      let proto = instanceTypes.get(spec.owner);
      if (!proto) { proto = {}; instanceTypes.set(spec.owner, proto); }
      if (spec.kind === 'property') {
        Object.defineProperty(proto, spec.name, {
          enumerable: true,
          get: function () { return bridge.getProperty(spec.key, this.__sparrowId__); },
          set: spec.readOnly ? undefined : function (v) { bridge.setProperty(spec.key, this.__sparrowId__, v); }
        });
      } else {
        proto[spec.name] = apiFunction(spec, true);
      }
    } else {
      wxObject[spec.name] = apiFunction(spec, false);
    }
  }
  wxObject.env = Object.freeze(JSON.parse(bridge.env()));
  // the canvas objects (sparrow-canvas.js) get their methods on the instance types CanvasApis declares
  const canvas = canvasFactory({
    bridge: bridge, guard: guard, wx: wxObject,
    protoOf: function (type) {
      let proto = instanceTypes.get(type);
      if (!proto) { proto = {}; instanceTypes.set(type, proto); }
      return proto;
    }
  });
  canvas.install({
    currentPage: function () { return stack.length ? stack[stack.length - 1] : -1; },
    query: function (page, instance, selector) { const json = host.queryNodes(page, instance, selector); return json ? JSON.parse(json) : []; },
    measure: function (page, request, answer) { host.measure(page, request, answer); }
  });
  // declared in the registry (UiApis), built here: the query object lives in the logic layer
  wxObject.createSelectorQuery = function () {
    const top = stack.length ? stack[stack.length - 1] : -1;
    return createSelectorQuery(top, 0);
  };
  // declared in the registry (AnimationApis), built here: animations and layout observers live in the logic layer
  const animation = animationFactory({ host: host, guard: guard, apiObject: apiObject, setTimeout: global.setTimeout });
  const observers = observersFactory({
    host: host, guard: guard, apiObject: apiObject, setTimeout: global.setTimeout,
    windowInfo: function () { return wxObject.getWindowInfo(); }
  });
  wxObject.createAnimation = function (options) { return animation.createAnimation(options); };
  /** (component, options) as documented; (options) alone observes the current page. */
  wxObject.createIntersectionObserver = function (component, options) {
    if (component && component.__pageId__ !== undefined) {
      return observers.createIntersectionObserver(component.__pageId__, component.__id__ || 0, options);
    }
    const top = stack.length ? stack[stack.length - 1] : -1;
    return observers.createIntersectionObserver(top, 0, options === undefined ? component : options);
  };
  wxObject.createMediaQueryObserver = function () {
    return observers.createMediaQueryObserver(stack.length ? stack[stack.length - 1] : -1);
  };
  // ---- stand-ins: objects of native components and services Sparrow cannot drive ----------------------
  // Declared in the registry (ContextApis), built here. Every documented method exists; one taking an options
  // object answers its fail/complete with `<method>:fail not supported` (after the current code, as WeChat does);
  // on*/off* methods and fire-and-forget ones (VideoContext.play, Worker.postMessage) do nothing. Never a throw.
  function notSupported(method, opts) {
    if (!hasCallback(opts)) return undefined;
    const res = { errMsg: method + ':fail not supported' };
    Promise.resolve().then(function () {
      if (typeof opts.fail === 'function') guard(opts.fail, opts, [res], method + ' fail');
      if (typeof opts.complete === 'function') guard(opts.complete, opts, [res], method + ' complete');
    });
    return undefined;
  }
  const STAND_IN_METHODS = {
    VideoContext: ['play', 'pause', 'stop', 'seek', 'sendDanmu', 'playbackRate', 'requestFullScreen', 'exitFullScreen',
      'showStatusBar', 'hideStatusBar', 'exitPictureInPicture', 'requestBackgroundPlayback', 'exitBackgroundPlayback',
      'startCasting', 'switchCasting', 'reconnectCasting', 'exitCasting'],
    CameraContext: ['takePhoto', 'startRecord', 'stopRecord', 'setZoom', 'onCameraFrame'],
    CameraFrameListener: ['start', 'stop'],
    MapContext: ['addArc', 'addCustomLayer', 'addGroundOverlay', 'addMarkers', 'addVisualLayer', 'eraseLines',
      'executeVisualLayerCommand', 'fromScreenLocation', 'getCenterLocation', 'getRegion', 'getRotate', 'getScale',
      'getSkew', 'includePoints', 'initMarkerCluster', 'moveAlong', 'moveToLocation', 'on', 'openMapApp', 'removeArc',
      'removeCustomLayer', 'removeGroundOverlay', 'removeMarkers', 'removeVisualLayer', 'setBoundary',
      'setCenterOffset', 'setLocMarkerIcon', 'toScreenLocation', 'translateMarker', 'updateGroundOverlay'],
    LivePlayerContext: ['play', 'stop', 'mute', 'pause', 'resume', 'requestFullScreen', 'exitFullScreen',
      'requestPictureInPicture', 'exitPictureInPicture', 'snapshot', 'startCasting', 'switchCasting',
      'reconnectCasting', 'exitCasting'],
    LivePusherContext: ['start', 'stop', 'pause', 'resume', 'switchCamera', 'snapshot', 'toggleTorch', 'playBGM',
      'stopBGM', 'pauseBGM', 'resumeBGM', 'setBGMVolume', 'setMICVolume', 'startPreview', 'stopPreview', 'sendMessage',
      'setZoom', 'getMaxZoom', 'applyBlusherStickMakeup', 'applyEyeBrowMakeup', 'applyEyeShadowMakeup',
      'applyFaceContourMakeup', 'applyFilter', 'applyLipStickMakeup', 'applySticker', 'clearFilters', 'clearMakeups',
      'clearStickers', 'onCustomRendererEvent', 'offCustomRendererEvent'],
    Worker: ['postMessage', 'onMessage', 'onProcessKilled', 'terminate', 'getCameraFrameData', 'testOnProcessKilled'],
    AudioContext: ['setSrc', 'play', 'pause', 'seek'],
    InterstitialAd: ['show', 'load', 'destroy', 'onLoad', 'offLoad', 'onError', 'offError', 'onClose', 'offClose'],
    RewardedVideoAd: ['show', 'load', 'destroy', 'onLoad', 'offLoad', 'onError', 'offError', 'onClose', 'offClose'],
    UserCryptoManager: ['getLatestUserKey', 'getRandomValues'],
    TCPSocket: ['connect', 'write', 'close', 'bindWifi', 'onConnect', 'offConnect', 'onMessage', 'offMessage',
      'onClose', 'offClose', 'onError', 'offError', 'onBindWifi', 'offBindWifi'],
    UDPSocket: ['bind', 'connect', 'send', 'write', 'setTTL', 'close', 'onListening', 'offListening', 'onMessage',
      'offMessage', 'onClose', 'offClose', 'onError', 'offError'],
    CacheManager: ['addRule', 'addRules', 'deleteRule', 'deleteRules', 'clearRules', 'match', 'deleteCache',
      'deleteCaches', 'clearCaches', 'start', 'stop', 'on', 'off'],
    MediaRecorder: ['start', 'pause', 'resume', 'stop', 'requestFrame', 'destroy', 'on', 'off'],
    MediaAudioPlayer: ['start', 'stop', 'addAudioSource', 'removeAudioSource', 'destroy'],
    MediaContainer: ['addTrack', 'removeTrack', 'extractDataSource', 'export', 'destroy'],
    VideoDecoder: ['start', 'seek', 'remove', 'getFrameData', 'on', 'off'],
    InferenceSession: ['run', 'destroy', 'onLoad', 'offLoad', 'onError', 'offError'],
    WebAudioContext: ['close', 'resume', 'suspend', 'createAnalyser', 'createBiquadFilter', 'createBuffer',
      'createBufferSource', 'createChannelMerger', 'createChannelSplitter', 'createConstantSource', 'createDelay',
      'createDynamicsCompressor', 'createGain', 'createIIRFilter', 'createOscillator', 'createPanner',
      'createPeriodicWave', 'createScriptProcessor', 'createWaveShaper', 'decodeAudioData'],
    VKSession: ['start', 'stop', 'destroy', 'on', 'off', 'getVKFrame', 'hitTest', 'detectBody', 'detectFace',
      'detectHand', 'detectDepth', 'addMarker', 'removeMarker', 'getAllMarker', 'addOSDMarker', 'removeOSDMarker',
      'getAllOSDMarker', 'runOCR', 'update3DMode', 'updateMaskMode', 'updateOSDThreshold', 'requestAnimationFrame',
      'cancelAnimationFrame'],
    GlobalPayment: ['openMethodPicker', 'requestGlobalPayment', 'abort'],
    PluginUpdateManager: ['onCheckForUpdate', 'onUpdateReady', 'onUpdateFailed']
  };
  // an ad's show()/load() answer with a promise, as WeChat's do; Sparrow has no ad to show
  function adPromise(method) {
    return function () { return Promise.reject({ errMsg: method + ':fail not supported' }); };
  }
  const standInProtos = new Map();
  function standIn(type, fields) {
    let proto = standInProtos.get(type);
    if (!proto) {
      proto = {};
      for (const name of STAND_IN_METHODS[type]) {
        proto[name] = /^(on|off)[A-Z]/.test(name) || name === 'on'
          ? function () { return undefined; }
          : function (opts) { return notSupported(name, opts); };
      }
      if (type === 'CameraContext') proto.onCameraFrame = function () { return standIn('CameraFrameListener', {}); };
      if (type === 'InterstitialAd' || type === 'RewardedVideoAd') {
        proto.show = adPromise('show');
        proto.load = adPromise('load');
      }
      // a device without VisionKit: start's callback hears 2000002 (device not supported), as WeChat's docs list
      if (type === 'VKSession') {
        proto.start = function (callback) {
          if (typeof callback === 'function') {
            Promise.resolve().then(function () { guard(callback, null, [2000002], 'VKSession.start callback'); });
          }
        };
      }
      // WeChat's GlobalPayment methods answer with a promise (or the callbacks when given); no cashier here
      if (type === 'GlobalPayment') {
        for (const m of ['openMethodPicker', 'requestGlobalPayment']) {
          proto[m] = function (opts) {
            return hasCallback(opts) ? notSupported(m, opts) : adPromise(m)();
          };
        }
      }
      // as getUpdateManager's: the check finds no newer version of the plugin, the other events never fire
      if (type === 'PluginUpdateManager') {
        proto.onCheckForUpdate = function (listener) {
          if (typeof listener === 'function') {
            Promise.resolve().then(function () {
              guard(listener, null, [{ hasUpdate: false }], 'PluginUpdateManager.onCheckForUpdate');
            });
          }
        };
      }
      standInProtos.set(type, proto);
    }
    const obj = Object.create(proto);
    for (const k of Object.keys(fields)) Object.defineProperty(obj, k, { value: fields[k], enumerable: true });
    return apiObject(obj);
  }
  wxObject.createVideoContext = function (id) { return standIn('VideoContext', { id: String(id) }); };
  wxObject.createCameraContext = function () { return standIn('CameraContext', {}); };
  wxObject.createMapContext = function (id) { return standIn('MapContext', { id: String(id) }); };
  wxObject.createLivePlayerContext = function (id) { return standIn('LivePlayerContext', { id: String(id) }); };
  wxObject.createLivePusherContext = function () { return standIn('LivePusherContext', {}); };
  wxObject.createWorker = function (scriptPath) { return standIn('Worker', { scriptPath: String(scriptPath) }); };
  wxObject.createAudioContext = function (id) { return standIn('AudioContext', { id: String(id) }); };
  for (const [factory, type] of [['createTCPSocket', 'TCPSocket'], ['createUDPSocket', 'UDPSocket'],
    ['createCacheManager', 'CacheManager'], ['createMediaRecorder', 'MediaRecorder'],
    ['createMediaAudioPlayer', 'MediaAudioPlayer'], ['createMediaContainer', 'MediaContainer'],
    ['createVideoDecoder', 'VideoDecoder'], ['createInferenceSession', 'InferenceSession']]) {
    wxObject[factory] = function () { return standIn(type, {}); };
  }
  wxObject.createInterstitialAd = function (o) {
    return standIn('InterstitialAd', { adUnitId: String((o || {}).adUnitId) });
  };
  wxObject.createRewardedVideoAd = function (o) {
    return standIn('RewardedVideoAd', { adUnitId: String((o || {}).adUnitId) });
  };
  wxObject.createWebAudioContext = function () {
    return standIn('WebAudioContext', { state: 'suspended', currentTime: 0, sampleRate: 44100 });
  };
  wxObject.createVKSession = function (o) {
    return standIn('VKSession', { state: 0, config: (o && typeof o === 'object') ? o : {} });
  };
  wxObject.createGlobalPayment = function (o) {
    return standIn('GlobalPayment', { methodKey: null, mchRegion: String((o || {}).mchRegion) });
  };
  wxObject.getPluginUpdateManager = function (o) {
    return standIn('PluginUpdateManager', { pluginId: String((o || {}).pluginId) });
  };
  // createBufferURL: a unique URL for the buffer, kept until revoked; nothing in Sparrow plays media from it
  const bufferUrls = new Map();
  let bufferUrlCount = 0;
  wxObject.createBufferURL = function (buffer) {
    const url = 'wxblob://buffer/' + (++bufferUrlCount);
    bufferUrls.set(url, buffer);
    return url;
  };
  wxObject.revokeBufferURL = function (url) { bufferUrls.delete(String(url)); };
  let cryptoManager;
  wxObject.getUserCryptoManager = function () {
    return cryptoManager || (cryptoManager = standIn('UserCryptoManager', {}));
  };
  // log managers write to the console (WeChat uploads them for the admin console; Sparrow shows them)
  function LogManager() { apiObject(this); }
  for (const level of ['debug', 'info', 'log', 'warn']) {
    LogManager.prototype[level] = function () { consoleObject[level].apply(null, arguments); };
  }
  let logManager;
  wxObject.getLogManager = function () { return logManager || (logManager = new LogManager()); };
  function RealtimeLogManager(tag) {
    Object.defineProperty(this, '__tag__', { value: tag });
    apiObject(this);
  }
  for (const level of ['info', 'warn', 'error']) {
    RealtimeLogManager.prototype[level] = function () {
      const args = Array.prototype.slice.call(arguments);
      consoleObject[level].apply(null, this.__tag__ === undefined ? args : ['[' + this.__tag__ + ']'].concat(args));
    };
  }
  RealtimeLogManager.prototype.setFilterMsg = function () {};
  RealtimeLogManager.prototype.addFilterMsg = function () {};
  RealtimeLogManager.prototype.in = function () { return this; };
  RealtimeLogManager.prototype.tag = function (name) { return new RealtimeLogManager(String(name)); };
  RealtimeLogManager.prototype.getCurrentState = function () {
    return { size: 0, maxSize: 5120, logCount: 0, maxLogCount: 5000 };
  };
  let realtimeLog;
  wxObject.getRealtimeLogManager = function () {
    return realtimeLog || (realtimeLog = new RealtimeLogManager(undefined));
  };
  // base64 helpers (declared in ContextApis)
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  wxObject.arrayBufferToBase64 = function (buffer) {
    const bytes = ArrayBuffer.isView(buffer) ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      : buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(0);
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') +
        (i + 2 < bytes.length ? B64[n & 63] : '=');
    }
    return out;
  };
  wxObject.base64ToArrayBuffer = function (text) {
    const clean = String(text === undefined || text === null ? '' : text).replace(/[^A-Za-z0-9+/\-_]/g, '');
    const out = new Uint8Array(Math.floor(clean.length * 3 / 4));
    let bits = 0, value = 0, n = 0;
    for (let i = 0; i < clean.length; i++) {
      const c = clean[i] === '-' ? 62 : clean[i] === '_' ? 63 : B64.indexOf(clean[i]);
      value = (value << 6) | c; bits += 6;
      if (bits >= 8) { bits -= 8; out[n++] = (value >> bits) & 255; }
    }
    return out.buffer.slice(0, n);
  };
  // wx.cloud: the emulated database, functions and storage (canIUse('cloud') is true: ContextApis.BASE_LIBRARY);
  // what is not emulated (callContainer) fails through fail/complete or a rejected promise; nothing throws.
  // wx.router, wx.worklet: small stand-ins (not in the registry: canIUse answers false).
  const CLOUD_WHY = ' (WeChat cloud development is not available in Sparrow)';
  function cloudFails(method) {
    return function (opts) {
      const res = { errMsg: 'cloud.' + method + ':fail not supported' + CLOUD_WHY };
      if (!hasCallback(opts)) return Promise.reject(res);
      Promise.resolve().then(function () {
        if (typeof opts.fail === 'function') guard(opts.fail, opts, [res], 'cloud.' + method + ' fail');
        if (typeof opts.complete === 'function') guard(opts.complete, opts, [res], 'cloud.' + method + ' complete');
      });
      return undefined;
    };
  }
  // wx.cloud.database(): the builders and their wire form are sparrow-cloud-query.js (shared with cloud functions),
  // the requests are sent here, the engine is CloudApis.java (apis/cloud).
  const cloudSpec = specs.find(function (s) { return !s.owner && s.name === 'cloudDatabase'; });
  const cloudWatchSpec = specs.find(function (s) { return !s.owner && s.name === 'cloudWatchEvents'; });
  let cloudEnv = 'default'; // the database's default env, from the first wx.cloud.init
  let cloudServiceEnvs = null; // init({env: {database, functions, storage}}): each service's own default
  let cloudInitialized = false;
  const cloudCodec = cloudQueryFactory();
  const isPlain = cloudCodec.isPlain;
  const cloudValue = cloudCodec.value;
  const cloudWhere = cloudCodec.where;
  const cloudUpdate = cloudCodec.update;
  const cloudDecode = cloudCodec.decode;
  // One request to the engine, answered later on the loop (the engine works off the loop): done({ok, res}).
  // A request that cannot be built or sent is answered at once (on a microtask) with WeChat's -501007.
  function cloudSend(api, build, done) {
    let text;
    try {
      const request = build();
      request.api = api;
      // database() made before init (page modules load before App.onLaunch) follows the env init names
      if (request.env === null) request.env = cloudEnv;
      text = JSON.stringify(request);
    } catch (e) {
      const why = e && e.message ? e.message : String(e);
      const res = { errCode: -501007, errMsg: api + ':fail -501007 invalid parameters. ' + why };
      Promise.resolve().then(function () { done({ ok: false, res: res }); });
      return;
    }
    bridge.invokeAsync(cloudSpec.key, 0, { request: text }, function (ok, res) {
      if (!ok) {
        done({ ok: false, res: { errCode: -1, errMsg: api + ':fail ' + String(res && res.errMsg || 'internal error')
          .replace(/^[^:]*:fail /, '') } });
        return;
      }
      const raw = JSON.parse(res.answer);
      done({ ok: raw.ok, res: raw.ok ? cloudDecode(raw.res) : raw.res });
    });
  }
  // one database call: answered through success/fail/complete when given, else a promise (WeChat's rule)
  function cloudRequest(api, build, opts) {
    if (!hasCallback(opts)) {
      return new Promise(function (resolve, reject) {
        cloudSend(api, build, function (answer) { (answer.ok ? resolve : reject)(answer.res); });
      });
    }
    cloudSend(api, build, function (answer) {
      const cb = answer.ok ? opts.success : opts.fail;
      if (typeof cb === 'function') guard(cb, opts, [answer.res], api + (answer.ok ? ' success' : ' fail'));
      if (typeof opts.complete === 'function') guard(opts.complete, opts, [answer.res], api + ' complete');
    });
    return undefined;
  }
  // watch(): snapshots come from the engine through one hidden listener, dispatched by watch id
  const cloudWatchers = new Map();
  let cloudWatchNext = 1;
  let cloudWatchListening = false;
  function cloudWatchEvent(text) {
    const e = JSON.parse(text);
    const w = cloudWatchers.get(e.watchId);
    if (!w) return;
    if (e.ok) {
      if (typeof w.onChange === 'function') guard(w.onChange, w.opts, [cloudDecode(e.snapshot)], 'watch onChange');
      return;
    }
    cloudWatchers.delete(e.watchId);
    if (typeof w.onError === 'function') guard(w.onError, w.opts, [e.error], 'watch onError');
  }
  function cloudWatch(build, opts) {
    if (!cloudWatchListening) {
      bridge.listen(cloudWatchSpec.key, 0, cloudWatchEvent);
      cloudWatchListening = true;
    }
    const o = opts !== null && typeof opts === 'object' ? opts : {};
    const watchId = cloudWatchNext++;
    cloudWatchers.set(watchId, { onChange: o.onChange, onError: o.onError, opts: o });
    cloudSend('database.watch', function () { return Object.assign(build(), { watchId: watchId }); },
      function (answer) {
        if (answer.ok || !cloudWatchers.has(watchId)) return;
        cloudWatchers.delete(watchId);
        if (typeof o.onError === 'function') guard(o.onError, o, [answer.res], 'watch onError');
      });
    const watcher = {
      close: function () {
        cloudWatchers.delete(watchId);
        return new Promise(function (resolve) {
          cloudSend('database.watch', function () { return { env: '', action: 'unwatch', watchId: watchId }; },
            function () { resolve(); });
        });
      }
    };
    return watcher;
  }
  // the request's data: a plain object encoded; a primitive, null or an array as it is, so that the engine names
  // its type as the SDK's check does ("should be object instead of number;"); anything else as missing
  function optsData(opts, encode) {
    if (opts === null || typeof opts !== 'object') return undefined;
    const d = opts.data;
    if (isPlain(d)) return encode(d);
    return d === null || Array.isArray(d) || (typeof d !== 'object' && typeof d !== 'function') ? d : undefined;
  }
  function cloudQuery(env, name, state) {
    function next(change) { return cloudQuery(env, name, Object.assign({}, state, change)); }
    function base(action) {
      return { env: env, collection: name, action: action, where: state.where, orderBy: state.orderBy,
        skip: state.skip, limit: state.limit, field: state.field };
    }
    const q = {
      where: function (cond) { return next({ where: cloudWhere(cond) }); },
      orderBy: function (field, order) {
        const by = { field: String(field), order: order === 'desc' ? 'desc' : 'asc' };
        return next({ orderBy: state.orderBy.concat([by]) });
      },
      skip: function (n) { return next({ skip: Number(n) || 0 }); },
      limit: function (n) { return next({ limit: Number(n) || 0 }); },
      field: function (f) { return next({ field: cloudValue(f) }); },
      get: function (opts) { return cloudRequest('collection.get', function () { return base('get'); }, opts); },
      count: function (opts) { return cloudRequest('collection.count', function () { return base('count'); }, opts); },
      update: function (opts) {
        return cloudRequest('collection.update', function () {
          return Object.assign(base('update'), { data: optsData(opts, cloudUpdate) });
        }, opts);
      },
      remove: function (opts) {
        return cloudRequest('collection.remove', function () { return base('remove'); }, opts);
      },
      watch: function (opts) { return cloudWatch(function () { return base('watch'); }, opts); }
    };
    return q;
  }
  function cloudCollection(env, name) {
    const c = cloudQuery(env, String(name), { where: {}, orderBy: [], skip: 0, limit: 0, field: null });
    c.collectionName = String(name);
    c.add = function (opts) {
      return cloudRequest('collection.add', function () {
        return { env: env, collection: String(name), action: 'add', data: optsData(opts, cloudValue) };
      }, opts);
    };
    c.doc = function (id) {
      const docId = String(id);
      let field = null;
      function req(action, data) {
        return { env: env, collection: String(name), action: action, id: docId, data: data, field: field };
      }
      const d = {
        _id: docId,
        field: function (f) { field = cloudValue(f); return d; },
        get: function (opts) { return cloudRequest('document.get', function () { return req('docGet'); }, opts); },
        set: function (opts) {
          return cloudRequest('document.set', function () {
            return req('docSet', optsData(opts, cloudValue));
          }, opts);
        },
        update: function (opts) {
          return cloudRequest('document.update', function () {
            return req('docUpdate', optsData(opts, cloudUpdate));
          }, opts);
        },
        remove: function (opts) {
          return cloudRequest('document.remove', function () { return req('docRemove'); }, opts);
        },
        watch: function (opts) {
          return cloudWatch(function () {
            return { env: env, collection: String(name), action: 'watch', where: { _id: docId } };
          }, opts);
        }
      };
      return d;
    };
    c.aggregate = function () {
      return cloudCodec.aggregate(function (stages) {
        return {
          end: function (opts) {
            return cloudRequest('collection.aggregate', function () {
              return { env: env, collection: String(name), action: 'aggregate',
                pipeline: cloudCodec.stages(stages) };
            }, opts);
          }
        };
      });
    };
    return c;
  }
  function cloudDatabase(config) {
    const env = config && typeof config.env === 'string' ? config.env : null;
    return {
      config: { get env() { return env === null ? cloudEnv : env; } },
      command: cloudCodec.command,
      Geo: cloudCodec.Geo,
      collection: function (name) { return cloudCollection(env, name); },
      serverDate: cloudCodec.serverDate,
      RegExp: cloudCodec.regExp
    };
  }
  // new wx.cloud.Cloud({resourceEnv}): another environment's database and calls (config.env on each call)
  function CloudInstance(options) {
    const o = options !== null && typeof options === 'object' ? options : {};
    let env = typeof o.resourceEnv === 'string' && o.resourceEnv ? o.resourceEnv
      : typeof o.env === 'string' && o.env ? o.env : null;
    const self = this instanceof CloudInstance ? this : Object.create(CloudInstance.prototype);
    self.init = function (more) {
      if (more && typeof more.env === 'string' && more.env) env = more.env;
      return Promise.resolve();
    };
    self.database = function (config) {
      return cloudDatabase(Object.assign({}, config, { env: config && typeof config.env === 'string' ? config.env
        : env === null ? undefined : env }));
    };
    ['callFunction', 'callContainer', 'uploadFile', 'downloadFile', 'getTempFileURL', 'deleteFile']
      .forEach(function (m) {
        self[m] = function (opts) {
          const base = opts !== null && typeof opts === 'object' ? opts : {};
          const config = Object.assign({}, env === null ? {} : { env: env }, base.config);
          return wxObject.cloud[m](Object.assign({}, base, { config: config }));
        };
      });
    return self;
  }
  // WeChat's client guide (init): wx.cloud.init is called once; when called again only the first call takes effect
  function cloudInit(opts) {
    if (cloudInitialized) return undefined;
    cloudInitialized = true;
    const env = opts && opts.env;
    if (typeof env === 'string' && env) {
      cloudEnv = env;
    } else if (env && typeof env === 'object') {
      cloudServiceEnvs = env;
      if (typeof env.database === 'string' && env.database) cloudEnv = env.database;
    }
    return undefined;
  }
  wxObject.cloud = {
    init: cloudInit, callFunction: cloudFails('callFunction'), callContainer: cloudFails('callContainer'),
    uploadFile: cloudFails('uploadFile'), downloadFile: cloudFails('downloadFile'),
    getTempFileURL: cloudFails('getTempFileURL'), deleteFile: cloudFails('deleteFile'),
    database: cloudDatabase, CloudID: function (id) { return { cloudID: String(id) }; },
    Cloud: CloudInstance
  };
  wxObject.router = {
    addRouteBuilder: function () {}, removeRouteBuilder: function () {},
    getRouteContext: function () { return null; }
  };
  function shared(v) { return { value: v }; }
  wxObject.worklet = {
    shared: shared, derived: function (fn) { return shared(typeof fn === 'function' ? fn() : undefined); },
    runOnJS: function (fn) { return fn; }, runOnUI: function (fn) { return fn; },
    timing: function (to) { return to; }, spring: function (to) { return to; }, decay: function () { return 0; },
    sequence: function () { return arguments[arguments.length - 1]; }, repeat: function (a) { return a; },
    delay: function (ms, a) { return a; }, cancelAnimation: function () {},
    Easing: { linear: function (t) { return t; }, ease: function (t) { return t; }, in: function (f) { return f; },
      out: function (f) { return f; }, inOut: function (f) { return f; },
      bezier: function () { return function (t) { return t; }; } }
  };
  // wx.cloud.callFunction and cloud storage (issue 21): CloudServiceApis.java answers {ok, res} as JSON, off the
  // session thread; the result comes back here and goes to success/fail/complete or the promise
  const cloudFunctionSpec = specs.find(function (s) { return !s.owner && s.name === 'cloudFunction'; });
  const cloudStorageSpec = specs.find(function (s) { return !s.owner && s.name === 'cloudStorage'; });
  /**
   * One call; `transfer` ('Sent' for uploads, 'Written' for downloads) makes a call with callbacks return a task
   * (UploadTask / DownloadTask): onProgressUpdate hears one 100 % update before success, abort() fails it with
   * '<api>:fail abort' if it has not settled yet.
   */
  function cloudService(api, spec, build, opts, transfer) {
    let args = null, early = null;
    try {
      args = build(opts !== null && typeof opts === 'object' ? opts : {});
    } catch (e) {
      early = { errCode: -1, errMsg: api + ':fail ' + (e && e.message ? e.message : String(e)) };
    }
    function settle(ok, res, deliver) {
      if (early !== null) return deliver(false, early);
      if (!ok) {
        const text = String(res && res.errMsg || '');
        return deliver(false, { errCode: -1, errMsg: api + ':fail ' + text.slice(text.indexOf(':fail ') + 6) });
      }
      const answer = JSON.parse(res.answer);
      deliver(answer.ok, answer.res);
    }
    let task, progress = [], aborted = false;
    function start(deliver) {
      if (early !== null) Promise.resolve().then(function () { settle(false, null, deliver); });
      else bridge.invokeAsync(spec.key, 0, args, function (ok, res) { settle(ok, res, deliver); });
    }
    if (!hasCallback(opts)) {
      return new Promise(function (resolve, reject) {
        start(function (ok, res) {
          if (res) delete res.size;
          (ok ? resolve : reject)(res);
        });
      });
    }
    function finish(ok, res) {
      const cb = ok ? opts.success : opts.fail;
      if (typeof cb === 'function') guard(cb, opts, [res], api + (ok ? ' success' : ' fail'));
      if (typeof opts.complete === 'function') guard(opts.complete, opts, [res], api + ' complete');
    }
    let settled = false;
    start(function (ok, res) {
      if (settled) return;
      settled = true;
      const size = res && res.size;
      if (res) delete res.size;
      if (ok && transfer) {
        const update = { progress: 100 };
        update['totalBytes' + transfer] = size;
        update['totalBytesExpectedTo' + (transfer === 'Sent' ? 'Send' : 'Write')] = size;
        for (const fn of progress.slice()) guard(fn, task, [update], api + ' onProgressUpdate');
      }
      finish(ok, res);
    });
    if (!transfer) return undefined;
    task = {
      onProgressUpdate: function (fn) { if (typeof fn === 'function') progress.push(fn); },
      offProgressUpdate: function (fn) { progress = fn === undefined ? [] : progress.filter(f => f !== fn); },
      onHeadersReceived: function () {}, offHeadersReceived: function () {},
      abort: function () {
        if (settled || aborted) return;
        aborted = settled = true;
        Promise.resolve().then(function () { finish(false, { errCode: -1, errMsg: api + ':fail abort' }); });
      }
    };
    return task;
  }
  function serviceEnv(o, kind) {
    const env = o.config && o.config.env;
    if (typeof env === 'string' && env) return env;
    if (env && typeof env === 'object' && typeof env[kind] === 'string') return env[kind];
    if (cloudServiceEnvs !== null) {
      const own = cloudServiceEnvs[kind];
      return typeof own === 'string' && own ? own : 'default';
    }
    return cloudEnv;
  }
  function storageCall(action, fields, transfer) {
    return function (opts) {
      return cloudService('cloud.' + action, cloudStorageSpec, function (o) {
        const request = { env: serviceEnv(o, 'storage') };
        for (const f of fields) if (o[f] !== undefined) request[f] = o[f];
        return { action: action, request: JSON.stringify(request) };
      }, opts, transfer);
    };
  }
  if (cloudFunctionSpec && cloudStorageSpec) {
    wxObject.cloud.callFunction = function (opts) {
      return cloudService('cloud.callFunction', cloudFunctionSpec, function (o) {
        const request = { env: serviceEnv(o, 'functions'), name: o.name };
        if (o.data !== undefined) request.data = JSON.parse(JSON.stringify(o.data));
        return { request: JSON.stringify(request) };
      }, opts);
    };
    wxObject.cloud.uploadFile = storageCall('uploadFile', ['cloudPath', 'filePath'], 'Sent');
    wxObject.cloud.downloadFile = storageCall('downloadFile', ['fileID'], 'Written');
    wxObject.cloud.getTempFileURL = storageCall('getTempFileURL', ['fileList']);
    wxObject.cloud.deleteFile = storageCall('deleteFile', ['fileList']);
  }
  // replaces ContextApis' stand-in: each method drives the <video> of that id (the view's headless player)
  function VideoContext(page, instance, id) {
    Object.defineProperty(this, '__video', { value: { page: page, instance: instance, id: String(id) } });
    apiObject(this);
  }
  ['play', 'pause', 'stop', 'seek', 'playbackRate', 'requestFullScreen', 'exitFullScreen', 'sendDanmu',
    'showStatusBar', 'hideStatusBar', 'requestPictureInPicture', 'exitPictureInPicture',
    'requestBackgroundPlayback', 'exitBackgroundPlayback', 'startCasting', 'switchCasting', 'reconnectCasting',
    'exitCasting'].forEach(function (method) {
    VideoContext.prototype[method] = function () {
      const v = this.__video;
      host.videoContext(v.page, v.instance, v.id, method, JSON.stringify(Array.prototype.slice.call(arguments)));
    };
  });
  /** (id, component): the video in the component's template; (id) alone: in the current page. */
  wxObject.createVideoContext = function (id, component) {
    if (component && component.__pageId__ !== undefined) {
      return new VideoContext(component.__pageId__, component.__id__ || 0, id);
    }
    return new VideoContext(stack.length ? stack[stack.length - 1] : -1, 0, id);
  };
  Object.defineProperty(wxObject, 'onUnhandledRejection', { value: function (fn) { if (typeof fn === 'function') rejectionListeners.push(fn); }, enumerable: true });
  Object.defineProperty(wxObject, 'offUnhandledRejection', {
    value: function (fn) { if (fn === undefined) rejectionListeners.length = 0; else { const i = rejectionListeners.indexOf(fn); if (i >= 0) rejectionListeners.splice(i, 1); } },
    enumerable: true
  });
  Object.defineProperty(wxObject, 'onError', {
    value: function (fn) { if (typeof fn === 'function') errorListeners.push(fn); },
    enumerable: true
  });
  Object.defineProperty(wxObject, 'offError', {
    value: function (fn) { if (fn === undefined) errorListeners.length = 0; else { const i = errorListeners.indexOf(fn); if (i >= 0) errorListeners.splice(i, 1); } },
    enumerable: true
  });

  function getCurrentPages() {
    return stack.map(function (id) { return pages.get(id); }).filter(Boolean);
  }

  global.wx = wxObject;
  global.App = App;
  global.Page = Page;
  global.Component = Component;
  global.Behavior = Behavior;
  global.getApp = getApp;
  global.getCurrentPages = getCurrentPages;

  // ---- what the host calls ----------------------------------------------------------------------
  const sparrow = {
    fireTimer: fireTimer,
    /** Loads app.js (the host reports errors). */
    loadApp: function (path) { loadModule(path); },
    /** Evaluates a page file under its route; returns null or an error message. */
    loadPage: function (route, path) {
      if (pageDefs.has(route)) return null;
      if (host.resolveModule('', '/' + path) !== path) {
        // listed without its .js (a project problem, reported at launch): WeChat still shows the WXML
        pageDefs.set(route, { kind: 'page', options: {} });
        return null;
      }
      loadingRoute = route;
      try {
        loadModule(path);
      } catch (e) {
        reportError(e, 'load ' + path);
      } finally {
        loadingRoute = null;
      }
      if (pageDefs.has(route)) return null;
      const asComponent = components.given(route);
      if (asComponent !== null) {
        // the file ran earlier as a component of another page: its Component() call defines this page too
        pageDefs.set(route, { kind: 'component', options: asComponent });
        return null;
      }
      // WeChat still shows the page (its WXML, no logic); keep going with an empty definition.
      pageDefs.set(route, { kind: 'page', options: {} });
      return 'Page "' + route + '" has not been registered yet.';
    },
    hasPage: function (route) { return pageDefs.has(route); },
    /** Creates the page instance; returns its initial data as JSON. */
    createPage: function (id, route, query, customTabBar) {
      const def = pageDefs.get(route);
      const opts = def.options;
      const page = Object.create(pageProto);
      if (def.kind !== 'component') {
        for (const k of Object.keys(opts)) {
          if (k === 'data') continue;
          page[k] = typeof opts[k] === 'function' ? opts[k] : simpleDeepCopy(opts[k]);
        }
        page.data = simpleDeepCopy(opts.data || {});
        // a page is a component: this.properties is its data (glass-easel's caller reads both from one place)
        if (!('properties' in opts)) {
          Object.defineProperty(page, 'properties', { get: function () { return this.data; }, configurable: true });
        }
      }
      Object.defineProperty(page, '__pageId__', { value: id });
      Object.defineProperty(page, '__kind__', { value: def.kind });
      page.route = route;
      page.__route__ = route;
      page.is = route;
      page.options = query;
      pages.set(id, page);
      if (def.kind === 'component') components.setUpPage(page, route, opts, query);
      if (customTabBar) components.createTabBar(id, loadModule);
      return JSON.stringify(page.data);
    },
    /** Calls a lifecycle hook or handler if the page defines it; returns whether it exists. */
    callHook: function (id, name, arg) {
      const page = pages.get(id);
      if (!page) return false;
      components.pageHook(id, name, arg);
      if (name === 'onPageScroll') observers.changed(id);
      else if (name === 'onResize') observers.resized(id);
      if (page.__kind__ === 'component') components.pageLifetime(page, name, arg);
      const fn = page[name];
      if (typeof fn !== 'function') return false;
      guard(fn, page, arg === undefined ? [] : [arg], page.route + ' ' + name);
      return true;
    },
    /** Calls a page method with arguments (driver, automation); errors reach the host. */
    callMethod: function (id, name, args) {
      const page = pages.get(id);
      if (!page) throw new Error('page ' + id + ' is gone');
      const fn = page[name];
      if (typeof fn !== 'function') throw new Error('page "' + page.route + '" has no method "' + name + '"');
      return fn.apply(page, args);
    },
    /** Runs an event handler named in WXML; a missing one is warned about as WeChat does. Returns its result. */
    callHandler: function (id, name, eventJson) {
      const page = pages.get(id);
      if (!page) return undefined;
      const event = JSON.parse(eventJson);
      const fn = page[name];
      if (typeof fn !== 'function') {
        host.console('warn', 'Component "' + page.route + '" does not have a method "' + name + '" to handle event "' + event.type + '".');
        return undefined;
      }
      return guard(fn, page, [event], page.route + ' ' + name);
    },
    /** A custom component's .js, evaluated once; null or why it registered no definition. */
    loadComponent: function (path) { return components.load(path, loadModule); },
    componentOptions: function (path) { return components.options(path); },
    createComponent: function (pageId, id, owner, path, props, hostInfo, origins) { return components.create(pageId, id, owner, path, props, hostInfo, origins); },
    createdComponent: function (pageId, id) { components.created(pageId, id); },
    attachComponent: function (pageId, id, pageReady) { components.attached(pageId, id, pageReady); },
    componentProperties: function (pageId, id, json, origins) { components.properties(pageId, id, json, origins); },
    detachComponent: function (pageId, id) { components.detached(pageId, id); },
    moveComponent: function (pageId, id) { components.moved(pageId, id); },
    /** Runs a handler bound in the WXML of a page (instance 0) or one of its components; returns its result. */
    callInstanceHandler: function (pageId, instance, name, eventJson) {
      const target = components.instance(pageId, instance);
      if (!target) return undefined;
      return components.callMethod(target, name, JSON.parse(eventJson));
    },
    /** A model: (two-way) binding writes back: the page (instance 0) or component sets `path` as its setData would. */
    modelUpdate: function (pageId, instance, path, valueJson) {
      const target = components.instance(pageId, instance);
      if (!target || typeof target.setData !== 'function') return;
      const change = {};
      change[path] = JSON.parse(valueJson);
      guard(target.setData, target, [change], (target.is || 'page') + ' model:' + path);
    },
    componentData: function (pageId, id) { return components.data(pageId, id); },
    componentSetData: function (pageId, id, data) {
      const inst = components.instance(pageId, id);
      if (!inst || id === 0) throw new Error('component ' + id + ' is gone');
      inst.setData(data);
    },
    componentCall: function (pageId, id, name, args) {
      const inst = components.instance(pageId, id);
      if (!inst || id === 0) throw new Error('component ' + id + ' is gone');
      const fn = inst[name];
      if (typeof fn !== 'function') throw new Error('component "' + inst.is + '" has no method "' + name + '"');
      return fn.apply(inst, args);
    },
    hasMethod: function (id, name) { const p = pages.get(id); return !!p && typeof p[name] === 'function'; },
    pageData: function (id) { const p = pages.get(id); return p ? JSON.stringify(p.data) : null; },
    /** The page's layout moved (a scroll-view scrolled in the simulator): layout observers look again. */
    layoutChanged: function (id) { observers.changed(id); },
    destroyPage: function (id) { components.detached(id, components.TAB_BAR); pages.delete(id); openerChannels.delete(id); observers.closed(id); },
    /** wx.navigateTo: the channel the page about to be created shares with its opener, `events` listening. */
    openChannel: function (id, events) { openerChannels.set(id, new EventChannel(events)); },
    /** The channel of the page with this id (navigateTo's res.eventChannel). */
    openerChannel: openerChannel,
    setStack: function (ids) { stack = ids.slice(); },
    /** App lifecycle: onLaunch/onShow/onHide/onPageNotFound. */
    callApp: function (name, arg) {
      const fn = appInstance[name];
      if (typeof fn !== 'function') return false;
      guard(fn, appInstance, arg === undefined ? [] : [arg], 'App.' + name);
      return true;
    },
    appRegistered: function () { return appRegistered; },
    globalData: function () { return JSON.stringify(appInstance.globalData === undefined ? null : appInstance.globalData); },
    instanceOf: instanceOf,
    typed: typed,
    typeTag: typeTag,
    guard: guard,
    reportError: reportError,
    stringify: function (v) { return v === undefined ? undefined : JSON.stringify(v); },
    parse: function (s) { return JSON.parse(s); },
    revive: function (type, json) {
      const v = json === undefined || json === null ? undefined : JSON.parse(json);
      return type === 'Date' ? new Date(v) : v;
    },
    newObject: function () { return {}; },
    newArray: function () { return []; },
    arrayBuffer: function (buffer) { return new ArrayBuffer(buffer); },
    callback: function (fn, arg, origin) { return guard(fn, undefined, arg === undefined || arg === null ? [] : [arg], origin || 'callback'); },
    /** Calls wx[name] for the host; the outcome goes to completion.done(ok, value). */
    callWx: function (name, args, completion, pluginId) {
      const wxObject = wxScope(pluginId).wx;
      const spec = specs.find(function (s) { return !s.owner && s.name === name; });
      const f = wxObject[name];
      if (!spec || typeof f !== 'function') { completion.done(false, { errMsg: name + ':fail not supported' }); return; }
      try {
        if (spec.kind === 'sync') { completion.done(true, f.apply(wxObject, Array.isArray(args) ? args : [])); return; }
        if (spec.kind === 'listener') { completion.done(false, { errMsg: name + ':fail listeners cannot be called from the host' }); return; }
        const opts = Object.assign({}, args || {});
        opts.success = function (r) { completion.done(true, r); };
        opts.fail = function (r) { completion.done(false, r); };
        f.call(wxObject, opts);
      } catch (e) {
        completion.done(false, { errMsg: e && e.message !== undefined ? String(e.message) : String(e) });
      }
    },
    /** Settles a possibly-thenable value into completion.done(ok, value). */
    settleValue: function (v, completion) {
      if (v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function') {
        v.then(function (r) { completion.done(true, r); }, function (e) { completion.done(false, e instanceof Error ? { errMsg: errorText(e) } : e); });
      } else {
        completion.done(true, v);
      }
    },
    /**
     * Replaces wx[name] (automation's App.mockWxMethod): with a fixed result, or with a function
     * declaration called as fn.apply({origin}, callArgs.concat(extraArgs)).
     */
    mockWx: function (name, useResult, result, source, extraArgs, pluginId) {
      const scope = wxScope(pluginId);
      const wxObject = scope.wx;
      const mocked = scope.mocked;
      if (!mocked.has(name)) mocked.set(name, wxObject[name]);
      const origin = mocked.get(name);
      const spec = specs.find(function (s) { return !s.owner && s.name === name; });
      if (useResult) {
        if (spec && spec.kind === 'sync') {
          wxObject[name] = function () { return simpleDeepCopy(result); };
        } else {
          wxObject[name] = function (opts) {
            const res = simpleDeepCopy(result);
            if (!hasCallback(opts) && (!spec || spec.promise)) return Promise.resolve(res);
            setTimeout(function () {
              if (opts && typeof opts.success === 'function') guard(opts.success, opts, [res], name + ' success');
              if (opts && typeof opts.complete === 'function') guard(opts.complete, opts, [res], name + ' complete');
            }, 0);
          };
        }
      } else {
        const fn = (0, eval)('(' + source + ')');
        if (typeof fn !== 'function') throw new TypeError('functionDeclaration is not a function');
        const extra = Array.isArray(extraArgs) ? extraArgs : [];
        wxObject[name] = function () { return fn.apply({ origin: origin }, Array.prototype.slice.call(arguments).concat(extra)); };
      }
    },
    /** Puts the original wx[name] back; harmless when it was not mocked. */
    restoreWx: function (name, pluginId) {
      const scope = wxScope(pluginId);
      const wxObject = scope.wx;
      const mocked = scope.mocked;
      if (mocked.has(name)) { wxObject[name] = mocked.get(name); mocked.delete(name); }
    },
    /** A global function page code can call to reach the host (automation's exposeFunction). */
    addBinding: function (name, sink) {
      global[name] = function () { sink.called(name, Array.prototype.slice.call(arguments)); };
    },
    /** Evaluates a function declaration (automation's App.callFunction). */
    callFunction: function (source, args) {
      const fn = (0, eval)('(' + source + ')');
      if (typeof fn !== 'function') throw new TypeError('not a function: ' + source);
      return fn.apply(undefined, args);
    }
  };
  return sparrow;
})
