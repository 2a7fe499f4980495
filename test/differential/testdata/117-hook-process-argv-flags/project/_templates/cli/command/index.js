module.exports = {
  params: () => {
    const argv = process.argv.slice(2)
    const flags = argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2))
    return { command: argv[2], flags, raw: argv.join(' ') }
  },
}
