package perf

import (
	"context"
	"encoding/json"
	"time"

	"github.com/hypergen-dev/hypergen/internal/atomicfile"
)

// ExportSchema names the layout of an export; EXPORT.md documents it and
// export-schema.json states it as a JSON Schema.
const ExportSchema = "hypergen.perf.export/v1"

// Export is everything the history holds, with the environment of the export.
type Export struct {
	Schema      string      `json:"schema"`
	ExportedAt  time.Time   `json:"exported_at"`
	Environment Environment `json:"environment"`
	History     string      `json:"history"` // the file the runs came from
	Skipped     int         `json:"skipped"` // unreadable history lines left out
	Runs        []Record    `json:"runs"`
}

// WriteExport writes e to path atomically: a failure leaves no file, and an
// existing file is replaced only by a complete one.
func WriteExport(ctx context.Context, path string, e *Export) error {
	raw, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteContext(ctx, path, append(raw, '\n'))
}
