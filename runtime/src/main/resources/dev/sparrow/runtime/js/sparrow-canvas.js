// Sparrow's canvas objects in the logic layer: the <canvas type="2d"> node and its CanvasRenderingContext2D,
// OffscreenCanvas, Image, ImageData, Path2D, CanvasGradient/CanvasPattern, and the legacy CanvasContext
// (wx.createCanvasContext). Drawing calls are recorded as JSON commands (dev.sparrow.apis.canvas.CanvasCommands)
// and handed to the host in batches: at the end of the current job, or at once when page code reads pixels.
// The objects are the bridge's instances (CanvasApis registers them), so they are API objects like any other;
// their JS-side state (the recorded batch, attribute values for getters) sits under a symbol.
// Evaluated once per session; sparrow-base.js calls this factory with its internals. Loop thread only.
(function (internals) {
  'use strict';
  const bridge = internals.bridge;
  const guard = internals.guard;
  const protoOf = internals.protoOf;
  const wx = internals.wx;
  const STATE = Symbol('canvas');
  const TAU = Math.PI * 2;

  /** A hidden host entry: its value, or undefined when it refused (never an exception into page code). */
  function host(key, id, args) {
    const r = bridge.invokeSync(key, id, args);
    return r.error === undefined ? r.value : undefined;
  }
  function num(v) { return typeof v === 'number' ? v : Number(v); }
  function finite() { for (let i = 0; i < arguments.length; i++) if (!Number.isFinite(arguments[i])) return false; return true; }
  function uint(v) { const n = Math.floor(num(v)); return Number.isFinite(n) && n >= 0 ? Math.min(n, 2147483647) : 0; }

  const styleCache = new Map();
  /** A colour or font as the canvas reports it once set, or null when it is not one (the set is ignored). */
  function style(kind, value) {
    const key = kind + ':' + value;
    if (styleCache.has(key)) return styleCache.get(key);
    const out = host('canvasStyle', 0, [kind, String(value)]);
    const v = out === undefined ? null : out;
    if (styleCache.size < 4096) styleCache.set(key, v);
    return v;
  }

  // ---- batches ----------------------------------------------------------------------------------------
  const pending = [];
  let scheduled = false;
  function record(s, cmd) {
    s.cmds.push(cmd);
    if (!s.queued) {
      s.queued = true;
      pending.push(s);
      if (!scheduled) { scheduled = true; Promise.resolve().then(flushAll); }
    }
    if (s.cmds.length >= 20000) flushAll();
  }
  /** Hands every recorded batch to the host, in the order the canvases were first drawn on. */
  function flushAll() {
    scheduled = false;
    const list = pending.splice(0);
    for (const s of list) {
      s.queued = false;
      if (!s.cmds.length) continue;
      const batch = JSON.stringify(s.cmds);
      s.cmds = [];
      host('Canvas.flush', s.id, [batch]);
    }
  }

  // ---- drawing state mirrored for getters (the host keeps the real one) --------------------------------
  const ENUMS = {
    lineCap: ['butt', 'round', 'square'],
    lineJoin: ['miter', 'round', 'bevel'],
    textAlign: ['start', 'end', 'left', 'right', 'center'],
    textBaseline: ['top', 'hanging', 'middle', 'alphabetic', 'ideographic', 'bottom'],
    direction: ['ltr', 'rtl', 'inherit'],
    globalCompositeOperation: ['source-over', 'source-in', 'source-out', 'source-atop', 'destination-over',
      'destination-in', 'destination-out', 'destination-atop', 'lighter', 'copy', 'xor', 'multiply', 'screen',
      'overlay', 'darken', 'lighten', 'color-dodge', 'color-burn', 'hard-light', 'soft-light', 'difference',
      'exclusion', 'hue', 'saturation', 'color', 'luminosity'],
    imageSmoothingQuality: ['low', 'medium', 'high']
  };
  function defaults() {
    return {
      fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', miterLimit: 10,
      lineDashOffset: 0, font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', direction: 'ltr',
      globalAlpha: 1, globalCompositeOperation: 'source-over', shadowBlur: 0, shadowColor: 'rgba(0, 0, 0, 0)',
      shadowOffsetX: 0, shadowOffsetY: 0, imageSmoothingEnabled: true, imageSmoothingQuality: 'low',
      filter: 'none', letterSpacing: '0px', dash: [], matrix: [1, 0, 0, 1, 0, 0]
    };
  }
  function copyState(m) { const c = Object.assign({}, m); c.dash = m.dash.slice(); c.matrix = m.matrix.slice(); return c; }

  /** Validates an attribute as browsers do; returns [the value to record, the value getters report] or null. */
  function accept(name, v) {
    switch (name) {
      case 'fillStyle': case 'strokeStyle':
        if (v instanceof CanvasGradient) return [v.toJSON(), v];
        if (v instanceof CanvasPattern) return v.ref ? [v.toJSON(), v] : null;
        { const c = style('color', v); return c === null ? null : [c, c]; }
      case 'shadowColor': { const c = style('color', v); return c === null ? null : [c, c]; }
      case 'font': { const f = style('font', v); return f === null ? null : [f, f]; }
      case 'lineWidth': case 'miterLimit': { const n = num(v); return n > 0 && Number.isFinite(n) ? [n, n] : null; }
      case 'shadowBlur': { const n = num(v); return n >= 0 && Number.isFinite(n) ? [n, n] : null; }
      case 'globalAlpha': { const n = num(v); return n >= 0 && n <= 1 ? [n, n] : null; }
      case 'lineDashOffset': case 'shadowOffsetX': case 'shadowOffsetY': { const n = num(v); return Number.isFinite(n) ? [n, n] : null; }
      case 'imageSmoothingEnabled': return [!!v, !!v];
      default: {
        const allowed = ENUMS[name];
        if (allowed) { const s = String(v); return allowed.indexOf(s) >= 0 ? [s, s] : null; }
        return null;
      }
    }
  }
  const ATTRIBUTES = ['fillStyle', 'strokeStyle', 'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'lineDashOffset',
    'font', 'textAlign', 'textBaseline', 'direction', 'globalAlpha', 'globalCompositeOperation', 'shadowBlur',
    'shadowColor', 'shadowOffsetX', 'shadowOffsetY', 'imageSmoothingEnabled', 'imageSmoothingQuality'];

  // ---- values page code makes ----------------------------------------------------------------------------
  function CanvasGradient(kind, coords) {
    Object.defineProperty(this, '__kind', { value: kind });
    Object.defineProperty(this, '__coords', { value: coords });
    Object.defineProperty(this, '__stops', { value: [] });
  }
  CanvasGradient.prototype.addColorStop = function (offset, color) {
    const o = num(offset);
    const c = style('color', color);
    if (o >= 0 && o <= 1 && c !== null) this.__stops.push([o, c]);
  };
  CanvasGradient.prototype.toJSON = function () {
    const out = { stops: this.__stops.slice() };
    out[this.__kind] = this.__coords;
    return out;
  };
  function CanvasPattern(ref, repetition) {
    Object.defineProperty(this, 'ref', { value: ref });
    Object.defineProperty(this, 'repetition', { value: repetition });
  }
  CanvasPattern.prototype.toJSON = function () { return { pattern: this.ref, repetition: this.repetition }; };
  CanvasPattern.prototype.setTransform = function () {};

  function ImageData(data, width, height) {
    this.width = width;
    this.height = height;
    this.data = data;
  }
  function imageData(a, b, c) {
    if (a instanceof Uint8ClampedArray) {
      const w = uint(b);
      const h = c === undefined ? (w ? Math.floor(a.length / 4 / w) : 0) : uint(c);
      return new ImageData(a, w, h);
    }
    if (a && typeof a === 'object' && 'width' in a) return new ImageData(new Uint8ClampedArray(uint(a.width) * uint(a.height) * 4), uint(a.width), uint(a.height));
    const w = Math.abs(Math.floor(num(a))) || 0;
    const h = Math.abs(Math.floor(num(b))) || 0;
    return new ImageData(new Uint8ClampedArray(w * h * 4), w, h);
  }

  /** Path2D: its calls, replayed in user space wherever it is filled, stroked or clipped. */
  function Path2D(path) {
    Object.defineProperty(this, '__cmds', { value: path instanceof Path2D ? path.__cmds.slice() : [] });
  }
  const PATH_METHODS = ['closePath', 'moveTo', 'lineTo', 'quadraticCurveTo', 'bezierCurveTo', 'arc', 'arcTo',
    'ellipse', 'rect', 'roundRect'];
  for (const m of PATH_METHODS) {
    Path2D.prototype[m] = function () { this.__cmds.push([m].concat(Array.prototype.slice.call(arguments))); };
  }
  Path2D.prototype.addPath = function (path) { if (path instanceof Path2D) for (const c of path.__cmds) this.__cmds.push(c); };

  // ---- canvases (the <canvas type="2d"> node, OffscreenCanvas) --------------------------------------------
  /** The JS-side state of a canvas and its context; `d` is the host's description (canvas, context, id, size). */
  function surface(d, type) {
    const canvas = d.canvas;
    if (canvas[STATE]) return canvas[STATE];
    const s = { id: d.id, canvas: canvas, ctx: d.context, width: d.width, height: d.height, type: type, cmds: [],
      queued: false, m: defaults(), stack: [], frames: new Map() };
    Object.defineProperty(canvas, STATE, { value: s });
    Object.defineProperty(d.context, STATE, { value: s });
    return s;
  }
  function stateOf(obj) { return obj && typeof obj === 'object' ? obj[STATE] : undefined; }

  function canvasProto(proto) {
    Object.defineProperty(proto, 'width', {
      enumerable: true,
      get: function () { const s = stateOf(this); return s ? s.width : 0; },
      set: function (v) { const s = stateOf(this); if (s) resize(s, uint(v), s.height); }
    });
    Object.defineProperty(proto, 'height', {
      enumerable: true,
      get: function () { const s = stateOf(this); return s ? s.height : 0; },
      set: function (v) { const s = stateOf(this); if (s) resize(s, s.width, uint(v)); }
    });
    proto.getContext = function (type) {
      const s = stateOf(this);
      return s && type === '2d' && s.type === '2d' ? s.ctx : null; // no WebGL: as on a device without it
    };
    proto.createImage = function () { return host('canvasImage', 0, []); };
    proto.createImageData = imageData;
    proto.createPath2D = function (path) { return new Path2D(path); };
    proto.requestAnimationFrame = function (cb) {
      if (typeof cb !== 'function') return 0;
      const s = stateOf(this);
      let id = 0;
      id = setTimeout(function () { if (s) s.frames.delete(id); guard(cb, undefined, [Date.now()], 'requestAnimationFrame'); }, 16);
      if (s) s.frames.set(id, true);
      return id;
    };
    proto.cancelAnimationFrame = function (id) { clearTimeout(id); const s = stateOf(this); if (s) s.frames.delete(id); };
    proto.toDataURL = function (type, quality) {
      const s = stateOf(this);
      if (!s) return 'data:,';
      flushAll();
      const out = host('Canvas.toDataURL', s.id, [type === undefined ? 'image/png' : String(type), quality === undefined ? 0.92 : num(quality)]);
      return out === undefined ? 'data:,' : out;
    };
  }
  function resize(s, w, h) {
    s.width = w;
    s.height = h;
    s.m = defaults();
    s.stack = [];
    record(s, ['size', w, h]);
  }

  // ---- the 2d context ----------------------------------------------------------------------------------
  function contextProto(proto) {
    Object.defineProperty(proto, 'canvas', { enumerable: true, get: function () { const s = stateOf(this); return s ? s.canvas : null; } });
    for (const name of ATTRIBUTES) {
      Object.defineProperty(proto, name, {
        enumerable: true,
        get: function () { const s = stateOf(this); return s ? s.m[name] : undefined; },
        set: function (v) {
          const s = stateOf(this);
          if (!s) return;
          const ok = accept(name, v);
          if (!ok) return;
          s.m[name] = ok[1];
          if (name !== 'imageSmoothingQuality') record(s, ['set', name, ok[0]]);
        }
      });
    }
    for (const name of ['filter', 'letterSpacing']) {
      Object.defineProperty(proto, name, {
        enumerable: true,
        get: function () { const s = stateOf(this); return s ? s.m[name] : undefined; },
        set: function (v) { const s = stateOf(this); if (s) s.m[name] = String(v); }
      });
    }
    const plain = ['beginPath', 'closePath', 'moveTo', 'lineTo', 'quadraticCurveTo', 'bezierCurveTo', 'arc', 'arcTo',
      'ellipse', 'rect', 'roundRect', 'fillRect', 'strokeRect', 'clearRect'];
    for (const m of plain) {
      proto[m] = function () {
        const s = stateOf(this);
        if (s) record(s, [m].concat(Array.prototype.slice.call(arguments)));
      };
    }
    proto.save = function () { const s = stateOf(this); if (!s) return; s.stack.push(copyState(s.m)); record(s, ['save']); };
    proto.restore = function () {
      const s = stateOf(this);
      if (!s) return;
      if (s.stack.length) s.m = s.stack.pop();
      record(s, ['restore']);
    };
    proto.reset = function () { const s = stateOf(this); if (!s) return; s.m = defaults(); s.stack = []; record(s, ['reset']); };
    proto.scale = function (x, y) { transformBy(this, 'scale', [x, y], [x, 0, 0, y, 0, 0]); };
    proto.rotate = function (a) { const c = Math.cos(a); const n = Math.sin(a); transformBy(this, 'rotate', [a], [c, n, -n, c, 0, 0]); };
    proto.translate = function (x, y) { transformBy(this, 'translate', [x, y], [1, 0, 0, 1, x, y]); };
    proto.transform = function (a, b, c, d, e, f) { transformBy(this, 'transform', [a, b, c, d, e, f], [a, b, c, d, e, f]); };
    proto.setTransform = function (a, b, c, d, e, f) {
      const s = stateOf(this);
      if (!s) return;
      const m = a && typeof a === 'object' ? [a.a, a.b, a.c, a.d, a.e, a.f] : a === undefined ? [1, 0, 0, 1, 0, 0] : [a, b, c, d, e, f];
      const n = m.map(num);
      if (!finite.apply(null, n)) return;
      s.m.matrix = n;
      record(s, ['setTransform'].concat(n));
    };
    proto.resetTransform = function () { this.setTransform(1, 0, 0, 1, 0, 0); };
    proto.getTransform = function () {
      const s = stateOf(this);
      const m = s ? s.m.matrix : [1, 0, 0, 1, 0, 0];
      return { a: m[0], b: m[1], c: m[2], d: m[3], e: m[4], f: m[5], is2D: true,
        isIdentity: m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0 };
    };
    proto.setLineDash = function (segments) {
      const s = stateOf(this);
      if (!s || !segments || typeof segments.length !== 'number') return;
      const list = Array.prototype.map.call(segments, num);
      if (list.some(function (d) { return !(d >= 0) || !Number.isFinite(d); })) return;
      s.m.dash = list.length % 2 ? list.concat(list) : list;
      record(s, ['setLineDash', list]);
    };
    proto.getLineDash = function () { const s = stateOf(this); return s ? s.m.dash.slice() : []; };
    for (const m of ['fill', 'stroke', 'clip']) {
      proto[m] = function (a, b) {
        const s = stateOf(this);
        if (!s) return;
        if (a instanceof Path2D) record(s, b === undefined ? [m, { path: a.__cmds }] : [m, { path: a.__cmds }, String(b)]);
        else record(s, a === undefined ? [m] : [m, String(a)]);
      };
    }
    for (const m of ['fillText', 'strokeText']) {
      proto[m] = function (text, x, y, maxWidth) {
        const s = stateOf(this);
        if (!s) return;
        record(s, maxWidth === undefined ? [m, String(text), x, y] : [m, String(text), x, y, maxWidth]);
      };
    }
    proto.measureText = function (text) {
      const s = stateOf(this);
      return measure(s ? s.m.font : '10px sans-serif', text);
    };
    proto.drawImage = function (image) {
      const s = stateOf(this);
      const ref = imageRef(image);
      if (!s || !ref) return;
      const args = Array.prototype.slice.call(arguments, 1);
      if (args.length !== 2 && args.length !== 4 && args.length !== 8) return;
      record(s, ['drawImage', ref].concat(args));
    };
    proto.createLinearGradient = function (x0, y0, x1, y1) { return new CanvasGradient('linear', [x0, y0, x1, y1].map(num)); };
    proto.createRadialGradient = function (x0, y0, r0, x1, y1, r1) { return new CanvasGradient('radial', [x0, y0, r0, x1, y1, r1].map(num)); };
    proto.createConicGradient = function (angle, x, y) { return new CanvasGradient('conic', [angle, x, y].map(num)); };
    proto.createPattern = function (image, repetition) {
      const ref = imageRef(image);
      const rep = repetition === undefined || repetition === null || repetition === '' ? 'repeat' : String(repetition);
      if (!ref || ['repeat', 'repeat-x', 'repeat-y', 'no-repeat'].indexOf(rep) < 0) return null;
      return new CanvasPattern(ref, rep);
    };
    proto.createImageData = imageData;
    proto.getImageData = function (x, y, w, h) {
      const s = stateOf(this);
      let sx = Math.floor(num(x)); let sy = Math.floor(num(y)); let sw = Math.floor(num(w)); let sh = Math.floor(num(h));
      if (!s || !finite(sx, sy, sw, sh)) return imageData(0, 0);
      if (sw < 0) { sx += sw; sw = -sw; }
      if (sh < 0) { sy += sh; sh = -sh; }
      flushAll();
      const bytes = host('Canvas.getImageData', s.id, [sx, sy, sw, sh]);
      return new ImageData(new Uint8ClampedArray(bytes || new ArrayBuffer(sw * sh * 4)), sw, sh);
    };
    proto.putImageData = function (data, dx, dy, dirtyX, dirtyY, dirtyW, dirtyH) {
      const s = stateOf(this);
      if (!s || !data || !data.data || !finite(num(dx), num(dy))) return;
      const bytes = data.data.buffer.slice(data.data.byteOffset, data.data.byteOffset + data.data.byteLength);
      const dirty = dirtyX === undefined ? [0, 0, data.width, data.height] : [dirtyX, dirtyY, dirtyW, dirtyH].map(num);
      flushAll();
      host('Canvas.putImageData', s.id, [bytes, uint(data.width), uint(data.height), Math.floor(num(dx)), Math.floor(num(dy))].concat(dirty.map(Math.floor)));
    };
    for (const m of ['isPointInPath', 'isPointInStroke']) {
      proto[m] = function (a) {
        const s = stateOf(this);
        if (!s) return false;
        const args = Array.prototype.slice.call(arguments);
        if (a instanceof Path2D) args[0] = { path: a.__cmds };
        flushAll(); // the current path is the host's
        return host('Canvas.hitTest', s.id, [JSON.stringify([m].concat(args))]) === true;
      };
    }
  }
  function transformBy(ctx, name, args, m) {
    const s = stateOf(ctx);
    if (!s) return;
    const n = m.map(num);
    if (!finite.apply(null, n)) return;
    const a = s.m.matrix;
    s.m.matrix = [a[0] * n[0] + a[2] * n[1], a[1] * n[0] + a[3] * n[1], a[0] * n[2] + a[2] * n[3], a[1] * n[2] + a[3] * n[3],
      a[0] * n[4] + a[2] * n[5] + a[4], a[1] * n[4] + a[3] * n[5] + a[5]];
    record(s, [name].concat(args));
  }
  function measure(font, text) {
    const m = host('canvasMeasureText', 0, [String(font), String(text)]);
    const v = typeof m === 'string' ? m.split(',').map(Number) : [0, 0, 0, 0, 0, 0, 0];
    return { width: v[0], actualBoundingBoxLeft: v[1], actualBoundingBoxRight: v[2], actualBoundingBoxAscent: v[3],
      actualBoundingBoxDescent: v[4], fontBoundingBoxAscent: v[5], fontBoundingBoxDescent: v[6] };
  }
  /** What drawImage and createPattern accept: a loaded Image, a canvas (its batches go first). */
  function imageRef(image) {
    if (!image || typeof image !== 'object') return null;
    const pic = image[PICTURE];
    if (pic) return pic.loaded ? { img: pic.id } : null;
    const s = stateOf(image);
    if (s && s.canvas === image) { flushAll(); return { canvas: s.id }; }
    return null;
  }

  // ---- Image (canvas.createImage()) ------------------------------------------------------------------
  const PICTURE = Symbol('picture');
  function pictureOf(img) {
    let p = img[PICTURE];
    if (!p) {
      p = { id: img.__sparrowId__, src: '', width: 0, height: 0, loaded: false, generation: 0 };
      Object.defineProperty(img, PICTURE, { value: p });
    }
    return p;
  }
  function imageProto(proto) {
    Object.defineProperty(proto, 'src', {
      enumerable: true,
      get: function () { return pictureOf(this).src; },
      set: function (v) {
        const img = this;
        const p = pictureOf(img);
        p.src = v === undefined || v === null ? '' : String(v);
        p.loaded = false;
        p.width = p.height = 0;
        const generation = ++p.generation;
        if (!p.src) return;
        bridge.invokeAsync('Image.load', p.id, { src: p.src }, function (ok, res) {
          if (generation !== p.generation) return;
          if (ok) {
            p.loaded = true;
            p.width = p.naturalWidth = res.width;
            p.height = p.naturalHeight = res.height;
            if (typeof img.onload === 'function') guard(img.onload, img, [{ type: 'load' }], 'Image.onload');
          } else if (typeof img.onerror === 'function') {
            guard(img.onerror, img, [{ type: 'error', errMsg: res && res.errMsg }], 'Image.onerror');
          }
        });
      }
    });
    for (const name of ['width', 'height']) {
      Object.defineProperty(proto, name, {
        enumerable: true,
        get: function () { return pictureOf(this)[name]; },
        set: function (v) { pictureOf(this)[name] = uint(v); }
      });
    }
    Object.defineProperty(proto, 'complete', { get: function () { return pictureOf(this).loaded; } });
    Object.defineProperty(proto, 'referrerPolicy', { enumerable: true, writable: true, value: 'origin' });
  }

  // ---- the legacy CanvasContext (wx.createCanvasContext, wx.createContext) --------------------------------
  const LEGACY = Symbol('legacy');
  function legacyOf(ctx) {
    let l = ctx[LEGACY];
    if (!l) {
      l = { canvasId: null, scope: null, actions: [], m: defaults(), fontSize: 10 };
      Object.defineProperty(ctx, LEGACY, { value: l });
    }
    return l;
  }
  function pixelRatio() { return wx.getWindowInfo().pixelRatio || 1; }
  function legacyProto(proto) {
    const push = function (ctx, cmd) { legacyOf(ctx).actions.push(cmd); };
    const plain = ['beginPath', 'closePath', 'moveTo', 'lineTo', 'quadraticCurveTo', 'bezierCurveTo', 'arc', 'arcTo',
      'ellipse', 'rect', 'roundRect', 'fillRect', 'strokeRect', 'clearRect', 'save', 'restore', 'scale', 'rotate',
      'translate', 'transform', 'clip', 'fill', 'stroke'];
    for (const m of plain) proto[m] = function () { push(this, [m].concat(Array.prototype.slice.call(arguments))); };
    proto.setTransform = function (a, b, c, d, e, f) {
      const k = pixelRatio();
      push(this, ['setTransform', a * k, b * k, c * k, d * k, e * k, f * k]);
    };
    proto.resetTransform = function () { this.setTransform(1, 0, 0, 1, 0, 0); };
    for (const m of ['fillText', 'strokeText']) {
      proto[m] = function (text, x, y, maxWidth) {
        push(this, maxWidth === undefined ? [m, String(text), x, y] : [m, String(text), x, y, maxWidth]);
      };
    }
    const set = function (ctx, name, v) {
      const ok = accept(name, v);
      if (!ok) return;
      legacyOf(ctx).m[name] = ok[1];
      push(ctx, ['set', name, ok[0]]);
    };
    for (const name of ATTRIBUTES) {
      Object.defineProperty(proto, name, {
        enumerable: true,
        get: function () { return legacyOf(this).m[name]; },
        set: function (v) { set(this, name, v); }
      });
      proto['set' + name.charAt(0).toUpperCase() + name.slice(1)] = function (v) { set(this, name, v); };
    }
    proto.setFontSize = function (size) {
      const n = num(size);
      if (!(n > 0)) return;
      const l = legacyOf(this);
      l.m.font = l.m.font.replace(/[\d.]+px/, n + 'px');
      push(this, ['set', 'fontSize', n]);
    };
    proto.setShadow = function (x, y, blur, color) {
      set(this, 'shadowOffsetX', x === undefined ? 0 : x);
      set(this, 'shadowOffsetY', y === undefined ? 0 : y);
      set(this, 'shadowBlur', blur === undefined ? 0 : blur);
      set(this, 'shadowColor', color === undefined ? 'black' : color);
    };
    proto.setLineDash = function (pattern, offset) {
      if (pattern && typeof pattern.length === 'number') push(this, ['setLineDash', Array.prototype.map.call(pattern, num)]);
      if (offset !== undefined) set(this, 'lineDashOffset', offset);
    };
    proto.setGlobalAlpha = function (a) { set(this, 'globalAlpha', a); };
    proto.measureText = function (text) { return measure(legacyOf(this).m.font, text); };
    proto.createLinearGradient = function (x0, y0, x1, y1) { return new CanvasGradient('linear', [x0, y0, x1, y1].map(num)); };
    proto.createCircularGradient = function (x, y, r) { return new CanvasGradient('radial', [x, y, 0, x, y, r].map(num)); };
    proto.createRadialGradient = function (x0, y0, r0, x1, y1, r1) { return new CanvasGradient('radial', [x0, y0, r0, x1, y1, r1].map(num)); };
    proto.createPattern = function (image, repetition) {
      const rep = repetition === undefined || repetition === '' ? 'repeat' : String(repetition);
      return typeof image === 'string' ? new CanvasPattern({ src: image }, rep) : null;
    };
    proto.drawImage = function (src) {
      const args = Array.prototype.slice.call(arguments, 1);
      if (typeof src !== 'string' || (args.length !== 2 && args.length !== 4 && args.length !== 8)) return;
      push(this, ['drawImage', { src: src }].concat(args));
    };
    proto.getActions = function () {
      const l = legacyOf(this);
      const out = l.actions.map(function (c) { return { method: c[0], data: c.slice(1) }; });
      l.actions = [];
      return out;
    };
    proto.clearActions = function () { legacyOf(this).actions = []; };
    proto.draw = function (reserve, callback) {
      const l = legacyOf(this);
      const batch = JSON.stringify(l.actions);
      l.actions = [];
      const cb = typeof reserve === 'function' ? reserve : callback;
      const send = function (target) {
        if (target === undefined) return; // no such canvas: WeChat draws nothing
        bridge.invokeAsync('Canvas.draw', target, { batch: batch, reserve: reserve === true }, function (ok) {
          if (ok && typeof cb === 'function') guard(cb, undefined, [], 'CanvasContext.draw callback');
        });
      };
      const found = legacyElement(l.canvasId, l.scope);
      if (!found) return;
      const size = cssSize(found.n);
      if (size.given.width && size.given.height) {
        send(canvasOf(found, size));
      } else {
        // sized by WXSS classes: the layout (simulator, --layout browser) knows its box; without one it keeps
        // its size
        afterMeasure(found, function (measured) { send(canvasOf(found, measured || size)); });
      }
    };
  }

  // ---- finding canvases -----------------------------------------------------------------------------
  let scopes = null;
  /** {page, instance} of a component (`this` in a component) or the current page. */
  function scopeOf(component) {
    if (component && component.__pageId__ !== undefined) return { page: component.__pageId__, instance: component.__id__ || 0 };
    return { page: scopes.currentPage(), instance: 0 };
  }
  /**
   * CSS size of a canvas element headless: its inline style's width and height (px, rpx, vw), else 300×150;
   * `given` lists the sides the style says.
   */
  function cssSize(n) {
    const style = n.attributes && typeof n.attributes.style === 'string' ? n.attributes.style : '';
    const windowWidth = wx.getWindowInfo().windowWidth || 375;
    const given = {};
    function read(prop, fallback) {
      const m = new RegExp('(?:^|;)\\s*' + prop + '\\s*:\\s*([\\d.]+)\\s*(px|rpx|vw)?\\s*(?:;|$)').exec(style);
      if (!m) return fallback;
      given[prop] = true;
      const v = parseFloat(m[1]);
      return m[2] === 'rpx' ? v * windowWidth / 750 : m[2] === 'vw' ? v * windowWidth / 100 : v;
    }
    return { width: read('width', 300), height: read('height', 150), given: given };
  }
  /** The legacy canvas element with `canvas-id` in the scope's page or component: {page, n}, or null. */
  function legacyElement(canvasId, scope) {
    if (canvasId === null || canvasId === undefined) return null;
    const s = scope || scopeOf(null);
    const nodes = scopes.query(s.page, s.instance, 'canvas');
    for (const n of nodes) {
      if (String(n.attributes.canvasId) === String(canvasId)) return { page: s.page, n: n };
    }
    return null;
  }
  /** The host canvas of a legacy element at `size` CSS px (a side the style does not give keeps its size). */
  function canvasOf(found, size) {
    const w = size.given.width ? size.width : -1;
    const h = size.given.height ? size.height : -1;
    const d = host('canvasNode', 0, [found.page, found.n.nodeId, true, w, h]);
    return d ? d.id : undefined;
  }
  function legacyTarget(canvasId, scope) {
    const found = legacyElement(canvasId, scope);
    return found ? canvasOf(found, cssSize(found.n)) : undefined;
  }
  // one measure at a time per canvas, so that draws keep their order
  const measuring = new Map();
  /** Calls `fn` with the element's laid-out size ({width, height}), or null without a layout. */
  function afterMeasure(found, fn) {
    const key = found.page + ':' + found.n.nodeId;
    const queue = measuring.get(key);
    if (queue) { queue.push(fn); return; }
    measuring.set(key, [fn]);
    const next = function () {
      scopes.measure(found.page, JSON.stringify({ nodes: [found.n.nodeId] }), function (json) {
        const q = measuring.get(key);
        const first = q.shift();
        let size = null;
        try {
          const b = json ? JSON.parse(json).nodes[found.n.nodeId] : null;
          if (b && b.width > 0 && b.height > 0) {
            size = { width: b.width, height: b.height, given: { width: true, height: true } };
          }
        } catch (e) { size = null; }
        try { first(size); } finally { if (q.length) next(); else measuring.delete(key); }
      });
    };
    next();
  }

  // ---- wx ----------------------------------------------------------------------------------------------
  function install(scopeAccess) {
    scopes = scopeAccess;
    canvasProto(protoOf('Canvas'));
    canvasProto(protoOf('OffscreenCanvas'));
    contextProto(protoOf('CanvasRenderingContext2D'));
    imageProto(protoOf('Image'));
    legacyProto(protoOf('CanvasContext'));

    const createCanvasContext = wx.createCanvasContext;
    wx.createCanvasContext = function (canvasId, component) {
      const ctx = createCanvasContext.call(wx, canvasId);
      const l = legacyOf(ctx);
      l.canvasId = String(canvasId);
      l.scope = scopeOf(component);
      return ctx;
    };
    const createOffscreenCanvas = wx.createOffscreenCanvas;
    wx.createOffscreenCanvas = function (a, b) {
      const o = a && typeof a === 'object' ? { type: a.type, width: a.width, height: a.height }
        : a === undefined ? {} : { type: 'webgl', width: a, height: b };
      for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
      const d = createOffscreenCanvas.call(wx, o);
      return surface(d, o.type === '2d' ? '2d' : 'webgl').canvas;
    };
    const withTarget = function (name, prepare, mapResult) {
      const original = wx[name];
      wx[name] = function (opts, component) {
        if (!opts || typeof opts !== 'object') return original.call(wx, opts);
        flushAll();
        const o = Object.assign({}, opts);
        const t = o.canvas !== undefined && stateOf(o.canvas) ? stateOf(o.canvas).id : legacyTarget(o.canvasId, scopeOf(component));
        delete o.canvas;
        if (t !== undefined) o.__target = t;
        if (prepare) prepare(o);
        if (!mapResult) return original.call(wx, o);
        for (const k of ['success', 'complete']) {
          if (typeof opts[k] === 'function') o[k] = function (r) { return opts[k].call(this, mapResult(r)); };
        }
        const out = original.call(wx, o);
        return out && typeof out.then === 'function' ? out.then(mapResult) : out;
      };
    };
    withTarget('canvasToTempFilePath');
    withTarget('drawCanvas');
    withTarget('canvasGetImageData', null, function (r) {
      if (r && r.data instanceof ArrayBuffer) r.data = new Uint8ClampedArray(r.data);
      return r;
    });
    withTarget('canvasPutImageData', function (o) {
      const d = o.data;
      if (d && d.buffer instanceof ArrayBuffer) o.__bytes = d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength);
    });
  }

  /** The node a SelectorQuery's `node` field gives for element `n` of page `page`: canvases only. */
  function node(page, n) {
    if (!n || n.tag !== 'canvas') return null;
    const type = n.attributes && n.attributes.type;
    if (type !== '2d' && type !== 'webgl') return null;
    const size = cssSize(n);
    const d = host('canvasNode', 0, [page, n.nodeId, false, size.width, size.height]);
    return d ? surface(d, type).canvas : null;
  }
  /** A canvas element's box headless (no layout): its CSS size at (0, 0). */
  function box(n) {
    if (!n || n.tag !== 'canvas') return null;
    const size = cssSize(n);
    return { left: 0, top: 0, right: size.width, bottom: size.height, width: size.width, height: size.height,
      scrollLeft: 0, scrollTop: 0, scrollWidth: size.width, scrollHeight: size.height };
  }

  return { install: install, node: node, box: box, flush: flushAll };
})
