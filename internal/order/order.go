package order

import (
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Sort sorts paths in place in ICU root-collation order, the order Node's
// localeCompare gives with its default locale. Equal keys keep their input
// order, as Array.prototype.sort is stable.
func Sort(paths []string) {
	if len(paths) < 2 {
		return
	}
	c := collate.New(language.Und)
	var buf collate.Buffer
	keys := make(map[string][]byte, len(paths))
	for _, p := range paths {
		if _, ok := keys[p]; !ok {
			keys[p] = append([]byte(nil), c.KeyFromString(&buf, p)...)
			buf.Reset()
		}
	}
	sort.SliceStable(paths, func(i, j int) bool {
		return string(keys[paths[i]]) < string(keys[paths[j]])
	})
}
