import path from 'path';
module.exports = { params: ({ args }) => ({ ...args, who: path.basename('/x/world') }) };
