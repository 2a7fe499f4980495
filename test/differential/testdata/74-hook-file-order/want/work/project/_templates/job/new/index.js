module.exports = {
  params: ({ args }) => new Promise((resolve) => resolve({ name: 'nightly', schedule: `every ${args.every}` })),
}
