package jsrt

import "testing"

// A tick queued by a promise callback runs once every promise callback
// has run, those queued after it too, and the promise callbacks the ticks
// queue run after all the ticks, as in Node, whose order this is (Node
// 20.20.2 gives the same for the hook's params and for a module's body).
// The tick ran among the promise callbacks: after those queued before it,
// before those queued after.
func TestNextTickFromPromiseCallback(t *testing.T) {
	const order = `const log = [];
Promise.resolve().then(() => { process.nextTick(() => log.push('tick')); log.push('p1'); Promise.resolve().then(() => log.push('p1-inner')) });
Promise.resolve().then(() => log.push('p2')).then(() => log.push('p2b')).then(() => log.push('p2c'));
Promise.resolve().then(() => { process.nextTick(() => { log.push('t1'); Promise.resolve().then(() => log.push('t1-p')); process.nextTick(() => log.push('t1-t')) }); process.nextTick(() => log.push('t2')) });
setImmediate(() => log.push('imm'));`
	tests := []struct{ name, hook, want string }{
		{"in params", `module.exports = { params: async () => { ` + order + `
	await null; log.push('await'); await new Promise((r) => setImmediate(r)); return { v: log.join() } } }`,
			"p1,p2,await,p1-inner,p2b,p2c,tick,t1,t2,t1-t,t1-p,imm"},
		{"in a module's body", order + `
module.exports = { params: async () => { await new Promise((r) => setImmediate(r)); return { v: log.join() } } }`,
			"p1,p2,p1-inner,p2b,p2c,tick,t1,t2,t1-t,t1-p,imm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := evalHook(t, map[string]string{"hook.js": tt.hook}, RunOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := got.Get("v"); v != tt.want {
				t.Errorf("got  %v\nwant %s", v, tt.want)
			}
		})
	}
}
