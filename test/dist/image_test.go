package dist

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// descriptor, index, manifest and imageConfig are the parts of the OCI
// image-spec documents the test reads: written out here, not taken from the
// library that built the image, so the check is independent of it.
type descriptor struct {
	MediaType   string            `json:"mediaType"`
	Digest      string            `json:"digest"`
	Annotations map[string]string `json:"annotations"`
	Platform    *struct {
		OS           string `json:"os"`
		Architecture string `json:"architecture"`
	} `json:"platform"`
}

type index struct {
	Manifests []descriptor `json:"manifests"`
}

type manifest struct {
	Config descriptor   `json:"config"`
	Layers []descriptor `json:"layers"`
}

type imageConfig struct {
	OS, Architecture string
	Config           struct {
		Entrypoint, Cmd []string
		User            string
		WorkingDir      string
		Env             []string
		Labels          map[string]string
	} `json:"config"`
}

// TestImage builds the image with scripts/image from the release and checks
// it as a registry or runtime would read it: the layout's tag, the
// linux/amd64 manifest, its config (entrypoint, a non-root user), the files
// of its layer, and the hypergen binary taken out of it running.
func TestImage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "image")
	if _, err := script(t, "image", []string{"RELEASE=" + release, "OUT=" + out}, version); err != nil {
		t.Fatal(err)
	}
	blob := func(d descriptor, v any) []byte {
		t.Helper()
		raw, err := os.ReadFile(filepath.Join(out, "blobs", strings.Replace(d.Digest, ":", "/", 1)))
		if err != nil {
			t.Fatal(err)
		}
		if v != nil {
			if err := json.Unmarshal(raw, v); err != nil {
				t.Fatalf("%s: %v", d.Digest, err)
			}
		}
		return raw
	}
	var top index
	raw, err := os.ReadFile(filepath.Join(out, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &top); err != nil {
		t.Fatal(err)
	}
	if len(top.Manifests) != 1 || top.Manifests[0].Annotations["org.opencontainers.image.ref.name"] != "hypergen:"+version {
		t.Fatalf("index.json: want one image index tagged hypergen:%s:\n%s", version, raw)
	}
	var platforms index
	blob(top.Manifests[0], &platforms)
	var amd64 *descriptor
	for i, m := range platforms.Manifests {
		if m.Platform != nil && m.Platform.OS == "linux" && m.Platform.Architecture == "amd64" {
			amd64 = &platforms.Manifests[i]
		}
	}
	if amd64 == nil {
		t.Fatalf("no linux/amd64 manifest in %+v", platforms)
	}
	var m manifest
	blob(*amd64, &m)
	var cfg imageConfig
	blob(m.Config, &cfg)
	if cfg.OS != "linux" || cfg.Architecture != "amd64" {
		t.Errorf("config platform %s/%s", cfg.OS, cfg.Architecture)
	}
	if !slices.Equal(cfg.Config.Entrypoint, []string{"/usr/local/bin/hypergen"}) {
		t.Errorf("entrypoint %q", cfg.Config.Entrypoint)
	}
	if cfg.Config.User != "65532:65532" {
		t.Errorf("user %q, want the non-root 65532:65532", cfg.Config.User)
	}
	// Run as another user (-u "$(id -u)"), hypergen cannot write 65532's
	// home: its cache must go where anyone may write.
	if !slices.Contains(cfg.Config.Env, "XDG_CACHE_HOME=/tmp/.cache") {
		t.Errorf("env %q: the cache folder is not under /tmp", cfg.Config.Env)
	}
	if got := cfg.Config.Labels["org.opencontainers.image.version"]; got != version {
		t.Errorf("version label %q", got)
	}
	if len(m.Layers) != 1 {
		t.Fatalf("%d layers, want 1", len(m.Layers))
	}

	// The layer's files, and the binary and passwd taken out of it.
	exe := filepath.Join(t.TempDir(), "hypergen")
	var files []string
	var passwd string
	gz, err := gzip.NewReader(strings.NewReader(string(blob(m.Layers[0], nil))))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, h.Name)
		switch h.Name {
		case "usr/local/bin/hypergen":
			if h.Mode&0o111 == 0 {
				t.Errorf("hypergen mode %o is not executable", h.Mode)
			}
			copyTo(t, tr, exe, 0o755)
		case "etc/passwd":
			b, _ := io.ReadAll(tr)
			passwd = string(b)
		case "work/":
			if h.Uid != 65532 {
				t.Errorf("/work belongs to %d, so the image's user cannot write there", h.Uid)
			}
		}
	}
	want := []string{"etc/", "etc/group", "etc/passwd", "etc/ssl/", "etc/ssl/certs/", "etc/ssl/certs/ca-certificates.crt",
		"home/", "home/nonroot/", "tmp/", "usr/", "usr/local/", "usr/local/bin/"}
	for _, c := range commands(t) {
		want = append(want, "usr/local/bin/"+c)
	}
	want = append(want, "work/")
	if !slices.Equal(files, want) {
		t.Errorf("layer files:\n got %q\nwant %q", files, want)
	}
	if !strings.Contains(passwd, "nonroot:x:65532:65532:") {
		t.Errorf("/etc/passwd has no user 65532:\n%s", passwd)
	}
	if out := run(t, ".", nil, exe, "version"); !strings.HasPrefix(out, "hypergen "+version+" ") {
		t.Errorf("the image's hypergen version:\n%s", out)
	}
	checkDockerfile(t, cfg)
}

// checkDockerfile holds deploy/Dockerfile (for docker compose users) to the
// image this builds: the same entrypoint and a non-root base.
func checkDockerfile(t *testing.T, cfg imageConfig) {
	f, err := os.Open(filepath.Join(testenv.RepoRoot(), "deploy", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stage := ""
	var from, entrypoint string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "FROM":
			stage = fields[len(fields)-1]
			if stage == "hypergen" {
				from = fields[1]
			}
		case "ENTRYPOINT":
			if stage == "hypergen" {
				entrypoint = strings.TrimSpace(strings.TrimPrefix(sc.Text(), "ENTRYPOINT"))
			}
		}
	}
	want, _ := json.Marshal(cfg.Config.Entrypoint)
	if entrypoint != string(want) {
		t.Errorf("deploy/Dockerfile's hypergen entrypoint %s, the image's %s", entrypoint, want)
	}
	if !strings.HasSuffix(from, ":nonroot") {
		t.Errorf("deploy/Dockerfile's hypergen stage is FROM %s, not a nonroot base", from)
	}
}
