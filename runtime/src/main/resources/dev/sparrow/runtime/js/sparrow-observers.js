// Sparrow's layout observers in the logic layer: IntersectionObserver (wx.createIntersectionObserver,
// this.createIntersectionObserver) and MediaQueryObserver (wx.createMediaQueryObserver,
// this.createMediaQueryObserver). Layout comes from the screen that shows the page (the simulator's browser, through
// the same measure round trip as SelectorQuery), looked at again after each setData, page scroll and resize.
// Headless there is no layout: every observed element intersects its root fully, once, when observed
// (docs/decisions.md). Evaluated once per session; sparrow-base.js calls this factory with its internals.
(function (internals) {
  'use strict';
  const host = internals.host;
  const guard = internals.guard;
  const apiObject = internals.apiObject;
  const later = internals.setTimeout;
  const windowInfo = internals.windowInfo;

  /** Live observers by page id: intersection observers and media query observers. */
  const live = new Map();
  function liveOf(pageId) {
    let l = live.get(pageId);
    if (!l) { l = { intersection: new Set(), media: new Set(), measuring: false, again: false }; live.set(pageId, l); }
    return l;
  }

  // ---- IntersectionObserver ------------------------------------------------------------------------------------
  function IntersectionObserver(pageId, instance, options) {
    const o = options !== null && typeof options === 'object' ? options : {};
    const isNumber = function (t) { return typeof t === 'number'; };
    const thresholds = Array.isArray(o.thresholds) ? o.thresholds.filter(isNumber) : [0];
    Object.defineProperty(this, '__state', {
      value: {
        page: pageId, instance: instance, thresholds: thresholds.length ? thresholds : [0],
        initialRatio: typeof o.initialRatio === 'number' ? o.initialRatio : 0, observeAll: !!o.observeAll,
        relative: null, targets: [], waiting: [], connected: true
      }
    });
    apiObject(this);
  }
  function margins(m) {
    const o = m !== null && typeof m === 'object' ? m : {};
    const n = function (v) { return typeof v === 'number' ? v : 0; };
    return { left: n(o.left), right: n(o.right), top: n(o.top), bottom: n(o.bottom) };
  }
  IntersectionObserver.prototype.relativeTo = function (selector, m) {
    this.__state.relative = { selector: String(selector), margins: margins(m) };
    return this;
  };
  IntersectionObserver.prototype.relativeToViewport = function (m) {
    this.__state.relative = { selector: null, margins: margins(m) };
    return this;
  };
  IntersectionObserver.prototype.observe = function (selector, callback) {
    const s = this.__state;
    if (!s.connected || typeof callback !== 'function') return;
    if (host.queryNodes(s.page, s.instance, String(selector)) === null) {
      throw new Error('IntersectionObserver: bad selector "' + selector + '"');
    }
    const watch = { selector: String(selector), callback: callback };
    if (!resolve(s, watch)) s.waiting.push(watch);
    if (!s.relative) s.relative = { selector: null, margins: margins(null) };
    liveOf(s.page).intersection.add(this);
    changed(s.page);
  };
  /**
   * Adds the elements `watch.selector` finds as targets; false when it finds none yet. A selector that matched
   * nothing is tried again at each later check until it does (a component's content that renders later, as Vant's
   * calendar months inside its popup), which WeChat's asynchronous observe sees already rendered.
   */
  function resolve(s, watch) {
    const json = host.queryNodes(s.page, s.instance, watch.selector);
    const found = json ? JSON.parse(json) : [];
    for (const n of s.observeAll ? found : found.slice(0, 1)) {
      s.targets.push({ node: n, callback: watch.callback, ratio: s.initialRatio, seen: false });
    }
    return found.length > 0;
  }
  IntersectionObserver.prototype.disconnect = function () {
    const s = this.__state;
    s.connected = false;
    s.targets = [];
    s.waiting = [];
    const l = live.get(s.page);
    if (l) l.intersection.delete(this);
  };

  const ZERO = { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 };
  function rect(b) {
    return { left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width, height: b.height };
  }
  function windowRect() {
    const w = windowInfo();
    const width = w.windowWidth;
    const height = w.windowHeight;
    return { left: 0, top: 0, right: width, bottom: height, width: width, height: height };
  }
  /** The bucket a ratio falls in: how many thresholds it has reached (0 counts once anything intersects). */
  function bucket(thresholds, ratio, intersecting) {
    let b = 0;
    for (const t of thresholds) if (t === 0 ? intersecting : ratio >= t) b++;
    return b;
  }
  function report(s, target, ratio, box, inter, root, intersecting) {
    const was = bucket(s.thresholds, target.ratio, target.ratio > 0);
    const now = bucket(s.thresholds, ratio, intersecting);
    target.ratio = ratio;
    if (was === now) return;
    const result = {
      id: target.node.id, dataset: target.node.dataset, intersectionRatio: ratio, intersectionRect: inter,
      boundingClientRect: box, relativeRect: { left: root.left, right: root.right, top: root.top, bottom: root.bottom },
      time: Date.now()
    };
    guard(target.callback, undefined, [result], 'IntersectionObserver');
  }
  /** One observer against a layout (null headless: each target reported once, fully intersecting). */
  function evaluate(s, layout, relativeBox) {
    const m = s.relative.margins;
    const base = relativeBox || (layout && layout.viewport ? rect(layout.viewport) : windowRect());
    const root = {
      left: base.left - m.left, right: base.right + m.right, top: base.top - m.top, bottom: base.bottom + m.bottom
    };
    for (const t of s.targets.slice()) {
      if (!layout) {
        if (t.seen) continue;
        t.seen = true;
        report(s, t, 1, rect(ZERO), rect(ZERO), root, true);
        continue;
      }
      const b = layout.nodes[t.node.nodeId];
      if (!b) continue;
      const box = rect(b);
      const left = Math.max(box.left, root.left);
      const right = Math.min(box.right, root.right);
      const top = Math.max(box.top, root.top);
      const bottom = Math.min(box.bottom, root.bottom);
      const overlaps = right >= left && bottom >= top;
      const inter = overlaps ? rect({ left: left, right: right, top: top, bottom: bottom, width: right - left,
        height: bottom - top }) : rect(ZERO);
      const area = box.width * box.height;
      const ratio = area > 0 ? (inter.width * inter.height) / area : (overlaps ? 1 : 0);
      // touching edges is not intersecting (a lazy list must hear about it once pixels of it show)
      report(s, t, ratio, box, inter, root, ratio > 0);
    }
  }
  /** Looks at the page's observers again (after observe, setData, scroll, resize); one measure at a time. */
  function changed(pageId) {
    const l = live.get(pageId);
    if (!l || l.intersection.size === 0) return;
    if (l.measuring) { l.again = true; return; }
    l.measuring = true;
    const observers = Array.from(l.intersection);
    const nodes = [];
    const relatives = new Map();
    for (const o of observers) {
      const s = o.__state;
      if (s.waiting.length) s.waiting = s.waiting.filter(function (w) { return !resolve(s, w); });
      for (const t of s.targets) nodes.push(t.node.nodeId);
      if (s.relative.selector !== null && !relatives.has(o)) {
        const json = host.queryNodes(s.page, s.instance, s.relative.selector);
        const found = json ? JSON.parse(json) : [];
        relatives.set(o, found.length ? found[0].nodeId : -1);
        if (found.length) nodes.push(found[0].nodeId);
      }
    }
    host.measure(pageId, JSON.stringify({ nodes: nodes, viewport: true }), function (json) {
      l.measuring = false;
      const layout = json ? JSON.parse(json) : null;
      for (const o of observers) {
        const s = o.__state;
        if (!s.connected) continue;
        const rel = relatives.get(o);
        let relBox = null;
        if (rel !== undefined) relBox = layout && layout.nodes[rel] ? rect(layout.nodes[rel]) : rect(ZERO);
        evaluate(s, layout, relBox);
      }
      if (l.again) { l.again = false; changed(pageId); }
    });
  }

  // ---- MediaQueryObserver ----------------------------------------------------------------------------------------
  function MediaQueryObserver(pageId) {
    Object.defineProperty(this, '__state', { value: { page: pageId, watches: [], connected: true } });
    apiObject(this);
  }
  function matches(d) {
    const w = windowInfo();
    const width = w.windowWidth;
    const height = w.windowHeight;
    const num = function (v) { return typeof v === 'number'; };
    if (num(d.minWidth) && width < d.minWidth) return false;
    if (num(d.maxWidth) && width > d.maxWidth) return false;
    if (num(d.width) && width !== d.width) return false;
    if (num(d.minHeight) && height < d.minHeight) return false;
    if (num(d.maxHeight) && height > d.maxHeight) return false;
    if (num(d.height) && height !== d.height) return false;
    if (d.orientation === 'landscape' && !(width > height)) return false;
    if (d.orientation === 'portrait' && width > height) return false;
    return true;
  }
  /** Calls back once with the current answer, then whenever it changes (the window resizes). */
  MediaQueryObserver.prototype.observe = function (descriptor, callback) {
    const s = this.__state;
    if (!s.connected || typeof callback !== 'function') return;
    const d = descriptor !== null && typeof descriptor === 'object' ? descriptor : {};
    const watch = { descriptor: d, callback: callback, matches: null };
    s.watches.push(watch);
    liveOf(s.page).media.add(this);
    later(function () { check(watch); }, 0);
  };
  MediaQueryObserver.prototype.disconnect = function () {
    const s = this.__state;
    s.connected = false;
    s.watches = [];
    const l = live.get(s.page);
    if (l) l.media.delete(this);
  };
  function check(watch) {
    const m = matches(watch.descriptor);
    if (m === watch.matches) return;
    watch.matches = m;
    guard(watch.callback, undefined, [{ matches: m }], 'MediaQueryObserver');
  }

  return {
    createIntersectionObserver: function (pageId, instance, options) {
      return new IntersectionObserver(pageId, instance, options);
    },
    createMediaQueryObserver: function (pageId) { return new MediaQueryObserver(pageId); },
    /** The page's layout may have changed (setData, scroll). */
    changed: changed,
    /** The window resized: media queries and intersections are looked at again. */
    resized: function (pageId) {
      const l = live.get(pageId);
      if (!l) return;
      for (const o of l.media) for (const w of o.__state.watches) check(w);
      changed(pageId);
    },
    /** The page is gone: its observers stop. */
    closed: function (pageId) { live.delete(pageId); }
  };
});
