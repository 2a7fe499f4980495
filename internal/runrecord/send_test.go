//go:build unix

package runrecord_test

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/runrecord"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// listen is a datagram socket standing in for the agent's relay.
func listen(t *testing.T) (string, *net.UnixConn) {
	t.Helper()
	path := filepath.Join(testenv.SocketDir(t), "s")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return path, conn
}

// queued reads the datagrams queued now.
func queued(t *testing.T, conn *net.UnixConn) (msgs [][]byte) {
	t.Helper()
	buf := make([]byte, 1<<20)
	for {
		conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
		n, err := conn.Read(buf)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return msgs
		}
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, append([]byte(nil), buf[:n]...))
	}
}

// TestSend: a record goes whole in one datagram when the socket takes it,
// and Send says why when it does not, having sent nothing.
func TestSend(t *testing.T) {
	record := recordOf(runs["success"])
	t.Run("taken", func(t *testing.T) {
		path, conn := listen(t)
		if err := runrecord.Send(path, record); err != nil {
			t.Fatal(err)
		}
		msgs := queued(t, conn)
		if len(msgs) != 1 || string(msgs[0]) != string(record) {
			t.Fatalf("%d datagrams queued, want the record in one", len(msgs))
		}
		if _, err := runrecord.Decode(msgs[0]); err != nil {
			t.Error(err)
		}
	})
	t.Run("no socket there", func(t *testing.T) {
		if err := runrecord.Send(filepath.Join(t.TempDir(), "missing"), record); !errors.Is(err, syscall.ENOENT) {
			t.Errorf("Send() = %v, want no such file", err)
		}
	})
	t.Run("socket left by a process that is gone", func(t *testing.T) {
		path, conn := listen(t)
		conn.Close()
		if err := runrecord.Send(path, record); !errors.Is(err, syscall.ECONNREFUSED) {
			t.Errorf("Send() = %v, want connection refused", err)
		}
	})
	t.Run("queue full for longer than SendWait", func(t *testing.T) {
		path, conn := listen(t)
		fill(t, path)
		before := len(queued(t, conn)) // drains: fill again
		fill(t, path)
		start := time.Now()
		err := runrecord.Send(path, record)
		if !errors.Is(err, syscall.EAGAIN) {
			t.Fatalf("Send() = %v, want resource temporarily unavailable", err)
		}
		if waited := time.Since(start); waited < runrecord.SendWait {
			t.Errorf("gave up after %v, before SendWait (%v)", waited, runrecord.SendWait)
		}
		if after := len(queued(t, conn)); after != before {
			t.Errorf("%d datagrams queued, want the %d of fill alone", after, before)
		}
	})
	t.Run("too large for a datagram", func(t *testing.T) {
		path, conn := listen(t)
		err := runrecord.Send(path, make([]byte, runrecord.MaxSend+1))
		if err == nil || !strings.Contains(err.Error(), "larger than a relay datagram") {
			t.Errorf("Send() = %v, want an error saying the record is too large", err)
		}
		if n := len(queued(t, conn)); n != 0 {
			t.Errorf("%d datagrams queued, want none", n)
		}
	})
}

// fill queues small datagrams until the socket takes no more.
func fill(t *testing.T, path string) {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	for i := 0; ; i++ {
		err := syscall.Sendto(fd, []byte("x"), syscall.MSG_DONTWAIT, &syscall.SockaddrUnix{Name: path})
		if errors.Is(err, syscall.EAGAIN) {
			return
		}
		if err != nil || i > 100000 {
			t.Fatalf("filling the socket: %v after %d datagrams", err, i)
		}
	}
}
