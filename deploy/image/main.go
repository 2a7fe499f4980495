// Command image builds hypergen's container image without a container
// engine, with go-containerregistry: one layer holding the release
// executables, /etc/passwd and /etc/group with a non-root user, CA
// certificates and writable /tmp and /work, on an empty base (the result is
// what a scratch or distroless-static base gives, but needs no registry).
// It writes an OCI image layout with one image index, one manifest per
// platform, tagged by the org.opencontainers.image.ref.name annotation.
//
//	go run . -out DIR -tag hypergen:v1.2.3 -version v1.2.3 -revision SHA \
//	  -created 2026-12-01T00:00:00Z -commands hypergen \
//	  -platform linux/amd64=RELEASE/hypergen_v1.2.3_linux_amd64 [-platform linux/arm64=...]
//
// scripts/image runs it; test/dist checks its output.
package main

import (
	"archive/tar"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// The image's user: distroless's "nonroot" ids, so volumes prepared for
// those images work here too.
const (
	uid     = 65532
	binDir  = "/usr/local/bin"
	workDir = "/work"
)

type platforms []string

func (p *platforms) String() string     { return strings.Join(*p, ",") }
func (p *platforms) Set(s string) error { *p = append(*p, s); return nil }

func main() {
	var plats platforms
	out := flag.String("out", "", "OCI image layout folder to write (replaced)")
	tag := flag.String("tag", "hypergen:dev", "reference name annotated in the layout")
	version := flag.String("version", "dev", "org.opencontainers.image.version")
	revision := flag.String("revision", "", "org.opencontainers.image.revision")
	created := flag.String("created", "", "RFC 3339 creation time (default: now)")
	commands := flag.String("commands", "hypergen", "comma-separated executables to copy; the first is the entrypoint")
	caCerts := flag.String("ca-certs", "/etc/ssl/certs/ca-certificates.crt", "CA bundle to install, for OTLP over TLS")
	flag.Var(&plats, "platform", "linux/ARCH=FOLDER holding the executables for that platform (repeat per platform)")
	flag.Parse()
	if err := run(*out, *tag, *version, *revision, *created, strings.Split(*commands, ","), *caCerts, plats); err != nil {
		fmt.Fprintln(os.Stderr, "image:", err)
		os.Exit(1)
	}
}

func run(out, tag, version, revision, created string, commands []string, caCerts string, plats []string) error {
	if out == "" || len(plats) == 0 {
		return errors.New("-out and at least one -platform are required")
	}
	when := time.Now().UTC().Truncate(time.Second)
	if created != "" {
		var err error
		if when, err = time.Parse(time.RFC3339, created); err != nil {
			return fmt.Errorf("-created: %w", err)
		}
	}
	certs, err := os.ReadFile(caCerts)
	if err != nil {
		return fmt.Errorf("CA certificates: %w", err)
	}
	labels := map[string]string{
		"org.opencontainers.image.title":    "hypergen",
		"org.opencontainers.image.source":   "https://github.com/hypergen-dev/hypergen",
		"org.opencontainers.image.version":  version,
		"org.opencontainers.image.revision": revision,
		"org.opencontainers.image.created":  when.Format(time.RFC3339),
	}
	idx := mutate.IndexMediaType(empty.Index, types.OCIImageIndex)
	for _, p := range plats {
		spec, dir, ok := strings.Cut(p, "=")
		osName, arch, ok2 := strings.Cut(spec, "/")
		if !ok || !ok2 || osName != "linux" {
			return fmt.Errorf("-platform %q: want linux/ARCH=FOLDER", p)
		}
		img, err := image(dir, arch, commands, certs, when, labels)
		if err != nil {
			return fmt.Errorf("%s: %w", spec, err)
		}
		idx = mutate.AppendManifests(idx, mutate.IndexAddendum{
			Add:        img,
			Descriptor: v1.Descriptor{Platform: &v1.Platform{OS: osName, Architecture: arch}},
		})
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	lp, err := layout.Write(out, empty.Index)
	if err != nil {
		return fmt.Errorf("writing the layout: %w", err)
	}
	if err := lp.AppendIndex(idx, layout.WithAnnotations(map[string]string{
		"org.opencontainers.image.ref.name": tag,
	})); err != nil {
		return fmt.Errorf("writing the layout: %w", err)
	}
	return nil
}

// image is one platform's image: the layer on an empty base, and the config.
func image(dir, arch string, commands []string, certs []byte, when time.Time, labels map[string]string) (v1.Image, error) {
	files, err := layerTar(dir, commands, certs, when)
	if err != nil {
		return nil, err
	}
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(files)), nil
	}, tarball.WithMediaType(types.OCILayer))
	if err != nil {
		return nil, err
	}
	base := mutate.ConfigMediaType(mutate.MediaType(empty.Image, types.OCIManifestSchema1), types.OCIConfigJSON)
	img, err := mutate.Append(base, mutate.Addendum{Layer: layer, History: v1.History{
		Created: v1.Time{Time: when}, CreatedBy: "deploy/image: " + strings.Join(commands, ", "),
	}})
	if err != nil {
		return nil, err
	}
	cf, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cf = cf.DeepCopy()
	cf.OS, cf.Architecture, cf.Created = "linux", arch, v1.Time{Time: when}
	cf.Config = v1.Config{
		Entrypoint: []string{path.Join(binDir, commands[0])},
		Cmd:        []string{"help"},
		User:       fmt.Sprintf("%d:%d", uid, uid),
		WorkingDir: workDir,
		// The index cache goes to /tmp, which any user may write: run with
		// -u "$(id -u)", as the README shows, the home folder is 65532's
		// alone, and every run warned that the cache was not writable.
		Env:    []string{"PATH=" + binDir + ":/usr/bin:/bin", "HOME=/home/nonroot", "XDG_CACHE_HOME=/tmp/.cache"},
		Labels: labels,
	}
	return mutate.ConfigFile(img, cf)
}

