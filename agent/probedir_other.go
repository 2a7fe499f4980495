//go:build !unix

package agent

import (
	"context"
	"os"
)

// makeProbeDir makes the probes' scratch folder. Without flock a later
// agent cannot tell a folder left by one that is gone, so none is
// reclaimed here.
func makeProbeDir() (string, *os.File, error) {
	dir, err := os.MkdirTemp("", probeDirPattern)
	return dir, nil, err
}

func reclaimProbeDirs(context.Context, string) error { return nil }
