package cli

import "testing"

func TestMentionsWholeWordsOnly(t *testing.T) {
	for _, tt := range []struct {
		text  string
		names []string
		want  bool
	}{
		{"<%= dyr %>", []string{"dyr"}, true},
		{"dyr", []string{"dyr"}, true},
		{"locals.dyr\n", []string{"dyr"}, true},
		{"<%= dyrx %> my-dyr dyr_1 2dyr", []string{"dyr"}, false},
		{"a dyrx, then dyr.", []string{"dyr"}, true}, // a later occurrence counts
		{"allowOutsid ", []string{"allow-outsid", "allowOutsid"}, true},
		{"", []string{"dyr"}, false},
		{"é dyr é", []string{"dyr"}, true},
	} {
		if got := mentions([]byte(tt.text), tt.names); got != tt.want {
			t.Errorf("mentions(%q, %q) = %v, want %v", tt.text, tt.names, got, tt.want)
		}
	}
}
