// The inquirer package's prompt, asked as hypergen asks a hook's questions
// (see inquirerModule): each inquirer question becomes the enquirer
// question of the type hypergen answers, one at a time, so that when,
// message, default and choices can read the answers so far, as in
// inquirer. Evaluates to a function of (ask), ask being the prompter's
// prompt, which resolves to the answers of the questions it is given.
(function (ask) {
  'use strict';
  const types = {
    input: 'input', editor: 'input', password: 'password', number: 'numeral', confirm: 'confirm',
    list: 'select', rawlist: 'select', expand: 'select', checkbox: 'multiselect',
  };
  class Separator {
    constructor(line) {
      this.type = 'separator';
      this.line = line === undefined ? '──────────────' : String(line);
    }
    toString() {
      return this.line;
    }
    static exclude(choice) {
      return !(choice && choice.type === 'separator');
    }
  }
  const read = (v, answers) => (typeof v === 'function' ? v(answers) : v);
  // inquirer reads and writes a dotted name as a path.
  const getPath = (o, name) => String(name).split('.').reduce((v, k) => (v == null ? undefined : v[k]), o);
  function setPath(o, name, value) {
    const keys = String(name).split('.');
    for (const k of keys.slice(0, -1)) {
      if (o[k] === null || typeof o[k] !== 'object') o[k] = {};
      o = o[k];
    }
    o[keys[keys.length - 1]] = value;
  }

  async function askOne(q, answers) {
    const typeName = q.type === undefined ? 'input' : q.type;
    const type = types[typeName];
    if (!type) {
      throw new Error(`inquirer's "${typeName}" prompt (question "${q.name}") is not available in hypergen; it asks: ${Object.keys(types).join(', ')}`);
    }
    const message = await read(q.message === undefined ? q.name + ':' : q.message, answers);
    const question = { type, name: q.name, message };
    const dflt = await read(q.default, answers);
    // A choice is answered by its value, as text (a flag's value), and
    // gives back the value itself.
    let byName = null;
    if (type === 'select' || type === 'multiselect') {
      const choices = ((await read(q.choices, answers)) || []).filter(Separator.exclude);
      byName = new Map();
      const checked = [];
      question.choices = choices.map((c) => {
        const o = c !== null && typeof c === 'object' ? c : { name: String(c), value: c };
        const value = 'value' in o ? o.value : o.name;
        byName.set(String(value), value);
        if (o.checked) checked.push(String(value));
        return { name: String(value), message: o.name === undefined ? String(value) : String(o.name), disabled: o.disabled };
      });
      if (type === 'multiselect') {
        const picked = Array.isArray(dflt) ? dflt.map(String) : checked;
        if (picked.length > 0) question.initial = picked;
      } else if (typeof dflt === 'number' && !byName.has(String(dflt))) {
        question.initial = dflt; // an index, as inquirer takes one
      } else if (dflt !== undefined) {
        question.initial = String(dflt);
      }
    } else if (dflt !== undefined) {
      question.initial = dflt;
    } else if (type === 'confirm') {
      question.initial = true; // inquirer's confirm defaults to yes
    }
    // As in inquirer, validate sees the answer as filter made it, and the
    // answer that passed is the one kept.
    const toValue = (got) => (byName ? fromNames(got, byName) : got);
    const filter = (value) => (typeof q.filter === 'function' ? q.filter(value, answers) : value);
    let passed;
    if (typeof q.validate === 'function') {
      question.validate = async (got) => {
        const value = await filter(toValue(got));
        const ok = await q.validate(value, answers);
        if (ok === true) passed = { value };
        return ok;
      };
    }
    const got = (await ask([question]))[q.name];
    return passed ? passed.value : filter(toValue(got));
  }
  const fromNames = (got, byName) => (Array.isArray(got) ? got.map((n) => byName.get(n)) : byName.get(got));

  function prompt(questions, initialAnswers) {
    const list = Array.isArray(questions) ? questions : questions && typeof questions === 'object' ? [questions] : [];
    const answers = Object.assign({}, initialAnswers);
    const run = (async () => {
      for (const q of list) {
        if (!q || q.name === undefined) throw new Error('inquirer: a question needs a name');
        if (getPath(answers, q.name) !== undefined && !q.askAnswered) continue;
        if (q.when !== undefined && !(await read(q.when, answers))) continue;
        setPath(answers, q.name, await askOne(q, answers));
      }
      return answers;
    })();
    run.ui = {};
    return run;
  }
  const inquirer = {
    prompt,
    Separator,
    createPromptModule: () => prompt,
    registerPrompt() {},
    restoreDefaultPrompts() {},
  };
  inquirer.default = inquirer;
  return inquirer;
})
