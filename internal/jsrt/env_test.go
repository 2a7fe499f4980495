package jsrt

import "testing"

func TestScriptEnv(t *testing.T) {
	tests := []struct {
		entry string
		kept  bool
	}{
		{"USER=alice", true},
		{"HOME=/home/alice", true},
		{"NODE_ENV=production", true},
		{"PATH=/usr/bin", true},
		{"HYGEN_TMPLS=tmpl", true},
		{"KEYBOARD_LAYOUT=de", true},
		{"HYPERGEN_AGENT_TOKEN=t", false},
		{"GITHUB_TOKEN=t", false},
		{"npm_config__authToken=t", false},
		{"CLIENT_SECRET=s", false},
		{"PGPASSWORD=p", false},
		{"MYSQL_PWD_PASSWD=p", false},
		{"GOOGLE_APPLICATION_CREDENTIALS=/k.json", false},
		{"STRIPE_API_KEY=k", false},
		{"OPENAI_APIKEY=k", false},
		{"AWS_ACCESS_KEY_ID=k", false},
		{"SSH_PRIVATE_KEY=k", false},
		{"OTEL_EXPORTER_OTLP_HEADERS=authorization=x", false},
		{"OTEL_EXPORTER_OTLP_TRACES_HEADERS=authorization=x", false},
		{"OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318", true},
	}
	for _, tt := range tests {
		got := ScriptEnv([]string{tt.entry})
		if kept := len(got) == 1; kept != tt.kept {
			t.Errorf("%s: kept = %v, want %v", tt.entry, kept, tt.kept)
		}
	}
}
