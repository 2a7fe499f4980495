package jsrt

import "syscall"

// machineInfo is what os.release(), version(), machine(), totalmem(),
// freemem(), uptime() and loadavg() report, from uname and sysinfo as
// Node's libuv reads them on Linux.
func machineInfo() (m machine, ok bool) {
	var u syscall.Utsname
	var si syscall.Sysinfo_t
	if syscall.Uname(&u) != nil || syscall.Sysinfo(&si) != nil {
		return m, false
	}
	unit := uint64(si.Unit)
	if unit == 0 {
		unit = 1
	}
	m = machine{release: utsString(u.Release[:]), version: utsString(u.Version[:]), arch: utsString(u.Machine[:]),
		total: uint64(si.Totalram) * unit, free: uint64(si.Freeram) * unit, uptime: float64(si.Uptime)}
	for i, l := range si.Loads {
		m.load[i] = float64(l) / (1 << 16) // the kernel's fixed point
	}
	return m, true
}

func utsString[T int8 | uint8](field []T) string {
	b := make([]byte, 0, len(field))
	for _, c := range field {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}
