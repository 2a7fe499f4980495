// The console methods beyond printing that hooks call: timers, counters,
// assert, trace and table, with Node 20's output. Evaluates to a function of
// native ({ log, warn, warning, inspect, format, now }), the console's own
// printing, returning the methods.
(function (native) {
  'use strict';
  const timers = new Map();
  const counts = new Map();
  const label = (l) => (l === undefined ? 'default' : `${l}`);
  const pad = (n) => String(n).padStart(2, '0');
  // Node's formatTime: milliseconds, else seconds, else m:ss.mmm or h:mm:ss.mmm.
  const formatTime = (ms) => {
    let hours = 0, minutes = 0, seconds = 0;
    if (ms >= 1000) {
      if (ms >= 60000) {
        if (ms >= 3600000) {
          hours = Math.floor(ms / 3600000);
          ms %= 3600000;
        }
        minutes = Math.floor(ms / 60000);
        ms %= 60000;
      }
      seconds = ms / 1000;
    }
    if (hours !== 0 || minutes !== 0) {
      const [s, frac] = seconds.toFixed(3).split('.');
      const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
      return `${res}:${pad(s)}.${frac} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
    }
    if (seconds !== 0) return `${seconds.toFixed(3)}s`;
    return `${Number(ms.toFixed(3))}ms`;
  };
  const elapsed = (name, method) => {
    if (!timers.has(name)) {
      native.warning(`No such label '${name}' for console.${method}()`);
      return undefined;
    }
    return formatTime(native.now() - timers.get(name));
  };
  const methods = {
    time(l) {
      const name = label(l);
      if (timers.has(name)) native.warning(`Label '${name}' already exists for console.time()`);
      else timers.set(name, native.now());
    },
    timeEnd(l) {
      const name = label(l);
      const t = elapsed(name, 'timeEnd');
      if (t === undefined) return;
      timers.delete(name);
      native.log(`${name}: ${t}`);
    },
    timeLog(l, ...data) {
      const name = label(l);
      const t = elapsed(name, 'timeLog');
      if (t !== undefined) native.log(data.length ? `${name}: ${t} ${native.format(...data)}` : `${name}: ${t}`);
    },
    count(l) {
      const name = label(l);
      const n = (counts.get(name) || 0) + 1;
      counts.set(name, n);
      native.log(`${name}: ${n}`);
    },
    countReset(l) {
      const name = label(l);
      if (counts.has(name)) counts.set(name, 0);
      else native.warning(`Count for '${name}' does not exist`);
    },
    assert(value, ...args) {
      if (value) return;
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      native.warn(native.format(...args));
    },
    trace(...args) {
      // goja's frames in V8's form: four spaces, no program counter.
      const frames = new Error().stack.split('\n').slice(2).filter((f) => f.trim() !== '')
        .map((f) => f.replace(/^\s*at /, '    at ').replace(/\(\d+\)(\)?)$/, '$1')).join('\n');
      native.warn(`Trace${args.length ? ': ' + native.format(...args) : ''}${frames ? '\n' + frames : ''}`);
    },
    table(data, properties) {
      if (properties !== undefined && !Array.isArray(properties)) {
        const e = new TypeError('The "properties" argument must be an instance of Array. Received ' +
          (properties === null ? 'null' : typeof properties === 'object' ? 'an instance of ' + properties.constructor.name : 'type ' + typeof properties + ' (' + native.inspect(properties) + ')'));
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
      }
      if (data === null || typeof data !== 'object') return native.log(native.format(data));
      const show = (v) => native.inspect(v, { depth: v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0, breakLength: Infinity });
      const isMap = data instanceof Map, isSet = data instanceof Set;
      if (isMap || isSet) {
        const keys = [], values = [];
        for (const entry of data) {
          keys.push(show(isMap ? entry[0] : entry));
          if (isMap) values.push(show(entry[1]));
        }
        const index = keys.map((_, i) => show(i));
        return native.log(isMap ? render(['(iteration index)', 'Key', 'Values'], [index, keys, values])
          : render(['(iteration index)', 'Values'], [index, keys]));
      }
      const columns = new Map();
      const primitives = [];
      let hasPrimitives = false;
      const rows = Object.keys(data);
      rows.forEach((row, i) => {
        const item = data[row];
        const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
        if (properties === undefined && primitive) {
          hasPrimitives = true;
          primitives[i] = show(item);
          return;
        }
        for (const key of properties || Object.keys(item)) {
          if (!columns.has(key)) columns.set(key, []);
          columns.get(key)[i] = primitive || !Object.prototype.hasOwnProperty.call(item, key) ? '' : show(item[key]);
        }
      });
      const head = ['(index)', ...columns.keys()];
      const cells = [rows, ...columns.values()];
      if (hasPrimitives) {
        head.push('Values');
        cells.push(primitives);
      }
      native.log(render(head, cells));
    },
  };
  // Node's table drawing: each cell aligned left, a space either side. A
  // character of East Asian width takes two columns, as a terminal shows it.
  const wide = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/gu;
  const width = (s) => [...s].length + (s.match(wide) || []).length;
  function render(head, columns) {
    const widths = head.map(width);
    const length = Math.max(...columns.map((c) => c.length));
    const rows = [];
    columns.forEach((column, i) => {
      for (let j = 0; j < length; j++) {
        rows[j] = rows[j] || [];
        const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
        widths[i] = Math.max(widths[i] || 0, width(value));
      }
    });
    const line = (cells) => '│ ' + cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' │ ') + ' │';
    const divider = widths.map((w) => '─'.repeat(w + 2));
    return ['┌' + divider.join('┬') + '┐', line(head), '├' + divider.join('┼') + '┤', ...rows.map(line),
      '└' + divider.join('┴') + '┘'].join('\n');
  }
  return methods;
})
