//go:build unix

package jsrt

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// passwdEntry reads this process's user from /etc/passwd (name, password,
// uid, gid, comment, home, shell), as the C library does for files-only
// systems; directory services (LDAP, NIS) are not asked.
func passwdEntry() (account, bool) {
	f, err := os.Open("/etc/passwd")
	if err != nil {
		return account{}, false
	}
	defer f.Close()
	uid := strconv.Itoa(os.Getuid())
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		fields := strings.Split(lines.Text(), ":")
		if len(fields) != 7 || fields[2] != uid {
			continue
		}
		gid, err := strconv.Atoi(fields[3])
		if err != nil {
			return account{}, false
		}
		return account{uid: os.Getuid(), gid: gid, name: fields[0], home: fields[5], shell: fields[6]}, true
	}
	return account{}, false
}
