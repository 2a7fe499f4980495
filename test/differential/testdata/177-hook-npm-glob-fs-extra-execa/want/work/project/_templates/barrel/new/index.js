const assert = require('assert')
const strict = require('assert/strict')
const glob = require('glob')
const fse = require('fs-extra')
const execa = require('execa')
const constants = require('constants')
const os = require('os')
const util = require('util')

module.exports = {
  params: ({ args }) => {
    assert(args.name, 'a folder name is needed')
    assert.strictEqual(typeof args.name, 'string')
    const files = glob.sync(`src/${args.name}/*.ts`).sort()
    const pkg = fse.readJsonSync('package.json')
    let caught = ''
    try {
      strict.deepEqual({ a: [1, 2] }, { a: [1, '2'] })
    } catch (e) {
      caught = `${e.name} ${e.code} ${e.operator}`
    }
    assert.throws(() => { throw new TypeError('bad') }, TypeError)
    assert.deepStrictEqual(new Map([[1, { x: 1 }]]), new Map([[1, { x: 1 }]]))
    return {
      files,
      pkgName: pkg.name,
      echoed: execa.sync('echo', ['from', 'execa']).stdout,
      caught,
      wronly: constants.O_WRONLY,
      sigint: os.constants.signals.SIGINT,
      enoent: os.constants.errno.ENOENT,
      deep: [util.isDeepStrictEqual([1, { a: 2 }], [1, { a: 2 }]), util.isDeepStrictEqual([1], ['1'])].join(','),
    }
  },
}
