//go:build unix && !linux

package ownsocket

import "os"

func effectiveUID() uint32 { return uint32(os.Geteuid()) }
