package jsrt

import (
	"maps"
	"slices"
	"syscall"

	"github.com/dop251/goja"
)

// fsConstants are fs.constants: the access modes, copy flags, open flags
// and file types, with this system's values where it has them (the open
// flags and file types come from package syscall).
func fsConstants() map[string]int {
	return map[string]int{
		"F_OK": 0, "R_OK": 4, "W_OK": 2, "X_OK": 1,
		"COPYFILE_EXCL": 1, "COPYFILE_FICLONE": 2, "COPYFILE_FICLONE_FORCE": 4,
		"UV_FS_COPYFILE_EXCL": 1, "UV_FS_COPYFILE_FICLONE": 2, "UV_FS_COPYFILE_FICLONE_FORCE": 4,
		"O_RDONLY": syscall.O_RDONLY, "O_WRONLY": syscall.O_WRONLY, "O_RDWR": syscall.O_RDWR,
		"O_CREAT": syscall.O_CREAT, "O_EXCL": syscall.O_EXCL, "O_NOCTTY": syscall.O_NOCTTY,
		"O_TRUNC": syscall.O_TRUNC, "O_APPEND": syscall.O_APPEND, "O_NONBLOCK": syscall.O_NONBLOCK,
		"O_SYNC": syscall.O_SYNC,
		"S_IFMT": syscall.S_IFMT, "S_IFREG": syscall.S_IFREG, "S_IFDIR": syscall.S_IFDIR,
		"S_IFCHR": syscall.S_IFCHR, "S_IFBLK": syscall.S_IFBLK, "S_IFIFO": syscall.S_IFIFO,
		"S_IFLNK": syscall.S_IFLNK, "S_IFSOCK": syscall.S_IFSOCK,
		"S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200, "S_IXUSR": 0o100,
		"S_IRWXG": 0o70, "S_IRGRP": 0o40, "S_IWGRP": 0o20, "S_IXGRP": 0o10,
		"S_IRWXO": 0o7, "S_IROTH": 0o4, "S_IWOTH": 0o2, "S_IXOTH": 0o1,
	}
}

// osSignals and osErrnos are os.constants.signals and errno, the common
// ones, with this system's numbers.
func osSignals() map[string]int {
	return map[string]int{
		"SIGHUP": int(syscall.SIGHUP), "SIGINT": int(syscall.SIGINT), "SIGQUIT": int(syscall.SIGQUIT),
		"SIGILL": int(syscall.SIGILL), "SIGTRAP": int(syscall.SIGTRAP), "SIGABRT": int(syscall.SIGABRT),
		"SIGBUS": int(syscall.SIGBUS), "SIGFPE": int(syscall.SIGFPE), "SIGKILL": int(syscall.SIGKILL),
		"SIGSEGV": int(syscall.SIGSEGV), "SIGPIPE": int(syscall.SIGPIPE), "SIGALRM": int(syscall.SIGALRM),
		"SIGTERM": int(syscall.SIGTERM),
	}
}

func osErrnos() map[string]int {
	m := map[string]int{}
	for name, e := range map[string]syscall.Errno{
		"E2BIG": syscall.E2BIG, "EACCES": syscall.EACCES, "EADDRINUSE": syscall.EADDRINUSE, "EAGAIN": syscall.EAGAIN,
		"EBADF": syscall.EBADF, "EBUSY": syscall.EBUSY, "ECONNREFUSED": syscall.ECONNREFUSED,
		"ECONNRESET": syscall.ECONNRESET, "EEXIST": syscall.EEXIST, "EINTR": syscall.EINTR, "EINVAL": syscall.EINVAL,
		"EIO": syscall.EIO, "EISDIR": syscall.EISDIR, "ELOOP": syscall.ELOOP, "EMFILE": syscall.EMFILE,
		"ENAMETOOLONG": syscall.ENAMETOOLONG, "ENOENT": syscall.ENOENT, "ENOSPC": syscall.ENOSPC,
		"ENOTDIR": syscall.ENOTDIR, "ENOTEMPTY": syscall.ENOTEMPTY, "EPERM": syscall.EPERM, "EPIPE": syscall.EPIPE,
		"EROFS": syscall.EROFS, "ETIMEDOUT": syscall.ETIMEDOUT, "EXDEV": syscall.EXDEV,
	} {
		m[name] = int(e)
	}
	return m
}

// constantsModule is Node's deprecated constants module, which
// graceful-fs (under fs-extra) still requires: errno, signals and fs
// constants in one object.
func (vm *VM) constantsModule(module *goja.Object) {
	all := osErrnos()
	maps.Copy(all, osSignals())
	maps.Copy(all, fsConstants())
	_ = module.Set("exports", vm.objectOf(all))
}

// objectOf is table as a JavaScript object, its keys in order, so that
// listing them gives the same order in every run.
func (vm *VM) objectOf(table map[string]int) *goja.Object {
	o := vm.rt.NewObject()
	for _, k := range slices.Sorted(maps.Keys(table)) {
		_ = o.Set(k, table[k])
	}
	return o
}
