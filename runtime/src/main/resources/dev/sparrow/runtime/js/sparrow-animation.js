// Sparrow's animations in the logic layer: wx.createAnimation's Animation (its export() is what an element's
// `animation` attribute takes; the view plays the steps) and this.animate / this.clearAnimation on pages and
// components (the view keeps the last keyframe's style until cleared). Evaluated once per session; sparrow-base.js
// calls this factory with its internals. Loop thread only.
(function (internals) {
  'use strict';
  const host = internals.host;
  const guard = internals.guard;
  const apiObject = internals.apiObject;
  const later = internals.setTimeout;

  const TRANSFORMS = ['matrix', 'matrix3d', 'rotate', 'rotate3d', 'rotateX', 'rotateY', 'rotateZ', 'scale', 'scale3d',
    'scaleX', 'scaleY', 'scaleZ', 'skew', 'skewX', 'skewY', 'translate', 'translate3d', 'translateX', 'translateY',
    'translateZ'];
  const STYLES = ['opacity', 'backgroundColor'];
  const LENGTHS = ['width', 'height', 'left', 'right', 'top', 'bottom'];

  // ---- wx.createAnimation ------------------------------------------------------------------------------------
  // WeChat's exported shape: {actions: [{animates: [{type, args}], option: {transition: {duration, timingFunction,
  // delay}, transformOrigin}}]}. A step's animates carry every transform and style set so far on this object (the
  // latest call of each kind, in first-call order), so a later step keeps what earlier ones did; export() hands the
  // steps out and starts a new list. Style types are {type: 'style', args: [css name, value]}; lengths given as
  // numbers get 'px'. The object's own `option` holds the defaults each step() reads.
  function Animation(options) {
    const o = options !== null && typeof options === 'object' ? options : {};
    // Public as in WeChat: libraries set option.transition.duration between steps (iView's notice-bar).
    this.option = {
      transition: {
        duration: typeof o.duration === 'number' ? o.duration : 400,
        timingFunction: typeof o.timingFunction === 'string' ? o.timingFunction : 'linear',
        delay: typeof o.delay === 'number' ? o.delay : 0
      },
      transformOrigin: typeof o.transformOrigin === 'string' ? o.transformOrigin : '50% 50% 0'
    };
    Object.defineProperty(this, '__actions', { value: [], writable: true });
    Object.defineProperty(this, '__current', { value: new Map() });
    Object.defineProperty(this, '__pending', { value: [], writable: true });
    apiObject(this);
  }
  function push(animation, type, args) {
    animation.__pending.push({ type: type, args: args });
    return animation;
  }
  for (const name of TRANSFORMS) {
    Animation.prototype[name] = function () { return push(this, name, Array.prototype.slice.call(arguments)); };
  }
  const cssName = function (name) { return name.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); }); };
  for (const name of STYLES) {
    Animation.prototype[name] = function (value) { return push(this, 'style', [cssName(name), value]); };
  }
  for (const name of LENGTHS) {
    Animation.prototype[name] = function (value) {
      return push(this, 'style', [name, typeof value === 'number' ? value + 'px' : value]);
    };
  }
  Animation.prototype.step = function (options) {
    const o = options !== null && typeof options === 'object' ? options : {};
    const option = this.option !== null && typeof this.option === 'object' ? this.option : {};
    const d = option.transition !== null && typeof option.transition === 'object' ? option.transition : {};
    for (const a of this.__pending) this.__current.set(a.type === 'style' ? 'style.' + a.args[0] : a.type, a);
    this.__pending = [];
    this.__actions.push({
      animates: Array.from(this.__current.values(), function (a) { return { type: a.type, args: a.args.slice() }; }),
      option: {
        transition: {
          duration: o.duration !== undefined ? o.duration : d.duration,
          timingFunction: o.timingFunction !== undefined ? o.timingFunction : d.timingFunction,
          delay: o.delay !== undefined ? o.delay : d.delay
        },
        transformOrigin: o.transformOrigin !== undefined ? o.transformOrigin : option.transformOrigin
      }
    });
    return this;
  };
  Animation.prototype.export = function () {
    const actions = this.__actions;
    this.__actions = [];
    return { actions: actions };
  };

  function createAnimation(options) { return new Animation(options); }

  // ---- this.animate / this.clearAnimation ---------------------------------------------------------------------
  function nodeIds(pageId, instance, selector) {
    const json = host.queryNodes(pageId, instance, String(selector));
    if (json === null) throw new Error('animate: bad selector "' + selector + '"');
    return JSON.parse(json).map(function (n) { return n.nodeId; });
  }
  /**
   * Keyframes (offset, ease and WeChat's keyframe properties) over `duration` ms on the elements `selector` finds in
   * the page's or component's own template; `callback` runs when the duration has passed on the session clock. The
   * ScrollTimeline form (a fourth argument that is an object) is not supported: it is reported and ignored.
   */
  function animate(pageId, instance, selector, keyframes, duration, callback) {
    if (callback !== null && typeof callback === 'object') {
      host.console('warn', 'animate: the ScrollTimeline form is not supported by Sparrow yet');
      return;
    }
    const isObject = function (k) { return k !== null && typeof k === 'object'; };
    const frames = Array.isArray(keyframes) ? keyframes.filter(isObject) : [];
    const ms = typeof duration === 'number' && duration > 0 ? duration : 0;
    host.animate(pageId, JSON.stringify(nodeIds(pageId, instance, selector)), JSON.stringify(frames), ms);
    if (typeof callback === 'function') later(function () { guard(callback, undefined, [], 'animate callback'); }, ms);
  }
  /** Drops the styles animate left on the elements: the properties set to true in `options`, or all of them. */
  function clearAnimation(pageId, instance, selector, options, callback) {
    if (typeof options === 'function' && callback === undefined) { callback = options; options = undefined; }
    let names = null;
    if (options !== null && typeof options === 'object') {
      names = Object.keys(options).filter(function (k) { return options[k]; });
    }
    const nodes = JSON.stringify(nodeIds(pageId, instance, selector));
    host.clearAnimation(pageId, nodes, names === null ? null : JSON.stringify(names));
    if (typeof callback === 'function') {
      later(function () { guard(callback, undefined, [], 'clearAnimation callback'); }, 0);
    }
  }

  return { createAnimation: createAnimation, animate: animate, clearAnimation: clearAnimation };
});
