package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestResolve(t *testing.T) {
	vcs := func(rev, time, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "-trimpath", Value: "true"},
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: time},
			{Key: "vcs.modified", Value: modified},
		}
	}
	tests := []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  Info
	}{
		{"release build wins over build info", "v1.2.3", "abc", "2026-12-01T00:00:00Z",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-x"}, Settings: vcs("def", "t", "true")},
			Info{Version: "v1.2.3", Commit: "abc", Time: "2026-12-01T00:00:00Z", Stamped: true}},
		{"go install module@version: no vcs settings", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}},
			Info{Version: "v0.4.0"}},
		{"go build in a clean checkout", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201233900-1865917abcde"}, Settings: vcs("1865917abcdef", "2026-12-01T23:39:00Z", "false")},
			Info{Version: "v0.0.0-20261201233900-1865917abcde", Commit: "1865917abcdef", Time: "2026-12-01T23:39:00Z"}},
		{"go build in a dirty work tree", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201233900-1865917abcde+dirty"}, Settings: vcs("1865917abcdef", "2026-12-01T23:39:00Z", "true")},
			Info{Version: "v0.0.0-20261201233900-1865917abcde+dirty", Commit: "1865917abcdef", Time: "2026-12-01T23:39:00Z", Dirty: true}},
		{"no version control", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			Info{Version: "dev"}},
		{"no build information", "", "", "", nil, Info{Version: "dev"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolve(tt.version, tt.commit, tt.date, tt.bi); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
