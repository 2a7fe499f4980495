package perf

import (
	"encoding/json"
	"time"
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

// EncodeExport is e as the export file holds it: indented JSON and a
// final line break.
func EncodeExport(e *Export) ([]byte, error) {
	raw, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(raw, '\n'), nil
}
