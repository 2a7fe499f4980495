// Package procgroup starts the commands hypergen runs for a template (sh:
// frontmatter, a hook's child_process calls) so that stopping one stops what
// it started too.
//
// A shell command that starts another process and waits for it (`sleep 60;
// echo done`, `npm install`) leaves that process behind when only the shell
// is signalled, and the process keeps the pipe the run reads the shell's
// output from, so the run waited for it however it was stopped. On Unix each
// command is the leader of a process group of its own: when the command's
// context ends, the group gets SIGTERM, and whatever of it is left when the
// command's wait ends gets SIGKILL. A command that shares the terminal
// (ForegroundTerminal) stays in hypergen's group, since a background group
// that reads the terminal is stopped by the kernel; only the command itself
// is signalled then.
package procgroup
