package memlimit

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func fakeRoot(t *testing.T, files map[string]string) string {
	root := t.TempDir()
	for p, c := range files {
		full := filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestCgroupLimit(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  int64
	}{
		{"v2 own group", map[string]string{
			"proc/self/cgroup":                       "0::/app.slice/job\n",
			"sys/fs/cgroup/app.slice/job/memory.max": "536870912\n",
			"sys/fs/cgroup/memory.max":               "999\n",
		}, 536870912},
		{"v2 unlimited", map[string]string{"proc/self/cgroup": "0::/\n", "sys/fs/cgroup/memory.max": "max\n"}, 0},
		{"v1", map[string]string{
			"proc/self/cgroup": "5:cpu,cpuacct:/x\n4:memory:/docker/abc\n",
			"sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes": "268435456\n",
		}, 268435456},
		{"v1 unlimited", map[string]string{
			"sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n",
		}, 0},
		{"no cgroup", map[string]string{}, 0},
	}
	for _, c := range cases {
		if got, _ := cgroupLimit(fakeRoot(t, c.files)); got != c.want {
			t.Errorf("%s: limit = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestApplyRespectsGOMEMLIMITAndSetsFromCgroup(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	root := fakeRoot(t, map[string]string{"sys/fs/cgroup/memory.max": "1000000000\n"})
	s := Apply(func(string) string { return "" }, root)
	if s.Limit != 1e9 || debug.SetMemoryLimit(-1) != 9e8 {
		t.Errorf("setting = %+v, runtime limit = %d", s, debug.SetMemoryLimit(-1))
	}
	debug.SetMemoryLimit(12345678)
	s = Apply(func(k string) string {
		if k == "GOMEMLIMIT" {
			return "12345678B"
		}
		return ""
	}, root)
	if s.Source != "GOMEMLIMIT" || debug.SetMemoryLimit(-1) != 12345678 {
		t.Errorf("GOMEMLIMIT overridden: %+v", s)
	}
}
