package connlimit

import (
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestIdleConnectionsMakeWay: with every slot held by idle keep-alive
// clients, a new client is still served, and the open count stays at the
// limit.
func TestIdleConnectionsMakeWay(t *testing.T) {
	const max = 8
	lim := New(max)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") }),
		ConnState: lim.ConnState, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(lim.Listener(ln))
	defer srv.Close()

	var idle []net.Conn
	defer func() {
		for _, c := range idle {
			c.Close()
		}
	}()
	for range 3 * max {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		idle = append(idle, c) // connected, never sends a request
	}
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatalf("a new client was locked out by %d idle connections: %v", len(idle), err)
	}
	resp.Body.Close()
	if n := lim.Open(); n > max {
		t.Errorf("%d connections open, limit %d", n, max)
	}
}

// TestBusyConnectionsAreNotEvicted: when every slot serves a request, a new
// connection is refused instead of cutting a request short.
func TestBusyConnectionsAreNotEvicted(t *testing.T) {
	lim := New(1)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	entered, release := make(chan struct{}), make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "done")
	}), ConnState: lim.ConnState, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(lim.Listener(ln))
	defer srv.Close()

	got := make(chan string, 1)
	go func() {
		resp, err := (&http.Client{Timeout: 10 * time.Second}).Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	select {
	case <-entered:
	case <-time.After(5 * time.Second):
		t.Fatal("the first request never reached the handler")
	}
	if _, err := (&http.Client{Timeout: 2 * time.Second}).Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("a second client was served while the only slot was busy")
	}
	close(release)
	if s := <-got; s != "done" {
		t.Errorf("the busy request ended with %q", s)
	}
}
