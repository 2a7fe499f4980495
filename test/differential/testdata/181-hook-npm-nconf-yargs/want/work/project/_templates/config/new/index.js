// nconf 0.11 (with yargs 16, which it requires) as a public tree's hooks use
// it: both call Object.prototype.__defineGetter__ and __lookupGetter__
// while they load.
const nconf = require('nconf');
module.exports = {
  params: ({ args }) => {
    const conf = new nconf.Provider();
    conf.overrides({ region: 'eu' }).defaults({ port: 8080, region: 'us' });
    return { ...args, port: conf.get('port'), region: conf.get('region'), argv: typeof nconf.argv };
  },
};
