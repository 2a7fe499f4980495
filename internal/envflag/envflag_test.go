package envflag

import "testing"

func TestBool(t *testing.T) {
	for _, tc := range []struct {
		value   string
		def     bool
		want    bool
		wantErr bool
	}{
		{"", true, true, false},
		{"", false, false, false},
		{"TRUE", false, true, false},
		{" yes ", false, true, false},
		{"on", false, true, false},
		{"1", false, true, false},
		{"Off", true, false, false},
		{"no", true, false, false},
		{"0", true, false, false},
		{"false", true, false, false},
		{"perhaps", true, true, true},
		{"2", false, false, true},
	} {
		got, err := Bool(func(string) string { return tc.value }, "X", tc.def)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("%q (default %v): %v, %v; want %v, error %v", tc.value, tc.def, got, err, tc.want, tc.wantErr)
		}
	}
	if _, err := Bool(func(string) string { return "perhaps" }, "HYPERGEN_X", false); err == nil || err.Error() != `HYPERGEN_X="perhaps": want true or false` {
		t.Errorf("error %v does not name the variable and value", err)
	}
}

func TestPairsAndHeadersRefuseWhatTheWireRefuses(t *testing.T) {
	for _, v := range []string{"a=%FF", "a=x%0Dy", "\xff=1", "a=b\x01"} {
		if _, err := Pairs(v); err == nil {
			t.Errorf("Pairs(%q) took it", v)
		}
	}
	if kv, err := Pairs("team=caf%C3%A9, b = 2"); err != nil || kv["team"] != "café" || kv["b"] != "2" {
		t.Errorf("Pairs of good values = %v, %v", kv, err)
	}
	for _, v := range []string{"Bad Name=v", ":path=/x", "a:b=c", "é=1", "grpc-timeout=1n", "Content-Type=text/plain", "te=x"} {
		if _, err := Headers(v); err == nil {
			t.Errorf("Headers(%q) took it", v)
		}
	}
	if h, err := Headers("x-api-key=abc,Authorization=Bearer%20t"); err != nil || h["Authorization"] != "Bearer t" {
		t.Errorf("Headers of good values = %v, %v", h, err)
	}
}
