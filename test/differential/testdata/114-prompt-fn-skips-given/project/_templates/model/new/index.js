module.exports = {
  prompt: async ({ prompter, args }) => {
    const missing = [
      { type: 'input', name: 'name', message: 'Model name?' },
      { type: 'input', name: 'fields', message: 'Fields (name:type,...)?' },
    ].filter((q) => !args[q.name])
    const answers = missing.length ? await prompter.prompt(missing) : {}
    const all = Object.assign({}, args, answers)
    return {
      ...answers,
      fields: String(all.fields).split(',').map((f) => {
        const [field, type] = f.split(':')
        return { field, type }
      }),
      table: all.name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() + 's',
    }
  },
}