// layerTar is the layer's file system, entries in a fixed order with a fixed
// time, so the same inputs give the same layer digest.
func layerTar(dir string, commands []string, certs []byte, when time.Time) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	add := func(h *tar.Header, body []byte) error {
		h.ModTime, h.Format = when, tar.FormatPAX
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(body))
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		_, err := tw.Write(body)
		return err
	}
	dirEntry := func(name string, mode int64, owner int) *tar.Header {
		return &tar.Header{Name: name + "/", Typeflag: tar.TypeDir, Mode: mode, Uid: owner, Gid: owner}
	}
	file := func(name string, mode int64) *tar.Header {
		return &tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: mode}
	}
	type entry struct {
		h    *tar.Header
		body []byte
	}
	entries := []entry{
		{dirEntry("etc", 0o755, 0), nil},
		{file("etc/group", 0o644), []byte("root:x:0:\nnonroot:x:65532:\n")},
		{file("etc/passwd", 0o644), []byte("root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n")},
		{dirEntry("etc/ssl", 0o755, 0), nil},
		{dirEntry("etc/ssl/certs", 0o755, 0), nil},
		{file("etc/ssl/certs/ca-certificates.crt", 0o644), certs},
		{dirEntry("home", 0o755, 0), nil},
		{dirEntry("home/nonroot", 0o700, uid), nil},
		{dirEntry("tmp", 0o1777, 0), nil},
		{dirEntry("usr", 0o755, 0), nil},
		{dirEntry("usr/local", 0o755, 0), nil},
		{dirEntry("usr/local/bin", 0o755, 0), nil},
	}
	for _, c := range commands {
		body, err := os.ReadFile(filepath.Join(dir, c))
		if err != nil {
			return nil, fmt.Errorf("executable %s: %w", c, err)
		}
		entries = append(entries, entry{file(strings.TrimPrefix(path.Join(binDir, c), "/"), 0o755), body})
	}
	entries = append(entries, entry{dirEntry(strings.TrimPrefix(workDir, "/"), 0o755, uid), nil})
	for _, e := range entries {
		if err := add(e.h, e.body); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
