module.exports = {
  params: () => ({ h: { capitalize: () => 'from the hook' }, other: 1 }),
}
