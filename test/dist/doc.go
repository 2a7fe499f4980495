// Package dist checks what users install: the release build of
// scripts/release (stamped version, archives, SBOM, checksums), the version
// a plain `go build` reports from version control, the npm packages of
// scripts/npm-packages installed offline into a fresh project and run with
// npx, and the container image of scripts/image (its config, its files, and
// the binary taken out of it running). Everything is built for linux/amd64
// only; the cross-builds are in ./scripts/test and scripts/release.
package dist
