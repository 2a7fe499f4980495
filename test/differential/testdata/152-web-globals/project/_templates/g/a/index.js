module.exports = {
  params: async () => {
    const out = []
    const bytes = new TextEncoder().encode('héllo €')
    out.push(bytes.length + ' ' + Array.from(bytes.slice(0, 3)).join(',') + ' ' + (bytes instanceof Uint8Array))
    out.push(new TextDecoder().decode(bytes) + ' ' + new TextDecoder().encoding)
    out.push(btoa('hello, world') + ' ' + atob('aGVsbG8sIHdvcmxk'))
    try { btoa('€') } catch (e) { out.push(e.name + ': ' + e.message) }
    const orig = { d: new Date(0), m: new Map([['k', [1, 2]]]), s: new Set(['x']), n: { deep: true } }
    orig.self = orig
    const copy = structuredClone(orig)
    out.push([copy !== orig, copy.self === copy, copy.d.getTime(), copy.m.get('k').join('+'), copy.s.has('x'), copy.n.deep, copy.n !== orig.n].join(' '))
    try { structuredClone(() => 1) } catch (e) { out.push(e.name) }
    const order = []
    queueMicrotask(() => order.push('microtask'))
    order.push('sync')
    await null
    out.push(order.join(' < '))
    const u = new URL('https://example.com/a/b?x=1&y=two#frag')
    out.push(u.hostname + ' ' + u.pathname + ' ' + u.searchParams.get('y') + ' ' + new URLSearchParams({ a: '1', b: 'x y' }).toString())
    return { out: out.join('\n') }
  },
}
