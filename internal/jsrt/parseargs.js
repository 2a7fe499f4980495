// util.parseArgs as Node 20 has it: the options a script declares, read
// from an array of arguments (process.argv after the script's path by
// default), with Node's errors and their codes. Evaluates to a function of
// (the util module's exports, module, native), native.received describing
// a value as Node's argument errors do.
(function (exports, module, native) {
  'use strict';
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const own = (o, k) => (has(o, k) ? o[k] : undefined);
  const raise = (code, msg) => {
    const e = new TypeError(msg);
    e.code = code;
    throw e;
  };
  const noun = (name) => (name.includes('.') ? 'property' : 'argument');
  const badType = (name, what, v) => raise('ERR_INVALID_ARG_TYPE', `The "${name}" ${noun(name)} must be ${what}. Received ${native.received(v)}`);
  const check = {
    object(v, name) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) badType(name, 'of type object', v);
    },
    array(v, name) {
      if (!Array.isArray(v)) badType(name, 'an instance of Array', v);
    },
    boolean(v, name) {
      if (typeof v !== 'boolean') badType(name, 'of type boolean', v);
    },
    string(v, name) {
      if (typeof v !== 'string') badType(name, 'of type string', v);
    },
  };
  const checkAll = (kind) => (v, name) => {
    check.array(v, name);
    v.forEach((item, i) => check[kind](item, `${name}[${i}]`));
  };

  // The declared options, checked as Node checks them, in its order.
  function readOptions(options) {
    check.object(options, 'options');
    for (const [name, conf] of Object.entries(options)) {
      const at = `options.${name}`;
      check.object(conf, at);
      const type = own(conf, 'type');
      if (type !== 'string' && type !== 'boolean') badType(`${at}.type`, "('string|boolean')", type);
      if (has(conf, 'short')) {
        const short = own(conf, 'short');
        check.string(short, `${at}.short`);
        if (short.length !== 1) {
          raise('ERR_INVALID_ARG_VALUE', `The property '${at}.short' must be a single character. Received ${exports.inspect(short)}`);
        }
      }
      if (has(conf, 'multiple')) check.boolean(own(conf, 'multiple'), `${at}.multiple`);
      const dflt = own(conf, 'default');
      if (dflt !== undefined) {
        const multiple = own(conf, 'multiple');
        (multiple ? checkAll(type) : check[type])(dflt, `${at}.default`);
      }
    }
  }

  // The arguments as Node's tokens: options (with the value they were
  // given, inline or the next argument), positionals and the "--" that
  // ends the options. A group of short options (-abc) is read one letter
  // at a time; a letter that takes a value takes the rest of the group,
  // or, last in it, the next argument.
  function tokenize(args, options) {
    const longFor = (c) => Object.keys(options).find((name) => own(options[name], 'short') === c) ?? c;
    const takesValue = (name) => has(options, name) && options[name].type === 'string';
    const tokens = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      const index = i;
      const option = (name, rawName, value, inlineValue) => tokens.push({ kind: 'option', name, rawName, index, value, inlineValue });
      // A value from the next argument, whatever it looks like (a dash
      // included, as POSIX utilities take one).
      const next = (name, rawName) => (takesValue(name) && i + 1 < args.length ? option(name, rawName, args[++i], false) : option(name, rawName, undefined, undefined));
      if (arg === '--') {
        tokens.push({ kind: 'option-terminator', index });
        for (let j = i + 1; j < args.length; j++) tokens.push({ kind: 'positional', index: j, value: args[j] });
        break;
      }
      if (arg.length < 2 || arg[0] !== '-') {
        tokens.push({ kind: 'positional', index, value: arg });
      } else if (arg[1] === '-') {
        const eq = arg.indexOf('=', 3);
        if (eq < 0) next(arg.slice(2), arg);
        else option(arg.slice(2, eq), arg.slice(0, eq), arg.slice(eq + 1), true);
      } else if (arg.length === 2) {
        next(longFor(arg[1]), arg);
      } else if (takesValue(longFor(arg[1]))) {
        option(longFor(arg[1]), arg.slice(0, 2), arg.slice(2), true);
      } else {
        for (let k = 1; k < arg.length; k++) {
          const name = longFor(arg[k]);
          if (k === arg.length - 1) next(name, '-' + arg[k]);
          else if (!takesValue(name)) option(name, '-' + arg[k], undefined, undefined);
          else {
            option(name, '-' + arg[k], arg.slice(k + 1), true);
            break;
          }
        }
      }
    }
    return tokens;
  }

  // strict mode's checks of one option token.
  function checkUsage(options, t, allowPositionals) {
    if (!has(options, t.name)) {
      const hint = allowPositionals
        ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(t.rawName)}`
        : '';
      raise('ERR_PARSE_ARGS_UNKNOWN_OPTION', `Unknown option '${t.rawName}'${hint}`);
    }
    const short = own(options[t.name], 'short');
    const names = `${short ? `-${short}, ` : ''}--${t.name}`;
    const type = options[t.name].type;
    if (type === 'string' && typeof t.value !== 'string') {
      raise('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${names} <value>' argument missing`);
    }
    if (type === 'boolean' && t.value != null) {
      raise('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${names}' does not take an argument`);
    }
    // A value in the next argument that looks like an option was more
    // likely a forgotten value.
    if (!t.inlineValue && t.value != null && t.value.length > 1 && t.value[0] === '-') {
      const example = t.rawName.startsWith('--') ? `'${t.rawName}=-XYZ'` : `'--${t.name}=-XYZ' or '${t.rawName}-XYZ'`;
      raise('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${t.rawName}' argument is ambiguous.\n` +
        `Did you forget to specify the option argument for '${t.rawName}'?\n` +
        `To specify an option argument starting with a dash use ${example}.`);
    }
  }

  exports.parseArgs = function parseArgs(config = {}) {
    // config itself is not checked, as in Node: a number reads as {}.
    const args = own(config, 'args') ?? process.argv.slice(2);
    const strict = own(config, 'strict') ?? true;
    const allowPositionals = own(config, 'allowPositionals') ?? !strict;
    const wantTokens = own(config, 'tokens') ?? false;
    const options = own(config, 'options') ?? Object.create(null);
    check.array(args, 'args');
    check.boolean(strict, 'strict');
    check.boolean(allowPositionals, 'allowPositionals');
    check.boolean(wantTokens, 'tokens');
    readOptions(options);
    const tokens = tokenize(args, options);
    const values = Object.create(null);
    const positionals = [];
    for (const t of tokens) {
      if (t.kind === 'positional') {
        if (!allowPositionals) {
          raise('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', `Unexpected argument '${t.value}'. This command does not take positional arguments`);
        }
        positionals.push(t.value);
      }
      if (t.kind !== 'option') continue;
      if (strict) checkUsage(options, t, allowPositionals);
      if (t.name === '__proto__') continue;
      const value = t.value ?? true;
      if (has(options, t.name) && own(options[t.name], 'multiple')) {
        (values[t.name] ??= []).push(value);
      } else {
        values[t.name] = value;
      }
    }
    for (const [name, conf] of Object.entries(options)) {
      if (name !== '__proto__' && own(conf, 'default') !== undefined && values[name] === undefined) values[name] = own(conf, 'default');
    }
    const result = { values, positionals };
    if (wantTokens) result.tokens = tokens;
    return result;
  };
})
