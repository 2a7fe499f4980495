package observe

import (
	"testing"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// TestZeroSeriesAreCounters: every series the catalog starts at 0 belongs
// to a counter this package creates, with one attribute (or none).
func TestZeroSeriesAreCounters(t *testing.T) {
	counters := (&Instruments{}).counters()
	for _, m := range catalog.Metrics {
		if len(m.Zero) == 0 {
			continue
		}
		if _, ok := counters[m.Name]; !ok || m.Kind != catalog.Counter {
			t.Errorf("%s starts at zero but is no counter of Instruments", m.Name)
		}
		if len(m.Attributes) > 1 || (len(m.Attributes) == 0) != (len(m.Zero) == 1 && m.Zero[0] == "") {
			t.Errorf("%s: Zero %q does not fit its attributes %v", m.Name, m.Zero, m.Attributes)
		}
	}
}
