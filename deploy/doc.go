// Package deploy holds no code: its tests check the deployment files beside
// it. compose.yaml (the whole stack around one agent) is validated by
// docker-compose itself and its bind mounts must exist; the Prometheus
// configuration by promtool; the Kubernetes manifests in k8s/ are decoded
// strictly into the Kubernetes API types and checked for the native-sidecar
// shape; the Collector ConfigMap must equal otel-collector.yaml.
package deploy
