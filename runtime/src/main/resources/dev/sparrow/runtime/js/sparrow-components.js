// Sparrow's custom components in the logic layer: Component() definitions outside pages, Behavior() mixing, and
// the instances the view creates for custom tags (properties, data, observers, lifetimes, events, queries).
// Evaluated once per session; sparrow-base.js calls this factory with its internals. Loop thread only.
(function (internals) {
  'use strict';
  const host = internals.host;
  const guard = internals.guard;
  const reportError = internals.reportError;
  const simpleDeepCopy = internals.simpleDeepCopy;
  const boundCallback = internals.boundCallback;
  const parsePath = internals.parsePath;
  const setPath = internals.setPath;
  const typeTag = internals.typeTag;
  const MAX_SETDATA = internals.MAX_SETDATA;
  const viewPayload = internals.viewPayload;

  const BEHAVIOR = Symbol('behavior');
  const LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached', 'error'];
  const PAGE_LIFETIMES = ['show', 'hide', 'resize', 'routeDone'];
  const defs = new Map();
  /** The options each component file passed to Component(), for a page listed at the same path. */
  const given = new Map();
  const instances = new Map();
  let loadingPath = null;

  // ---- definitions ----------------------------------------------------------------------------------
  function Behavior(options) {
    const b = { };
    const o = options && typeof options === 'object' ? options : {};
    filterDefinition(o, 'Behavior');
    Object.defineProperty(b, BEHAVIOR, { value: o });
    return b;
  }

  /**
   * definitionFilter: each behavior a definition uses may rewrite that definition's fields before it is built
   * (how behaviors such as miniprogram-computed add their own definition fields); the second argument lists the
   * definition's own filter, for chains.
   */
  function filterDefinition(options, what) {
    if (!Array.isArray(options.behaviors)) return;
    const own = typeof options.definitionFilter === 'function' ? [options.definitionFilter] : [];
    for (const b of options.behaviors) {
      const f = b && b[BEHAVIOR] && b[BEHAVIOR].definitionFilter;
      if (typeof f === 'function') guard(f, b, [options, own], what + ' definitionFilter');
    }
  }

  /** Component() while a component file loads: registers its definition under the file's path. */
  function register(options) {
    const o = options && typeof options === 'object' ? options : {};
    given.set(loadingPath, o);
    filterDefinition(o, loadingPath);
    defs.set(loadingPath, normalize(loadingPath, o));
  }

  /** Properties the built-in behaviors add (wx://form-field: what a form's submit reports for the component). */
  const BUILTIN_PROPERTIES = {
    'wx://form-field': { name: { type: String, value: '' }, value: { type: null, value: null } }
  };

  /** Behaviors in WeChat's precedence order: nested ones before the behavior using them, earlier before later; each once. */
  function chainOf(options) {
    const out = [];
    const seen = new Set();
    (function walk(list) {
      if (!Array.isArray(list)) return;
      for (const b of list) {
        if (typeof b === 'string') { out.push({ builtin: b }); continue; }
        if (!b || !b[BEHAVIOR] || seen.has(b)) continue;
        seen.add(b);
        walk(b[BEHAVIOR].behaviors);
        out.push({ behavior: b, options: b[BEHAVIOR] });
      }
    })(options.behaviors);
    out.push({ options: options });
    return out;
  }

  function normalizeProperty(p) {
    if (p === null || typeof p === 'function') return { type: p, value: undefined, optionalTypes: null, observer: null };
    if (typeof p === 'object') {
      return { type: p.type === undefined ? null : p.type, value: p.value, optionalTypes: Array.isArray(p.optionalTypes) ? p.optionalTypes : null, observer: p.observer || null };
    }
    return { type: null, value: p, optionalTypes: null, observer: null };
  }

  function mergeData(into, from) {
    for (const k of Object.keys(from)) {
      const a = into[k];
      const b = from[k];
      if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) mergeData(a, b);
      else into[k] = simpleDeepCopy(b);
    }
    return into;
  }

  function normalize(path, options) {
    const def = {
      path: path, properties: {}, data: {}, methods: {}, observers: [], behaviors: new Set(), builtins: new Set(),
      lifetimes: {}, pageLifetimes: {}, options: {}, externalClasses: [], relations: {}, exportFn: null, styleIsolation: ''
    };
    for (const k of LIFETIMES) def.lifetimes[k] = [];
    for (const k of PAGE_LIFETIMES) def.pageLifetimes[k] = [];
    for (const link of chainOf(options)) {
      if (link.builtin) {
        def.builtins.add(link.builtin);
        const props = BUILTIN_PROPERTIES[link.builtin] || {};
        for (const name of Object.keys(props)) def.properties[name] = normalizeProperty(props[name]);
        continue;
      }
      const o = link.options;
      if (link.behavior) def.behaviors.add(link.behavior);
      const props = o.properties || o.props || {};
      for (const name of Object.keys(props)) def.properties[name] = normalizeProperty(props[name]);
      if (o.data && typeof o.data === 'object') mergeData(def.data, o.data);
      const methods = o.methods || {};
      for (const name of Object.keys(methods)) if (typeof methods[name] === 'function') def.methods[name] = methods[name];
      const lifetimes = o.lifetimes || {};
      for (const k of LIFETIMES) {
        const fn = typeof lifetimes[k] === 'function' ? lifetimes[k] : o[k];
        if (typeof fn === 'function') def.lifetimes[k].push(fn);
      }
      const pageLifetimes = o.pageLifetimes || {};
      for (const k of PAGE_LIFETIMES) if (typeof pageLifetimes[k] === 'function') def.pageLifetimes[k].push(pageLifetimes[k]);
      const observers = o.observers || {};
      for (const key of Object.keys(observers)) {
        if (typeof observers[key] !== 'function') continue;
        def.observers.push({ paths: key.split(',').map(function (s) { return s.trim(); }).filter(Boolean), fn: observers[key] });
      }
      if (Array.isArray(o.externalClasses)) for (const c of o.externalClasses) if (def.externalClasses.indexOf(String(c)) < 0) def.externalClasses.push(String(c));
      if (o.options && typeof o.options === 'object') Object.assign(def.options, o.options);
      if (o.relations && typeof o.relations === 'object') Object.assign(def.relations, o.relations);
      if (typeof o.export === 'function') def.exportFn = o.export;
    }
    def.relationList = relationList(path, def.relations);
    return def;
  }

  // ---- relations (glass-easel's relation.ts: links made when a component attaches, dropped when it detaches) ----
  const RELATION_PAIRS = { parent: 'child', ancestor: 'descendant', 'parent-common-node': 'child-common-node',
    child: 'parent', descendant: 'ancestor', 'child-common-node': 'parent-common-node' };
  const UPWARD = { parent: true, ancestor: true, 'parent-common-node': true };

  function resolveRelative(from, request) {
    const parts = (request.charAt(0) === '/' ? request : from.replace(/[^/]*$/, '') + request).split('/');
    const out = [];
    for (const p of parts) { if (p === '..') out.pop(); else if (p !== '.' && p !== '') out.push(p); }
    return out.join('/');
  }

  /** The relations of a definition: key, type, target (a component path or a Behavior) and the listeners. */
  function relationList(path, relations) {
    const out = [];
    for (const k of Object.keys(relations)) {
      const r = relations[k];
      if (!r || typeof r !== 'object' || !RELATION_PAIRS[r.type]) {
        host.console('warn', 'the "' + k + '" relation has an invalid relation type "' + (r && r.type) + '" (when preparing behavior "' + path + '").');
        continue;
      }
      const target = r.target && r.target[BEHAVIOR] ? { behavior: r.target } : { path: resolveRelative(path, String(r.target || k)) };
      out.push({ key: k, type: r.type, target: target, linked: r.linked, linkChanged: r.linkChanged, unlinked: r.unlinked, linkFailed: r.linkFailed });
    }
    return out;
  }

  function relationMatches(rel, inst) {
    if (rel.target.behavior) return inst.__def__.behaviors.has(rel.target.behavior);
    return inst.is === rel.target.path || inst.is === rel.target.path + '/index';
  }

  function callRelation(fn, self, other, what) {
    if (typeof fn === 'function') guard(fn, self, [other], self.is + ' relation ' + what);
  }

  /** Links each parent/ancestor relation of a just-attached instance to the nearest matching component above it. */
  function linkRelations(inst) {
    const upward = inst.__def__.relationList.filter(function (r) { return UPWARD[r.type]; });
    if (upward.length === 0) return;
    const ancestors = JSON.parse(host.componentAncestors(inst.__pageId__, inst.__id__));
    for (const rel of upward) {
      let link = null;
      for (const id of ancestors) {
        if (id === 0) { if (rel.type === 'parent-common-node') break; continue; }
        const cand = instances.get(key(inst.__pageId__, id));
        if (cand && relationMatches(rel, cand)) {
          const other = cand.__def__.relationList.find(function (r) { return r.type === RELATION_PAIRS[rel.type] && relationMatches(r, inst); });
          if (other) { link = { target: cand, def: other }; break; }
        }
        if (rel.type !== 'ancestor') break;
      }
      // as glass-easel's triggerLinkEvent: the same target again (after a move) is linkChanged, another one
      // unlinks the old and links the new
      const old = inst.__links__.get(rel) || null;
      inst.__links__.set(rel, link);
      const same = old && link && old.target === link.target && old.def === link.def;
      if (old && same) {
        callRelation(old.def.linkChanged, old.target, inst, 'linkChanged');
        callRelation(rel.linkChanged, inst, old.target, 'linkChanged');
      } else if (old) {
        callRelation(old.def.unlinked, old.target, inst, 'unlinked');
        callRelation(rel.unlinked, inst, old.target, 'unlinked');
      }
      if (link && !same) {
        callRelation(link.def.linked, link.target, inst, 'linked');
        callRelation(rel.linked, inst, link.target, 'linked');
      } else if (!link && typeof rel.linkFailed === 'function') {
        guard(rel.linkFailed, inst, [], inst.is + ' relation linkFailed');
      }
    }
  }

  function unlinkRelations(inst) {
    for (const [rel, link] of inst.__links__) {
      if (!link) continue;
      inst.__links__.set(rel, null);
      callRelation(link.def.unlinked, link.target, inst, 'unlinked');
      callRelation(rel.unlinked, inst, link.target, 'unlinked');
    }
  }

  /** this.getRelationNodes(key): the linked parent, or the linked children in document order. */
  function relationNodes(inst, relKey) {
    const rel = inst.__def__.relationList.find(function (r) { return r.key === relKey; });
    if (!rel) {
      host.console('warn', 'no relation "' + relKey + '" found.');
      return [];
    }
    if (UPWARD[rel.type]) {
      const link = inst.__links__.get(rel);
      return link ? [link.target] : [];
    }
    const out = [];
    for (const id of JSON.parse(host.componentOrder(inst.__pageId__))) {
      const c = instances.get(key(inst.__pageId__, id));
      if (!c || c === inst) continue;
      for (const link of c.__links__.values()) if (link && link.target === inst && link.def === rel) { out.push(c); break; }
    }
    return out;
  }

  // ---- property types ----------------------------------------------------------------------------------
  function defaultFor(type) {
    switch (type) {
      case String: return '';
      case Number: return 0;
      case Boolean: return false;
      case Array: return [];
      default: return null;
    }
  }
  function isType(type, v) {
    switch (type) {
      case String: return typeof v === 'string';
      case Number: return typeof v === 'number';
      case Boolean: return typeof v === 'boolean';
      case Array: return Array.isArray(v);
      case Object: return v !== null && typeof v === 'object';
      case Function: return typeof v === 'function';
      default: return true;
    }
  }
  /** Exparser's conversion of a value the parent passes to a typed property. */
  function coerce(prop, v) {
    const type = prop.type;
    if (type === null || type === undefined || isType(type, v)) return v;
    if (prop.optionalTypes && prop.optionalTypes.some(function (t) { return t === null || isType(t, v); })) return v;
    switch (type) {
      case String: return v === null || v === undefined ? '' : String(v);
      case Number: return isFinite(v) ? Number(v) : 0;
      case Boolean: return !!v;
      case Array: return [];
      case Object: return null;
      default: return v;
    }
  }

  // ---- instances -----------------------------------------------------------------------------------------
  const key = function (pageId, id) { return pageId + ':' + id; };
  /**
   * The instance id of a tab page's custom-tab-bar/index (tabBar.custom): outside the view's ids (1, 2, …). Made
   * with the page (before onLoad); the view then renders it after the page's content (ViewLayer.TAB_BAR), asking
   * create for its data and telling attached, which it has had already. Its lifetimes and pageLifetimes run as its
   * page's components' do.
   */
  const TAB_BAR = -1;
  const TAB_BAR_PATH = 'custom-tab-bar/index';

  function valueAt(data, segs) {
    let v = data;
    for (const s of segs) { if (v === null || v === undefined) return undefined; v = v[s]; }
    return v;
  }
  function startsWith(long, short) {
    if (short.length > long.length) return false;
    for (let i = 0; i < short.length; i++) if (String(long[i]) !== String(short[i])) return false;
    return true;
  }
  /** Observer paths fire when setData sets them or an ancestor; "x.**" also for anything below x; "**" always. */
  function observed(path, setSegs) {
    const wild = path === '**' || /\.\*\*$/.test(path);
    const segs = path === '**' ? [] : parsePath(wild ? path.slice(0, -3) : path);
    return startsWith(segs, setSegs) || (wild && startsWith(setSegs, segs));
  }

  function pureKey(def, k) {
    const pattern = def.options.pureDataPattern;
    return pattern instanceof RegExp && pattern.test(String(parsePath(k)[0]));
  }

  /** Instance → the keys set by its observers' own setData calls while its observers run. */
  const chainedUpdates = new WeakMap();

  /** The observers whose paths {@code keys} touch, in definition order. */
  function runObservers(inst, def, keys) {
    for (const o of def.observers) {
      if (!keys.some(function (k) { return o.paths.some(function (p) { return observed(p, parsePath(k)); }); })) continue;
      const args = o.paths.map(function (p) {
        if (p === '**') return inst.data;
        return valueAt(inst.data, parsePath(p.replace(/\.\*\*$/, '')));
      });
      guard(o.fn, inst, args, inst.is + ' observer ' + o.paths.join(','));
    }
  }

  /**
   * setData on a component: data, property observers, observers (again for what they set themselves, until they set
   * nothing more, as glass-easel does), then the view (pure data stays in the logic layer;
   * {@code viewHasIt}: the view already shows these values).
   */
  function applyData(inst, data, callback, viewHasIt) {
    const def = inst.__def__;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      reportError(new TypeError('setData accepts an Object rather than some ' + typeTag(data) + '.'), inst.is + ' setData');
      return;
    }
    const keys = [];
    const payload = {};
    for (const k of Object.keys(data)) {
      if (data[k] === undefined) { host.console('warn', 'Setting data field "' + k + '" to undefined is invalid.'); continue; }
      keys.push(k);
      payload[k] = data[k];
    }
    const paths = keys.map(function (k) { return parsePath(k); });
    // property observers as glass-easel runs them: a property set whole fires when its value changed (!==); one set
    // through a sub-path ('list[0].x') fires with no old value
    const propChanges = [];
    for (const segs of paths) {
      const prop = def.properties[String(segs[0])];
      if (prop && prop.observer) propChanges.push({ root: String(segs[0]), whole: segs.length === 1, old: segs.length === 1 ? inst.data[segs[0]] : undefined });
    }
    keys.forEach(function (k, i) { setPath(inst.data, paths[i], payload[k]); });
    for (const c of propChanges) {
      const now = inst.data[c.root];
      if (c.whole && now === c.old) continue;
      let fn = def.properties[c.root].observer;
      if (typeof fn === 'string') fn = inst[fn];
      if (typeof fn === 'function') guard(fn, inst, [now, c.old, [c.root]], inst.is + ' property observer ' + c.root);
    }
    const chain = chainedUpdates.get(inst);
    if (chain) {
      // a setData an observer makes (glass-easel's chained update): its data is in, its observers run after
      for (const k of keys) chain.push(k);
    } else if (def.observers.length > 0) {
      const pending = [];
      chainedUpdates.set(inst, pending);
      try {
        for (let round = keys; round.length > 0; round = pending.splice(0, pending.length)) {
          runObservers(inst, def, round);
        }
      } finally {
        chainedUpdates.delete(inst);
      }
    }
    // what the view gets is the data once the observers ran: a setData of theirs on the same field (WeUI's action
    // sheet wraps its flat `actions` in its property observer) was sent first and must not be overwritten
    const view = {};
    let viewed = false;
    keys.forEach(function (k, i) {
      if (!pureKey(def, k)) { view[k] = valueAt(inst.data, paths[i]); viewed = true; }
    });
    const json = inst.__rendered__ && viewed ? JSON.stringify(view) : null;
    if (json === null || viewHasIt) {
      if (typeof callback === 'function') setTimeout(function () { guard(callback, inst, [], inst.is + ' setData callback'); }, 0);
      return;
    }
    if (json.length > MAX_SETDATA) {
      host.console('error', 'invokeWebviewMethod 数据传输长度为 ' + json.length + ' 已经超过最大长度 ' + MAX_SETDATA);
      return;
    }
    host.setComponentData(inst.__pageId__, inst.__id__, viewPayload(view, json), boundCallback(callback, inst));
    internals.dataChanged(inst.__pageId__);
  }

  /** The logic-layer data of the template that wrote a host: the page's (0) or an owner component's. */
  function ownerData(pageId, ownerId) {
    const owner = resolveInstance(pageId, ownerId);
    return owner ? owner.data : undefined;
  }

  /**
   * The properties a host element gives its component, as glass-easel passes them within the logic layer: each value
   * the view found in the owner's data (origins: {name: [{at, from}]}, 'at' a path inside the property's value,
   * 'from' a path in the owner's data) is taken from the owner's own data, so functions and other non-JSON values
   * survive; then each is simple-deep-copied (glass-easel's propertyPassingDeepCopy) and converted to its type.
   */
  function hostProperties(def, props, originsJson, data) {
    const origins = originsJson ? JSON.parse(originsJson) : {};
    for (const name of Object.keys(origins)) {
      if (!def.properties[name] || data === undefined) continue;
      for (const o of origins[name]) {
        const v = valueAt(data, o.from);
        if (v === undefined) continue;
        if (o.at.length === 0) props[name] = v;
        else if (props[name] !== null && typeof props[name] === 'object') setPath(props[name], o.at, v);
      }
    }
    const given = {};
    for (const name of Object.keys(props)) {
      if (def.properties[name]) given[name] = coerce(def.properties[name], simpleDeepCopy(props[name]));
    }
    return given;
  }

  function ownerOf(inst) {
    return inst.__owner__ === 0 ? internals.pageOf(inst.__pageId__) : instances.get(key(inst.__pageId__, inst.__owner__));
  }

  function resolveInstance(pageId, id) {
    return id === 0 ? internals.pageOf(pageId) : instances.get(key(pageId, id));
  }

  function exported(inst, caller) {
    if (!inst) return null;
    if (inst.__def__ && inst.__def__.exportFn) return guard(inst.__def__.exportFn, inst, [caller], inst.is + ' export');
    return inst;
  }

  /** this.selectComponent / selectAllComponents: hosts written by the caller's own template. */
  function select(pageId, id, selector, caller, all) {
    const ids = host.selectComponents(pageId, id, String(selector));
    if (ids === null || ids === undefined) {
      host.console('warn', 'Invalid selector "' + selector + '" for selectComponent');
      return all ? [] : null;
    }
    const found = JSON.parse(ids).map(function (n) { return exported(instances.get(key(pageId, n)), caller); }).filter(function (x) { return x !== null && x !== undefined; });
    return all ? found : found.length > 0 ? found[0] : null;
  }

  /** Runs the handlers an event reached (computed by the view), with the event's detail passed by reference. */
  function deliver(pageId, calls, detail) {
    for (const c of calls) {
      const target = resolveInstance(pageId, c.instance);
      if (!target) continue;
      const event = c.event;
      event.detail = detail;
      callMethod(target, c.handler, event);
    }
  }

  /** Calls a handler named in WXML on a page or component; a missing one is warned about as WeChat does. */
  function callMethod(target, name, event) {
    const fn = target[name];
    if (typeof fn !== 'function') {
      host.console('warn', 'Component "' + (target.is || target.route) + '" does not have a method "' + name + '" to handle event "' + event.type + '".');
      return undefined;
    }
    try {
      return fn.call(target, event);
    } catch (e) {
      reportError(e, (target.is || target.route) + ' ' + name);
      if (target.__def__) for (const h of target.__def__.lifetimes.error) guard(h, target, [e], target.is + ' error');
      return undefined;
    }
  }

  const instanceProto = {
    setData: function (data, callback) { applyData(this, data, callback); },
    triggerEvent: function (name, detail, options) {
      const o = options || {};
      const calls = host.componentEvent(this.__pageId__, this.__id__, String(name), !!o.bubbles, !!o.composed, !!o.capturePhase);
      deliver(this.__pageId__, JSON.parse(calls), detail === undefined ? {} : detail);
    },
    selectComponent: function (selector) { return select(this.__pageId__, this.__id__, selector, this, false); },
    selectAllComponents: function (selector) { return select(this.__pageId__, this.__id__, selector, this, true); },
    selectOwnerComponent: function () { return ownerOf(this) || null; },
    createSelectorQuery: function () { return internals.createSelectorQuery(this.__pageId__, this.__id__); },
    getRelationNodes: function (relKey) { return relationNodes(this, String(relKey)); },
    hasBehavior: function (b) { return this.__def__.behaviors.has(b) || this.__def__.builtins.has(b); },
    getPageId: function () { return 'pageId:' + this.__pageId__; },
    getTabBar: function () { return instances.get(key(this.__pageId__, TAB_BAR)) || null; },
    groupSetData: function (fn) { if (typeof fn === 'function') fn.call(this); },
    animate: function () { internals.animate(this, arguments); },
    clearAnimation: function () { internals.clearAnimation(this, arguments); },
    createIntersectionObserver: function (options) { return internals.createIntersectionObserver(this, options); },
    createMediaQueryObserver: function () { return internals.createMediaQueryObserver(this); },
    setUpdatePerformanceListener: function () {},
    /** The rendering backend components are written against (weui's slideview reads it in created). */
    renderer: 'webview'
  };

  function run(inst, hooks, args, what) {
    for (const fn of hooks) guard(fn, inst, args || [], inst.is + ' ' + what);
  }

  function pageInstances(pageId) {
    const prefix = pageId + ':';
    const out = [];
    for (const [k, v] of instances) if (k.startsWith(prefix)) out.push(v);
    return out;
  }

  /** Post-order over the owner tree: an instance's components are ready before it. */
  function readyOrder(list) {
    const out = [];
    const byOwner = new Map();
    for (const inst of list) {
      const o = inst.__owner__;
      if (!byOwner.has(o)) byOwner.set(o, []);
      byOwner.get(o).push(inst);
    }
    (function visit(owner) {
      for (const inst of byOwner.get(owner) || []) { visit(inst.__id__); out.push(inst); }
    })(0);
    return out;
  }

  // ---- Component() as a page ------------------------------------------------------------------------------
  /**
   * Makes {@code page} (the page object, id 0 of its page) a component built from {@code options}, as WeChat does
   * for a page file that calls Component(): behaviors, data and property defaults, methods (page hooks and handlers
   * among them), observers on setData, the query's values for properties of those names; created and attached run
   * here, the rest through pageLifetime.
   */
  function setUpPage(page, route, options, query) {
    const o = options && typeof options === 'object' ? options : {};
    filterDefinition(o, route);
    const def = normalize(route, o);
    for (const name of Object.keys(def.methods)) page[name] = def.methods[name];
    const data = simpleDeepCopy(def.data);
    for (const name of Object.keys(def.properties)) {
      const p = def.properties[name];
      if (!(name in data)) data[name] = p.value !== undefined ? simpleDeepCopy(p.value) : defaultFor(p.type);
    }
    Object.defineProperty(page, '__def__', { value: def });
    Object.defineProperty(page, '__id__', { value: 0 });
    Object.defineProperty(page, '__owner__', { value: 0 });
    Object.defineProperty(page, '__rendered__', { value: false, writable: true });
    Object.defineProperty(page, '__links__', { value: new Map() });
    page.data = data;
    page.properties = data;
    page.setData = instanceProto.setData;
    page.hasBehavior = instanceProto.hasBehavior;
    page.triggerEvent = function () {};
    page.selectOwnerComponent = function () { return null; };
    const defaults = {};
    for (const name of Object.keys(query || {})) {
      if (def.properties[name]) { defaults[name] = data[name]; data[name] = coerce(def.properties[name], query[name]); }
    }
    run(page, def.lifetimes.created, [], 'created');
    const now = {};
    for (const name of Object.keys(defaults)) { now[name] = data[name]; data[name] = defaults[name]; }
    if (Object.keys(now).length > 0) applyData(page, now, undefined, true);
    run(page, def.lifetimes.attached, [], 'attached');
    page.__rendered__ = true;
  }

  /** A page hook reaching a Component()-built page: its lifetimes and pageLifetimes of the same moment. */
  function pageLifetime(page, name, arg) {
    const def = page.__def__;
    if (name === 'onShow') run(page, def.pageLifetimes.show, [], 'pageLifetimes.show');
    else if (name === 'onHide') run(page, def.pageLifetimes.hide, [], 'pageLifetimes.hide');
    else if (name === 'onResize') run(page, def.pageLifetimes.resize, [arg], 'pageLifetimes.resize');
    else if (name === 'onRouteDone') run(page, def.pageLifetimes.routeDone, [], 'pageLifetimes.routeDone');
    else if (name === 'onReady') run(page, def.lifetimes.ready, [], 'ready');
    else if (name === 'onUnload') run(page, def.lifetimes.detached, [], 'detached');
  }

  /**
   * A new instance of the component at {@code path}, its created not run yet: returns the data its template renders.
   * As in glass-easel, the view renders that template (child components included) before created runs (runCreated).
   */
  function create(pageId, id, ownerId, path, propsJson, hostJson, origins) {
    const def = defs.get(path);
    if (!def) return null;
    const inst = Object.create(instanceProto);
    for (const name of Object.keys(def.methods)) inst[name] = def.methods[name];
    const data = simpleDeepCopy(def.data);
    for (const name of Object.keys(def.properties)) {
      const p = def.properties[name];
      if (!(name in data)) data[name] = p.value !== undefined ? simpleDeepCopy(p.value) : defaultFor(p.type);
    }
    const info = JSON.parse(hostJson);
    Object.defineProperty(inst, '__pageId__', { value: pageId });
    Object.defineProperty(inst, '__id__', { value: id });
    Object.defineProperty(inst, '__owner__', { value: ownerId });
    Object.defineProperty(inst, '__def__', { value: def });
    Object.defineProperty(inst, '__rendered__', { value: false, writable: true });
    Object.defineProperty(inst, '__ready__', { value: false, writable: true });
    Object.defineProperty(inst, '__links__', { value: new Map() });
    inst.is = path;
    inst.id = info.id;
    inst.dataset = info.dataset;
    inst.data = data;
    inst.properties = data;
    instances.set(key(pageId, id), inst);
    const given = hostProperties(def, JSON.parse(propsJson), origins, ownerData(pageId, ownerId));
    // The host's values are in this.data when created runs (as in WeChat, where Vant's picker-column reads its
    // initialOptions there; glass-easel's propertyEarlyInit) and in the first render; their observers run when
    // the instance attaches.
    const defaults = {};
    for (const name of Object.keys(given)) { defaults[name] = inst.data[name]; inst.data[name] = given[name]; }
    const initial = Object.keys(given).length > 0 ? { names: Object.keys(given), defaults: defaults } : null;
    Object.defineProperty(inst, '__initial__', { value: initial, writable: true });
    Object.defineProperty(inst, '__created__', { value: false, writable: true });
    inst.__rendered__ = true;
    return viewJson(inst);
  }

  /** The created lifetime, once: its template is in the view, so selectComponent finds its own components. */
  function runCreated(pageId, id) {
    const inst = instances.get(key(pageId, id));
    if (!inst || inst.__created__) return;
    inst.__created__ = true;
    run(inst, inst.__def__.lifetimes.created, [], 'created');
  }

  /** The data a component's template renders from (pure data left out), as JSON. */
  function viewJson(inst) {
    const view = {};
    for (const k of Object.keys(inst.data)) if (!pureKey(inst.__def__, k)) view[k] = inst.data[k];
    return JSON.stringify(view, function (k, v) { return typeof v === 'function' ? undefined : v; });
  }

  /** The instance entered the tree: the host's values reach its observers, then attached (ready once the page is). */
  function attach(pageId, id, pageReady) {
    const inst = instances.get(key(pageId, id));
    if (!inst) return;
    const initial = inst.__initial__;
    if (initial) {
      // observers see the host's values arrive over the defaults (whatever created made of them stays)
      inst.__initial__ = null;
      const now = {};
      for (const name of initial.names) { now[name] = inst.data[name]; inst.data[name] = initial.defaults[name]; }
      applyData(inst, now, undefined, true);
    }
    run(inst, inst.__def__.lifetimes.attached, [], 'attached');
    linkRelations(inst);
    if (pageReady) {
      setTimeout(function () {
        if (instances.get(key(pageId, id)) === inst && !inst.__ready__) { inst.__ready__ = true; run(inst, inst.__def__.lifetimes.ready, [], 'ready'); }
      }, 0);
    }
  }

  return {
    TAB_BAR: TAB_BAR,
    /** Creates and attaches the page's own custom-tab-bar/index instance (its .js evaluated once). */
    createTabBar: function (pageId, loadModule) {
      const problem = this.load(TAB_BAR_PATH, loadModule);
      if (problem !== null) host.console('error', problem);
      create(pageId, TAB_BAR, 0, TAB_BAR_PATH, '{}', '{"id":"","dataset":{}}', null);
      runCreated(pageId, TAB_BAR);
      attach(pageId, TAB_BAR, false);
    },
    tabBar: function (pageId) { return instances.get(key(pageId, TAB_BAR)) || null; },
    setUpPage: setUpPage,
    pageLifetime: pageLifetime,
    Behavior: Behavior,
    loading: function () { return loadingPath !== null; },
    register: register,
    /** Evaluates a component's .js (once); returns null, or why it has no definition. */
    load: function (path, loadModule) {
      if (defs.has(path)) return null;
      loadingPath = path;
      try {
        loadModule(path + '.js');
      } catch (e) {
        reportError(e, 'load ' + path + '.js');
      } finally {
        loadingPath = null;
      }
      if (defs.has(path)) return null;
      const asPage = internals.componentPage(path);
      if (asPage !== null) {
        // the file ran earlier as a page (app.json lists it) and called Component() then: one module, one definition
        loadingPath = path;
        register(asPage);
        loadingPath = null;
        return null;
      }
      defs.set(path, normalize(path, {}));
      return 'Component "' + path + '" has not been registered yet.';
    },
    /** What a component file loaded earlier passed to Component() (a page listed at its path), or null. */
    given: function (path) { return given.get(path) || null; },
    /** Options the view needs: slots, style isolation, external classes. */
    options: function (path) {
      const def = defs.get(path);
      if (!def) return null;
      const o = def.options;
      return JSON.stringify({
        multipleSlots: !!o.multipleSlots,
        virtualHost: !!o.virtualHost,
        styleIsolation: o.styleIsolation || (o.addGlobalClass ? 'apply-shared' : ''),
        externalClasses: def.externalClasses,
        builtinBehaviors: Array.from(def.builtins)
      });
    },
    create: function (pageId, id, ownerId, path, propsJson, hostJson, origins) {
      const bar = id === TAB_BAR ? instances.get(key(pageId, id)) : undefined;
      return bar ? viewJson(bar) : create(pageId, id, ownerId, path, propsJson, hostJson, origins);
    },
    created: runCreated,
    attached: function (pageId, id, pageReady) { if (id !== TAB_BAR) attach(pageId, id, pageReady); },
    properties: function (pageId, id, json, origins) {
      const inst = instances.get(key(pageId, id));
      if (!inst) return;
      const props = JSON.parse(json);
      const sent = Object.keys(props);
      const owner = ownerData(pageId, inst.__owner__);
      // an object literal holding functions whose JSON stayed: passed on again (as the view has it, the functions
      // put back) when one of them is another function
      const from = origins ? JSON.parse(origins) : {};
      for (const name of Object.keys(from)) {
        const cur = inst.data[name];
        if (sent.indexOf(name) >= 0 || owner === undefined || cur === null || typeof cur !== 'object') continue;
        const swapped = from[name].some(function (o) {
          return o.at.length > 0 && valueAt(owner, o.from) !== valueAt(cur, o.at);
        });
        if (swapped) props[name] = JSON.parse(JSON.stringify(cur));
      }
      const given = hostProperties(inst.__def__, props, origins, owner);
      // a function the view could not compare: passed on only when it is another one (glass-easel's !==)
      for (const name of Object.keys(given)) {
        if (sent.indexOf(name) < 0 && given[name] === inst.data[name]) delete given[name];
      }
      if (Object.keys(given).length > 0) applyData(inst, given);
    },
    /** The instance moved among its siblings (a keyed list reordered): moved, then its relations re-linked. */
    moved: function (pageId, id) {
      const inst = instances.get(key(pageId, id));
      if (!inst) return;
      run(inst, inst.__def__.lifetimes.moved, [], 'moved');
      linkRelations(inst);
    },
    detached: function (pageId, id) {
      const inst = instances.get(key(pageId, id));
      if (!inst) return;
      instances.delete(key(pageId, id));
      run(inst, inst.__def__.lifetimes.detached, [], 'detached');
      unlinkRelations(inst);
    },
    /** Page hooks reach the page's components: show/hide as pageLifetimes, onReady as ready (components first). */
    pageHook: function (pageId, name, arg) {
      if (name === 'onShow' || name === 'onHide') {
        const which = name === 'onShow' ? 'show' : 'hide';
        for (const inst of pageInstances(pageId)) run(inst, inst.__def__.pageLifetimes[which], [], 'pageLifetimes.' + which);
      } else if (name === 'onResize') {
        for (const inst of pageInstances(pageId)) run(inst, inst.__def__.pageLifetimes.resize, [arg], 'pageLifetimes.resize');
      } else if (name === 'onRouteDone') {
        for (const inst of pageInstances(pageId)) run(inst, inst.__def__.pageLifetimes.routeDone, [], 'pageLifetimes.routeDone');
      } else if (name === 'onReady') {
        for (const inst of readyOrder(pageInstances(pageId))) {
          if (!inst.__ready__) { inst.__ready__ = true; run(inst, inst.__def__.lifetimes.ready, [], 'ready'); }
        }
      }
    },
    instance: function (pageId, id) { return resolveInstance(pageId, id); },
    select: select,
    callMethod: callMethod,
    data: function (pageId, id) { const inst = instances.get(key(pageId, id)); return inst ? JSON.stringify(inst.data) : null; }
  };
})
