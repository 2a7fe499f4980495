package memlimit

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
)

// Headroom is the share of the container limit given to the Go heap; the rest
// covers stacks, goroutines' and the runtime's own memory, and non-Go memory.
const Headroom = 0.9

// Setting is the memory limit in force and where it came from.
type Setting struct {
	Limit  int64  `json:"limit_bytes"` // 0: none
	Source string `json:"source"`      // "GOMEMLIMIT", the cgroup file, or "none"
}

// Apply sets the Go memory limit to Headroom of the cgroup's limit unless
// GOMEMLIMIT is set, and reports the limit in force. fsRoot is "/" except in
// tests.
func Apply(getenv func(string) string, fsRoot string) Setting {
	if getenv("GOMEMLIMIT") != "" {
		return Setting{Limit: debug.SetMemoryLimit(-1), Source: "GOMEMLIMIT"}
	}
	limit, file := cgroupLimit(fsRoot)
	if limit <= 0 {
		return Setting{Source: "none"}
	}
	debug.SetMemoryLimit(int64(float64(limit) * Headroom))
	return Setting{Limit: limit, Source: file}
}

// unlimitedV1 is how cgroup v1 says "no limit": a page-aligned maximum
// int64; anything this large is no limit in practice.
const unlimitedV1 = 1 << 60

// cgroupLimit reads the memory limit of this process's cgroup: v2's
// memory.max in the process's own group, else v1's memory.limit_in_bytes.
func cgroupLimit(root string) (int64, string) {
	var candidates []string
	if f, err := os.Open(filepath.Join(root, "proc/self/cgroup")); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			// v2: "0::/path"; v1: "N:memory:/path" (or a list with memory).
			parts := strings.SplitN(sc.Text(), ":", 3)
			if len(parts) != 3 {
				continue
			}
			switch {
			case parts[0] == "0" && parts[1] == "":
				candidates = append(candidates, filepath.Join(root, "sys/fs/cgroup", parts[2], "memory.max"))
			case hasController(parts[1], "memory"):
				candidates = append(candidates, filepath.Join(root, "sys/fs/cgroup/memory", parts[2], "memory.limit_in_bytes"))
			}
		}
		f.Close()
	}
	candidates = append(candidates,
		filepath.Join(root, "sys/fs/cgroup/memory.max"),
		filepath.Join(root, "sys/fs/cgroup/memory/memory.limit_in_bytes"))
	for _, c := range candidates {
		raw, err := os.ReadFile(c)
		if err != nil {
			continue
		}
		s := strings.TrimSpace(string(raw))
		if s == "max" {
			return 0, c
		}
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			if n >= unlimitedV1 {
				return 0, c
			}
			return n, c
		}
	}
	return 0, ""
}

func hasController(list, name string) bool {
	for _, c := range strings.Split(list, ",") {
		if c == name {
			return true
		}
	}
	return false
}
