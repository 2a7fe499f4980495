// Package profile records where a generation's time goes, phase by phase,
// through the engine's Observer hook (so the engine knows nothing about it).
// The CLI prints the record when HYPERGEN_PROFILE_STARTUP=true, and the perf
// benchmarks read it to time resolution and rendering separately.
package profile
