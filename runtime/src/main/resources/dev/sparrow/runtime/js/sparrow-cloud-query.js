// The cloud database's query codec, shared by page code (sparrow-base.js: wx.cloud.database()) and cloud functions
// (sparrow-cloud-function.js: wx-server-sdk's database()): db.command, db.Geo, db.serverDate, aggregate stages and
// operators, and their JSON wire form, which the engine (CloudApis.java) reads. Values cross as JSON: Date as
// {$date}, db.serverDate() as {$serverDate}, RegExp as {$regex,$options}, db.Geo as GeoJSON; commands as {$op}.
// A factory: each caller evaluates this file in its own context and calls it once.
(function () {
  'use strict';
  const CLOUD_CMD = typeof Symbol === 'function' ? Symbol('cloudCommand') : '__cloudCommand__';
  const CLOUD_SERVER_DATE = typeof Symbol === 'function' ? Symbol('serverDate') : '__serverDate__';
  function isCmd(v) { return v !== null && typeof v === 'object' && v[CLOUD_CMD] !== undefined; }
  function isPlain(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) &&
      !(v instanceof RegExp) && !isCmd(v) && v[CLOUD_SERVER_DATE] === undefined && v.$regex === undefined &&
      !isGeo(v);
  }
  // db.Geo: values stored as GeoJSON ({type, coordinates}, longitude first) and read back as these objects.
  // Constructors work with or without `new`; bad input throws at once, as the SDK does.
  function geoType(name, make, json) {
    function G() {
      const self = this instanceof G ? this : Object.create(G.prototype);
      make.apply(self, arguments);
      return self;
    }
    G.prototype.toJSON = function () { return { type: name, coordinates: json(this) }; };
    G.prototype.toString = function () { return JSON.stringify(this.toJSON()); };
    Object.defineProperty(G, 'name', { value: name });
    return G;
  }
  function geoDegree(what, v, limit) {
    if (typeof v !== 'number' || v !== v) {
      throw new Error('"' + what + '" must be of type Number. Received type ' + typeof v);
    }
    if (Math.abs(v) > limit) throw new Error(what + ' should be a number ranges from -' + limit + ' to ' + limit);
  }
  function geoList(what, list, Type, typeName, least, unit) {
    if (!Array.isArray(list)) {
      throw new Error('"' + what + '" must be of type ' + typeName + '[]. Received type ' + typeof list);
    }
    if (list.length < least) throw new Error('"' + what + '" must contain ' + least + ' ' + unit + ' at least');
    for (const e of list) {
      if (!(e instanceof Type)) {
        throw new Error('"' + what + '" must be of type ' + typeName + '[]. Received type ' + typeof e);
      }
    }
    return list.slice();
  }
  const GeoPoint = geoType('Point', function (longitude, latitude) {
    geoDegree('longitude', longitude, 180);
    geoDegree('latitude', latitude, 90);
    this.longitude = longitude;
    this.latitude = latitude;
  }, function (p) { return [p.longitude, p.latitude]; });
  const GeoLineString = geoType('LineString', function (points) {
    this.points = geoList('points', points, GeoPoint, 'Point', 2, 'points');
  }, function (l) { return l.points.map(function (p) { return [p.longitude, p.latitude]; }); });
  function geoClosed(line) {
    const ps = line.points, a = ps[0], b = ps[ps.length - 1];
    if (ps.length < 4 || a.longitude !== b.longitude || a.latitude !== b.latitude) {
      throw new Error('LineString ' + JSON.stringify(line.toJSON().coordinates) + ' is not a closed cycle');
    }
  }
  const GeoPolygon = geoType('Polygon', function (lines) {
    this.lines = geoList('lines', lines, GeoLineString, 'LineString', 1, 'linestring');
    this.lines.forEach(geoClosed);
  }, function (p) { return p.lines.map(function (l) { return l.toJSON().coordinates; }); });
  const GeoMultiPoint = geoType('MultiPoint', function (points) {
    this.points = geoList('points', points, GeoPoint, 'Point', 1, 'point');
  }, function (m) { return m.points.map(function (p) { return [p.longitude, p.latitude]; }); });
  const GeoMultiLineString = geoType('MultiLineString', function (lines) {
    this.lines = geoList('lines', lines, GeoLineString, 'LineString', 1, 'linestring');
  }, function (m) { return m.lines.map(function (l) { return l.toJSON().coordinates; }); });
  const GeoMultiPolygon = geoType('MultiPolygon', function (polygons) {
    this.polygons = geoList('polygons', polygons, GeoPolygon, 'Polygon', 1, 'polygon');
  }, function (m) { return m.polygons.map(function (p) { return p.toJSON().coordinates; }); });
  const cloudGeo = { Point: GeoPoint, LineString: GeoLineString, Polygon: GeoPolygon, MultiPoint: GeoMultiPoint,
    MultiLineString: GeoMultiLineString, MultiPolygon: GeoMultiPolygon };
  function isGeo(v) {
    return v instanceof GeoPoint || v instanceof GeoLineString || v instanceof GeoPolygon ||
      v instanceof GeoMultiPoint || v instanceof GeoMultiLineString || v instanceof GeoMultiPolygon;
  }
  // GeoJSON read back from the engine as the db.Geo object; anything malformed stays a plain object
  function geoDecode(v) {
    const c = v.coordinates;
    const point = function (p) { return GeoPoint(p[0], p[1]); };
    const line = function (l) { return GeoLineString(l.map(point)); };
    const polygon = function (p) { return GeoPolygon(p.map(line)); };
    try {
      switch (v.type) {
        case 'Point': return point(c);
        case 'LineString': return line(c);
        case 'Polygon': return polygon(c);
        case 'MultiPoint': return GeoMultiPoint(c.map(point));
        case 'MultiLineString': return GeoMultiLineString(c.map(line));
        case 'MultiPolygon': return GeoMultiPolygon(c.map(polygon));
        default: return null;
      }
    } catch (e) {
      return null;
    }
  }
  function geoArg(v, what) {
    if (!isGeo(v)) throw new Error('"' + what + '" must be a db.Geo object');
    return v.toJSON();
  }
  function cloudValue(v) {
    if (isGeo(v)) return v.toJSON();
    if (v instanceof Date) return { $date: v.getTime() };
    if (v instanceof RegExp) return { $regex: v.source, $options: v.flags };
    if (v !== null && typeof v === 'object' && v[CLOUD_SERVER_DATE] !== undefined) {
      return { $serverDate: { offset: v[CLOUD_SERVER_DATE] } };
    }
    if (isCmd(v)) throw new Error('a db.command cannot be stored as a value');
    if (Array.isArray(v)) return v.map(function (e) { return e === undefined ? null : cloudValue(e); });
    if (v !== null && typeof v === 'object') {
      const out = {};
      for (const k of Object.keys(v)) if (v[k] !== undefined && typeof v[k] !== 'function') out[k] = cloudValue(v[k]);
      return out;
    }
    return v;
  }
  function cloudCommand(op, arg) {
    const c = { and: function () { return cloudCommand('and', [c].concat(cloudArgs(arguments))); },
      or: function () { return cloudCommand('or', [c].concat(cloudArgs(arguments))); } };
    Object.defineProperty(c, CLOUD_CMD, { value: { op: op, arg: arg } });
    return c;
  }
  function cloudArgs(args) {
    return args.length === 1 && Array.isArray(args[0]) ? args[0] : Array.prototype.slice.call(args);
  }
  function fieldCondition(c) {
    const op = c[CLOUD_CMD].op, arg = c[CLOUD_CMD].arg;
    switch (op) {
      case 'eq': case 'lt': case 'lte': case 'gt': case 'gte': return { ['$' + op]: cloudValue(arg) };
      case 'neq': return { $ne: cloudValue(arg) };
      case 'in': case 'nin': case 'all': return { ['$' + op]: (Array.isArray(arg) ? arg : [arg]).map(cloudValue) };
      case 'exists': return { $exists: !!arg };
      case 'size': return { $size: arg };
      case 'elemMatch': return { $elemMatch: isCmd(arg) ? fieldCondition(arg) : cloudWhere(arg) };
      case 'not': return { $not: fieldCondition(arg) };
      case 'geoNear': {
        const o = arg !== null && typeof arg === 'object' ? arg : {};
        if (!(o.geometry instanceof GeoPoint)) throw new Error('"geometry" must be of type Point');
        const near = { geometry: o.geometry.toJSON() };
        for (const k of ['maxDistance', 'minDistance']) {
          if (o[k] === undefined) continue;
          if (typeof o[k] !== 'number' || o[k] < 0) throw new Error('"' + k + '" must be a non-negative number');
          near[k] = o[k];
        }
        return { $geoNear: near };
      }
      case 'geoWithin': {
        const o = arg !== null && typeof arg === 'object' ? arg : {};
        if (o.centerSphere !== undefined) {
          const cs = o.centerSphere;
          if (!Array.isArray(cs) || cs.length !== 2 || typeof cs[1] !== 'number') {
            throw new Error('"centerSphere" must be [[longitude, latitude], radius]');
          }
          const center = cs[0] instanceof GeoPoint ? cs[0].toJSON().coordinates : cs[0];
          return { $geoWithin: { centerSphere: [center, cs[1]] } };
        }
        if (!(o.geometry instanceof GeoPolygon) && !(o.geometry instanceof GeoMultiPolygon)) {
          throw new Error('"geometry" must be of type Polygon or MultiPolygon');
        }
        return { $geoWithin: { geometry: o.geometry.toJSON() } };
      }
      case 'geoIntersects':
        return { $geoIntersects: { geometry: geoArg(arg !== null && typeof arg === 'object' ? arg.geometry
          : undefined, 'geometry') } };
      case 'and': case 'or': case 'nor':
        return { ['$' + op]: arg.map(function (a) { return isCmd(a) ? fieldCondition(a) : { $eq: cloudValue(a) }; }) };
      default: throw new Error('db.command.' + op + ' cannot be used in a query');
    }
  }
  function cloudWhere(q) {
    if (isCmd(q) && q[CLOUD_CMD].op === 'expr') return { $expr: cloudValue(q[CLOUD_CMD].arg) };
    if (isCmd(q)) {
      const op = q[CLOUD_CMD].op;
      if (op !== 'and' && op !== 'or' && op !== 'nor') throw new Error('db.command.' + op + ' needs a field');
      return { ['$' + op]: q[CLOUD_CMD].arg.map(cloudWhere) };
    }
    const out = {};
    (function flatten(obj, prefix) {
      for (const k of Object.keys(obj)) {
        const v = obj[k], path = prefix + k;
        if (v === undefined) continue;
        if (isCmd(v)) out[path] = fieldCondition(v);
        else if (isPlain(v) && Object.keys(v).length) flatten(v, path + '.');
        else out[path] = cloudValue(v);
      }
    })(q !== null && typeof q === 'object' ? q : {}, '');
    return out;
  }
  function cloudEach(arg) { return Array.isArray(arg) ? arg.map(cloudValue) : [cloudValue(arg)]; }
  function updateCommand(c) {
    const op = c[CLOUD_CMD].op, arg = c[CLOUD_CMD].arg;
    switch (op) {
      case 'set': return { $set: cloudValue(arg) };
      case 'remove': return { $unset: true };
      case 'inc': case 'mul': return { ['$' + op]: arg };
      case 'pop': case 'shift': return { ['$' + op]: true };
      case 'push': {
        if (isPlain(arg) && arg.each !== undefined) {
          const p = { $each: cloudEach(arg.each) };
          if (arg.position !== undefined) p.$position = arg.position;
          if (arg.slice !== undefined) p.$slice = arg.slice;
          if (arg.sort !== undefined) p.$sort = arg.sort;
          return { $push: p };
        }
        return { $push: { $each: cloudEach(arg) } };
      }
      case 'unshift': return { $unshift: { $each: cloudEach(arg) } };
      case 'addToSet':
        return { $addToSet: { $each: isPlain(arg) && arg.each !== undefined ? cloudEach(arg.each)
          : [cloudValue(arg)] } };
      case 'pull':
        return { $pull: isCmd(arg) ? fieldCondition(arg) : isPlain(arg) ? cloudWhere(arg) : cloudValue(arg) };
      case 'pullAll': return { $pullAll: cloudEach(arg) };
      default: throw new Error('db.command.' + op + ' cannot be used in an update');
    }
  }
  function cloudUpdate(data) {
    const out = {};
    (function flatten(obj, prefix) {
      for (const k of Object.keys(obj)) {
        const v = obj[k], path = prefix + k;
        if (v === undefined) continue;
        if (isCmd(v)) out[path] = updateCommand(v);
        else if (isPlain(v) && Object.keys(v).length) flatten(v, path + '.');
        else out[path] = { $set: cloudValue(v) };
      }
    })(data, '');
    return out;
  }
  function cloudDecode(v) {
    if (Array.isArray(v)) return v.map(cloudDecode);
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$date') return new Date(v.$date);
      if (keys.length === 2 && typeof v.type === 'string' && Array.isArray(v.coordinates)) {
        const g = geoDecode(v);
        if (g) return g;
      }
      const out = {};
      for (const k of keys) out[k] = cloudDecode(v[k]);
      return out;
    }
    return v;
  }

  // aggregate(): stages are built when end() runs, so a bad stage fails the call instead of throwing
  function cloudStages(stages) {
    return stages.map(function (s) { return s(); });
  }
  function aggregateBuilder(stages, finish) {
    const a = {};
    function stage(name, encode) {
      a[name] = function (arg) {
        return aggregateBuilder(stages.concat([function () { return { ['$' + name]: encode(arg) }; }]), finish);
      };
    }
    stage('match', cloudWhere);
    for (const name of ['project', 'addFields', 'group', 'sort', 'skip', 'limit', 'lookup', 'unwind', 'count',
      'sortByCount', 'sample', 'replaceRoot', 'bucket', 'bucketAuto', 'geoNear']) {
      stage(name, function (arg) {
        if (name === 'lookup' && arg && Array.isArray(arg.pipeline)) {
          return Object.assign(cloudValue(Object.assign({}, arg, { pipeline: undefined })), { pipeline: arg.pipeline });
        }
        if (name === 'geoNear' && arg && arg.query !== undefined) { // its query takes db.command like where()
          return Object.assign(cloudValue(Object.assign({}, arg, { query: undefined })),
            { query: cloudWhere(arg.query) });
        }
        return cloudValue(arg);
      });
    }
    Object.assign(a, finish(stages));
    return a;
  }
  const aggregateCommands = {
    pipeline: function () {
      return aggregateBuilder([], function (stages) {
        return { done: function () { return cloudStages(stages); } };
      });
    }
  };
  for (const op of ['add', 'subtract', 'multiply', 'divide', 'mod', 'abs', 'ceil', 'floor', 'sqrt', 'pow', 'trunc',
    'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'cmp', 'and', 'or', 'not', 'cond', 'ifNull', 'switch', 'concat',
    'toLower', 'toUpper', 'substr', 'substrCP', 'strLenCP', 'split', 'size', 'isArray', 'arrayElemAt', 'in',
    'concatArrays', 'mergeObjects', 'sum', 'avg', 'min', 'max', 'first', 'last', 'push', 'addToSet', 'literal',
    'dateToString', 'year', 'month', 'dayOfMonth', 'dayOfYear', 'hour', 'minute', 'second', 'millisecond',
    'isoDayOfWeek', 'isoWeek', 'isoWeekYear', 'dayOfWeek', 'week', 'dateFromParts', 'dateFromString', 'exp', 'ln',
    'log', 'log10', 'stdDevPop', 'stdDevSamp', 'filter', 'map', 'reduce', 'let', 'arrayToObject', 'objectToArray',
    'indexOfArray', 'range', 'reverseArray', 'slice', 'zip', 'allElementsTrue', 'anyElementTrue', 'setDifference',
    'setEquals', 'setIntersection', 'setIsSubset', 'setUnion', 'indexOfBytes', 'indexOfCP', 'strLenBytes',
    'strcasecmp', 'substrBytes']) {
    aggregateCommands[op] = function (arg) { return { ['$' + op]: cloudValue(arg) }; };
  }
  const cloudCommands = {};
  for (const op of ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'exists', 'size', 'elemMatch', 'all', 'not',
    'set', 'remove', 'inc', 'mul', 'push', 'pop', 'shift', 'unshift', 'addToSet', 'pull', 'pullAll', 'expr',
    'geoNear', 'geoWithin', 'geoIntersects']) {
    cloudCommands[op] = function (arg) { return cloudCommand(op, arg); };
  }
  cloudCommands.aggregate = aggregateCommands;
  for (const op of ['and', 'or', 'nor']) {
    cloudCommands[op] = function () { return cloudCommand(op, cloudArgs(arguments)); };
  }
  function serverDate(o) {
    const d = {};
    Object.defineProperty(d, CLOUD_SERVER_DATE, { value: o && typeof o.offset === 'number' ? o.offset : 0 });
    return d;
  }
  function regExp(o) {
    return { $regex: String(o && o.regexp !== undefined ? o.regexp : ''), $options: String(o && o.options || '') };
  }
  return {
    isPlain: isPlain, value: cloudValue, where: cloudWhere, update: cloudUpdate, decode: cloudDecode,
    command: cloudCommands, Geo: cloudGeo, serverDate: serverDate, regExp: regExp,
    /** A collection's aggregate(): finish(stages) gives its last methods (end); stages(list) encodes them. */
    aggregate: function (finish) { return aggregateBuilder([], finish); },
    stages: cloudStages
  };
})
