// normalises the --conn.* and --tag flags in place, returning nothing new
module.exports = {
  params: ({ args }) => {
    if (args.conn) args.conn.port = args.conn.port || 5432
    if (args.tag) args.tag.push('default')
    args.extra = 'top-level assignments stay the hook\'s own'
    args.other = { x: 'replaced objects stay the hook\'s own too' }
    return {}
  },
}
