module.exports = {
  exec: (command, body) => {
    process.stdout.write('exec got: ' + command + ' <' + body.trim() + '>\n')
    return Promise.resolve()
  },
}
