package noderesolve

import (
	"slices"
	"strings"
)

// builtins are Node 20's core module names (require('module').builtinModules),
// so that require("http") reads as a missing core module, not as an npm
// package that is not installed.
var builtins = []string{
	"_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server",
	"_stream_duplex", "_stream_passthrough", "_stream_readable", "_stream_transform", "_stream_wrap",
	"_stream_writable", "_tls_common", "_tls_wrap", "assert", "assert/strict", "async_hooks", "buffer",
	"child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns",
	"dns/promises", "domain", "events", "fs", "fs/promises", "http", "http2", "https", "inspector",
	"inspector/promises", "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks",
	"process", "punycode", "querystring", "readline", "readline/promises", "repl", "stream",
	"stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers",
	"timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi",
	"worker_threads", "zlib",
}

// IsBuiltin reports whether id names a Node core module, with or without
// the node: prefix; it returns the name without the prefix.
func IsBuiltin(id string) (string, bool) {
	name, prefixed := strings.CutPrefix(id, "node:")
	if _, found := slices.BinarySearch(builtins, name); found {
		return name, true
	}
	return name, prefixed // node:anything is core, even one Node lacks
}

// Builtins returns Node 20's core module names, sorted.
func Builtins() []string { return slices.Clone(builtins) }
