// Package baseline turns the hypergen-perf executable into a stand-in for a
// hello-world process: perf benchmark compares hypergen's process start-up
// with a hello-world Go binary's, and a user who installed only the release
// archive has no Go toolchain to build one. internal/perfcli imports it, so
// hypergen-perf carries its init.
//
// It is a stand-in, not a hello-world: the same Go runtime, but a 40 MB
// executable maps more pages and registers more interface tables than a 2 MB
// hello-world. Both built as released (CGO_ENABLED=0 -trimpath), on a busy
// 2-core VM, perf stat -r 60 counted 314 page faults and 16.9 ms task-clock
// for the stand-in against 177 and 7.2 ms for a hello-world. So perf
// benchmark prefers a real hello-world whenever the go command is on PATH,
// and prints the ratio against the stand-in without judging it.
package baseline
