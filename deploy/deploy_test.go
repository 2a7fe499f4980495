package deploy

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// composeConfig is the part of `docker-compose config` output the checks read.
type composeConfig struct {
	Services map[string]struct {
		Image       string                                        `yaml:"image"`
		Build       *struct{ Context, Dockerfile, Target string } `yaml:"build"`
		Environment map[string]string                             `yaml:"environment"`
		// docker-compose 1.29 writes volumes in the short form,
		// SOURCE:TARGET[:MODE], with bind-mount sources made absolute.
		Volumes []string `yaml:"volumes"`
	} `yaml:"services"`
}

// TestComposeStack validates compose.yaml with docker-compose (no Docker
// engine is needed for `config`), then checks the stack has every part and
// that every file it mounts exists in the repository.
func TestComposeStack(t *testing.T) {
	dc := testenv.Tool(t, "docker-compose", "docker-compose")
	cmd := exec.Command(dc, "-f", "compose.yaml", "config")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("docker-compose config: %v\n%s", err, stderr.String())
	}
	var cfg composeConfig
	if err := yaml.Unmarshal(out, &cfg); err != nil {
		t.Fatalf("docker-compose config output: %v\n%s", err, out)
	}
	for _, s := range []string{"hypergen", "otel-collector", "prometheus", "tempo", "pyroscope", "grafana"} {
		if _, ok := cfg.Services[s]; !ok {
			t.Errorf("service %s missing", s)
		}
	}
	mounts := 0
	for name, s := range cfg.Services {
		if s.Build != nil {
			if _, err := os.Stat(filepath.Join(s.Build.Context, s.Build.Dockerfile)); err != nil {
				t.Errorf("%s: Dockerfile: %v", name, err)
			}
		}
		for _, v := range s.Volumes {
			source, _, _ := strings.Cut(v, ":")
			if !filepath.IsAbs(source) {
				continue // a named volume
			}
			mounts++
			if _, err := os.Stat(source); err != nil {
				t.Errorf("%s mounts %s, which does not exist: %v", name, source, err)
			}
		}
	}
	if mounts < 6 {
		t.Errorf("only %d bind mounts read back", mounts)
	}
	if !slices.Contains(volumeTargets(cfg, "grafana"), "/var/lib/grafana/dashboards/hypergen") {
		t.Error("grafana does not mount the generated dashboards")
	}
	if !slices.Contains(volumeTargets(cfg, "prometheus"), "/etc/prometheus/rules") {
		t.Error("prometheus does not mount the alert rules")
	}
	if got := cfg.Services["hypergen"].Environment["OTEL_EXPORTER_OTLP_ENDPOINT"]; got != "http://otel-collector:4317" {
		t.Errorf("hypergen exports to %q", got)
	}

	// docker-compose rejects what its schema does not allow: the check can fail.
	bad := filepath.Join(t.TempDir(), "compose.yaml")
	raw, _ := os.ReadFile("compose.yaml")
	if err := os.WriteFile(bad, bytes.Replace(raw, []byte("    restart: unless-stopped"), []byte("    restart_policy: sometimes"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(dc, "-f", bad, "config", "-q").CombinedOutput(); err == nil {
		t.Errorf("docker-compose accepted an unknown key:\n%s", out)
	}
}

func volumeTargets(cfg composeConfig, service string) []string {
	var out []string
	for _, v := range cfg.Services[service].Volumes {
		if _, rest, ok := strings.Cut(v, ":"); ok {
			target, _, _ := strings.Cut(rest, ":")
			out = append(out, target)
		}
	}
	return out
}

// TestPrometheusConfig checks the stack's Prometheus configuration with
// promtool, laid out as in the container: the rules next to it in rules/.
func TestPrometheusConfig(t *testing.T) {
	promtool := testenv.Tool(t, "promtool", "prometheus")
	dir := t.TempDir()
	copyFile(t, filepath.Join("prometheus", "prometheus.yml"), filepath.Join(dir, "prometheus.yml"))
	rules, _ := filepath.Glob(filepath.Join("..", "dashboards", "rules", "*.yaml"))
	if len(rules) == 0 {
		t.Fatal("no rule files in dashboards/rules")
	}
	for _, r := range rules {
		copyFile(t, r, filepath.Join(dir, "rules", filepath.Base(r)))
	}
	out, err := exec.Command(promtool, "check", "config", filepath.Join(dir, "prometheus.yml")).CombinedOutput()
	if err != nil {
		t.Fatalf("promtool check config: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "rules found") {
		t.Errorf("promtool did not read the rule files:\n%s", out)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "prometheus.yml"))
	if !strings.Contains(string(raw), "honor_labels: true") {
		t.Error("the scrape of the Collector needs honor_labels: true")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	raw, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// strictDocs splits a manifest file into documents and decodes each strictly
// (unknown or misspelt fields are errors) into the type its kind names.
func strictDocs(t *testing.T, path string) []any {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []any
	for _, doc := range strings.Split(string(raw), "\n---\n") {
		var meta struct{ Kind string }
		if err := sigsyaml.Unmarshal([]byte(doc), &meta); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var obj any
		switch meta.Kind {
		case "Deployment":
			obj = &appsv1.Deployment{}
		case "Service":
			obj = &corev1.Service{}
		case "ConfigMap":
			obj = &corev1.ConfigMap{}
		default:
			t.Fatalf("%s: unexpected kind %q", path, meta.Kind)
		}
		if err := sigsyaml.UnmarshalStrict([]byte(doc), obj); err != nil {
			t.Fatalf("%s (%s): %v", path, meta.Kind, err)
		}
		out = append(out, obj)
	}
	return out
}

func TestKubernetesSidecar(t *testing.T) {
	docs := strictDocs(t, filepath.Join("k8s", "app.yaml"))
	d, ok := docs[0].(*appsv1.Deployment)
	if !ok || len(docs) != 1 {
		t.Fatalf("app.yaml: want one Deployment, got %T ×%d", docs[0], len(docs))
	}
	spec := d.Spec.Template.Spec
	var side *corev1.Container
	for i := range spec.InitContainers {
		if spec.InitContainers[i].Name == "hypergen" {
			side = &spec.InitContainers[i]
		}
	}
	if side == nil {
		t.Fatal("no hypergen entry in initContainers")
	}
	if side.RestartPolicy == nil || *side.RestartPolicy != corev1.ContainerRestartPolicyAlways {
		t.Error("the hypergen init container needs restartPolicy: Always to be a native sidecar")
	}
	if !slices.Equal(side.Args[:2], []string{"perf", "monitor"}) {
		t.Errorf("sidecar args %v, want perf monitor …", side.Args)
	}
	for name, p := range map[string]*corev1.Probe{"startup": side.StartupProbe, "readiness": side.ReadinessProbe} {
		if p == nil || p.HTTPGet == nil || p.HTTPGet.Path != "/readyz" {
			t.Errorf("%s probe: want an HTTP GET of /readyz", name)
		}
	}
	if p := side.LivenessProbe; p == nil || p.HTTPGet == nil || p.HTTPGet.Path != "/healthz" {
		t.Error("liveness probe: want an HTTP GET of /healthz")
	}
	if p := side.ReadinessProbe; p != nil && p.HTTPGet != nil && p.HTTPGet.Port.StrVal != side.Ports[0].Name {
		t.Errorf("probes use port %v, the container names %q", p.HTTPGet.Port, side.Ports[0].Name)
	}
	env := map[string]string{}
	for _, e := range side.Env {
		env[e.Name] = e.Value
	}
	if env["OTEL_EXPORTER_OTLP_ENDPOINT"] != "http://otel-collector:4317" {
		t.Errorf("sidecar exports to %q, want the otel-collector Service", env["OTEL_EXPORTER_OTLP_ENDPOINT"])
	}
	if len(spec.Containers) == 0 {
		t.Fatal("no application container beside the sidecar")
	}
	// The agent needs its templates when it starts, before the application
	// container runs: they lie in a volume that an init container ahead of
	// the sidecar mounts (and fills). The sidecar could not start: its
	// templates folder was an empty volume.
	mountOf := func(c *corev1.Container, path string) string {
		for _, m := range c.VolumeMounts {
			if path == m.MountPath || strings.HasPrefix(path, strings.TrimSuffix(m.MountPath, "/")+"/") {
				return m.Name
			}
		}
		return ""
	}
	templates := side.Args[slices.Index(side.Args, "--templates")+1]
	vol := mountOf(side, templates)
	filled := false
	for i := range spec.InitContainers {
		if &spec.InitContainers[i] == side {
			break
		}
		for _, m := range spec.InitContainers[i].VolumeMounts {
			filled = filled || m.Name == vol
		}
	}
	if vol == "" || !filled {
		t.Errorf("the sidecar's templates (%s) are in volume %q, which no init container before it fills", templates, vol)
	}
	// With a read-only root file system, the probes' scratch trees (under
	// $TMPDIR, /tmp by default) need a volume: the agent stopped at start.
	if sc := side.SecurityContext; sc != nil && sc.ReadOnlyRootFilesystem != nil && *sc.ReadOnlyRootFilesystem {
		tmp := "/tmp"
		for _, e := range side.Env {
			if e.Name == "TMPDIR" {
				tmp = e.Value
			}
		}
		if mountOf(side, tmp) == "" {
			t.Errorf("the root file system is read-only and nothing writable is mounted at %s for the probes", tmp)
		}
	}
	// Kubernetes expands $(VAR) in a value only for variables defined
	// earlier in the container's list: the pod name went out as the text
	// "$(POD_NAME)".
	for _, c := range append(slices.Clone(spec.InitContainers), spec.Containers...) {
		defined := map[string]bool{}
		for _, e := range c.Env {
			for _, m := range regexp.MustCompile(`\$\(([A-Za-z_][A-Za-z0-9_]*)\)`).FindAllStringSubmatch(e.Value, -1) {
				if !defined[m[1]] {
					t.Errorf("container %s: %s uses $(%s) before it is defined", c.Name, e.Name, m[1])
				}
			}
			defined[e.Name] = true
		}
	}
	// The generation API stays inside the pod: its own loopback address,
	// which the application container (same network namespace) uses.
	if slices.Contains(side.Args, "--enable-generate") {
		i := slices.Index(side.Args, "--generate-listen")
		if i < 0 || i+1 >= len(side.Args) || !strings.HasPrefix(side.Args[i+1], "127.0.0.1:") {
			t.Fatalf("sidecar args %v: the generation API needs --generate-listen 127.0.0.1:PORT", side.Args)
		}
		for _, e := range spec.Containers[0].Env {
			if e.Name == "HYPERGEN_AGENT_URL" && e.Value != "http://"+side.Args[i+1] {
				t.Errorf("the application reaches the agent at %s, the API listens on %s", e.Value, side.Args[i+1])
			}
		}
	}
}

func TestKubernetesCollector(t *testing.T) {
	docs := strictDocs(t, filepath.Join("k8s", "collector.yaml"))
	cms := strictDocs(t, filepath.Join("k8s", "collector-config.yaml"))
	cm, ok := cms[0].(*corev1.ConfigMap)
	if !ok {
		t.Fatalf("collector-config.yaml holds a %T", cms[0])
	}
	ref, err := os.ReadFile(filepath.Join("..", "otel-collector.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if cm.Data["otel-collector.yaml"] != string(ref) {
		t.Error("the ConfigMap's otel-collector.yaml differs from the reference otel-collector.yaml")
	}
	var dep *appsv1.Deployment
	var svc *corev1.Service
	for _, o := range docs {
		switch o := o.(type) {
		case *appsv1.Deployment:
			dep = o
		case *corev1.Service:
			svc = o
		}
	}
	if dep == nil || svc == nil {
		t.Fatal("collector.yaml: want a Deployment and a Service")
	}
	// The Collector holds the span-derived counts: replicas behind one
	// scraped Service would each hold part of them under the same labels.
	if dep.Spec.Replicas == nil || *dep.Spec.Replicas != 1 {
		t.Errorf("collector replicas %v, want 1 (docs/metrics.md: one Collector per Prometheus target)", dep.Spec.Replicas)
	}
	vols := dep.Spec.Template.Spec.Volumes
	if len(vols) != 1 || vols[0].ConfigMap == nil || vols[0].ConfigMap.Name != cm.Name {
		t.Errorf("the collector does not mount the ConfigMap %s", cm.Name)
	}
	c := dep.Spec.Template.Spec.Containers[0]
	if !slices.Contains(c.Args, "/etc/otelcol/otel-collector.yaml") || c.VolumeMounts[0].MountPath != "/etc/otelcol" {
		t.Errorf("collector args %v and mounts %v do not load the ConfigMap", c.Args, c.VolumeMounts)
	}
	if svc.Name != "otel-collector" {
		t.Errorf("service %s: the sidecars export to otel-collector", svc.Name)
	}
	for k, v := range svc.Spec.Selector {
		if dep.Spec.Template.Labels[k] != v {
			t.Errorf("the Service selects %s=%s, which the collector pods do not carry", k, v)
		}
	}
}

// TestStrictDecodingCatchesMistakes: a misspelt field fails the decoding.
func TestStrictDecodingCatchesMistakes(t *testing.T) {
	raw, _ := os.ReadFile(filepath.Join("k8s", "app.yaml"))
	bad := bytes.Replace(raw, []byte("\n          restartPolicy: Always"), []byte("\n          restartPolicyy: Always"), 1)
	if err := sigsyaml.UnmarshalStrict(bad, &appsv1.Deployment{}); err == nil {
		t.Error("strict decoding accepted restartPolicyy")
	}
}
