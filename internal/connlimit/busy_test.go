package connlimit

import (
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// Busy counts a connection from its opening until its first answer is
// written, and again during each later request, not while it is kept alive
// between them.
func TestBusyCountsConnectionsInARequest(t *testing.T) {
	lim := New(4)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	entered, release := make(chan struct{}), make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		entered <- struct{}{}
		<-release
		io.WriteString(w, "done")
	}), ConnState: lim.ConnState, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(lim.Listener(ln))
	defer srv.Close()

	silent, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	client := &http.Client{Timeout: 10 * time.Second}
	got := make(chan error, 1)
	go func() {
		resp, err := client.Get("http://" + ln.Addr().String() + "/")
		if err == nil {
			_, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		got <- err
	}()
	<-entered
	if n := lim.Busy(); n != 2 {
		t.Errorf("while one request is handled, beside a connection yet to send one: Busy() = %d, want 2", n)
	}
	close(release)
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for lim.Busy() != 1 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n, open := lim.Busy(), lim.Open(); n != 1 || open != 2 {
		t.Errorf("after the answer: Busy() = %d, Open() = %d; want 1 busy (the silent one) of 2 open", n, open)
	}
	silent.Close()
	for lim.Busy() != 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := lim.Busy(); n != 0 {
		t.Errorf("with the silent connection closed: Busy() = %d, want 0", n)
	}
}
