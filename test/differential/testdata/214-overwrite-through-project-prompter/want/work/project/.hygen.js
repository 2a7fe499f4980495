module.exports = {
  createPrompter: () => ({
    prompt: async (q) => {
      console.log('asked:', JSON.stringify(q))
      return { overwrite: q.message.includes('yes.txt') }
    },
  }),
}
