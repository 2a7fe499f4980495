// Web-platform globals npm packages reach for in Node 20: EventTarget and
// Event, AbortController and AbortSignal, DOMException, WeakRef,
// FinalizationRegistry, and String's isWellFormed/toWellFormed.
module.exports = {
  params: () => {
    const log = [];
    const ac = new AbortController();
    ac.signal.addEventListener('abort', (e) => log.push(e.type + ':' + (e.target === ac.signal)));
    ac.signal.onabort = () => log.push('onabort');
    ac.abort();
    ac.abort();
    log.push(ac.signal.aborted, ac.signal.reason.name, ac.signal.reason.message, ac.signal.reason.code);
    try { ac.signal.throwIfAborted(); } catch (e) { log.push('threw ' + (e instanceof DOMException)); }
    const t = new EventTarget();
    const f = () => log.push('f');
    t.addEventListener('x', f);
    t.addEventListener('x', f);
    t.addEventListener('x', { handleEvent: () => log.push('once') }, { once: true });
    t.addEventListener('x', (e) => e.preventDefault());
    log.push(t.dispatchEvent(new Event('x', { cancelable: true })), t.dispatchEvent(new Event('x')));
    const any = AbortSignal.any([new AbortController().signal, AbortSignal.abort('why')]);
    log.push(any.aborted, any.reason, AbortSignal.timeout(1000).aborted);
    try { new AbortSignal(); } catch (e) { log.push(e.code); }
    log.push(new WeakRef({ k: 'v' }).deref().k);
    const reg = new FinalizationRegistry(() => {});
    const token = {};
    reg.register({}, 'held', token);
    log.push(reg.unregister(token), reg.unregister(token));
    log.push('a\uD800b'.isWellFormed(), JSON.stringify('\uDC00x\uD800'.toWellFormed()));
    log.push(Object.prototype.toString.call(ac.signal), new DOMException('m', 'TimeoutError').code);
    return { out: log.join('\n') };
  },
};
