module.exports = {
  params: () => ({ then: (resolve) => resolve({ x: 'from a thenable' }) }),
}
