const util = require('util')
module.exports = {
  params: () => ({
    out: [
      JSON.stringify(Buffer.from('hi')),
      JSON.stringify({ nested: Buffer.from([0, 255]) }),
      util.inspect(Buffer.from('hi')),
      Buffer.name,
      util.inspect(new Array(3)),
      util.inspect([1, , , 2, ,]),
    ].join('\n'),
  }),
}
