// The enquirer prompt that a question's functions see in a hook's
// prompter.prompt(): `this` in skip, validate and result, and initial's
// argument. It has what hooks read of enquirer's Prompt: name, message,
// type, options (the question), initial, value, state.answers (the answers
// so far), and for a question with choices, the choices as enquirer
// normalises them with find, map, focused and selected (the choice or
// choices answered; there is no cursor, so a multiselect's focused is the
// first chosen), and enquirer, the Enquirer instance asking, with its
// answers. It evaluates to a function of (question, type, enquirer)
// returning { prompt, answered(value) }.
(function (q, type, enquirer) {
  'use strict';
  const isValue = (v) => v != null && v !== '';
  const choices = (Array.isArray(q.choices) ? q.choices : []).map((c, index) => {
    const ch = c !== null && typeof c === 'object' ? Object.assign({}, c) : { name: String(c) };
    ch.name = ch.name || ch.key || ch.title || ch.value || ch.message;
    ch.message = ch.message || ch.name || '';
    ch.value = [ch.value, ch.name].find(isValue);
    ch.index = index;
    ch.enabled = false;
    return ch;
  });
  const multiple = type === 'multiselect' || q.multiple === true;
  let focused;
  const prompt = {
    name: q.name, message: q.message, type, options: q, initial: q.initial, value: undefined, choices, multiple, enquirer,
    state: { name: q.name, message: q.message, type, answers: enquirer.answers, submitted: false, cancelled: false },
    find(value, prop) {
      if (value !== null && typeof value === 'object') return prop ? value[prop] : value;
      const fn = typeof value === 'function' ? value : (ch, i) => [ch.name, i].includes(value);
      const choice = this.choices.find(fn);
      if (choice) return prop ? choice[prop] : choice;
    },
    map(names = [], prop = 'value') {
      return [].concat(names || []).reduce((acc, name) => {
        acc[name] = this.find(name, prop);
        return acc;
      }, {});
    },
    get enabled() { return this.choices.filter((ch) => ch.enabled); },
    get focused() { return focused; },
    get selected() { return multiple ? this.enabled : focused; },
  };
  const answered = (value) => {
    prompt.value = value;
    prompt.state.submitted = true;
    const names = [].concat(value);
    for (const ch of choices) ch.enabled = names.includes(ch.name);
    focused = choices.find((ch) => ch.enabled) || choices[0];
  };
  return { prompt, answered };
})
