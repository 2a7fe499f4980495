package diskindex

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/hypergen-dev/hypergen/internal/atomicfile"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
)

// EnvDir overrides where the cache lives.
const EnvDir = "HYPERGEN_CACHE_DIR"

// DefaultDir is where the cache lives: $HYPERGEN_CACHE_DIR, else
// hypergen/ under the user's cache folder (os.UserCacheDir:
// $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS).
func DefaultDir(getenv func(string) string) (string, error) {
	if d := getenv(EnvDir); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no user cache folder (set %s): %w", EnvDir, err)
	}
	return filepath.Join(base, "hypergen"), nil
}

// formatLine starts every shard. The number changes whenever the shard layout
// or the listing rules change, so older shards read as foreign and are rebuilt.
const formatLine = "hypergen-index 2\n" // 2: .hygenignore rules read as hygen reads them

// RacyWindow is how close to an entry's build time a change must be for the
// entry to be distrusted: wider than the coarsest timestamp granularity of
// common file systems (FAT's is two seconds).
const RacyWindow = 2 * time.Second

// stamp identifies one version of a folder or file.
type stamp struct {
	Path  string `json:"p"`
	Size  int64  `json:"s"`
	Mtime int64  `json:"m"`
	Ctime int64  `json:"c,omitempty"`
	Inode uint64 `json:"i,omitempty"`
}

func stampOf(path string) (stamp, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return stamp{}, err
	}
	s := stamp{Path: path, Size: st.Size(), Mtime: st.ModTime().UnixNano()}
	sysStamp(st, &s)
	return s, nil
}

// entry is one action folder's listing.
type entry struct {
	Folder string   `json:"folder"`
	Built  int64    `json:"built"` // unix ns
	Deps   []stamp  `json:"deps"`
	Files  []string `json:"files"` // relative to Folder, slash-separated, in hygen order
}

// fresh reports whether e still describes the disk.
func (e *entry) fresh() bool {
	racyAfter := e.Built - int64(RacyWindow)
	for _, d := range e.Deps {
		now, err := stampOf(d.Path)
		if err != nil || now != d || max(d.Mtime, d.Ctime) >= racyAfter {
			return false
		}
	}
	return true
}

// Stats counts what the index did since Open.
type Stats struct {
	Hits    int64 `json:"hits"`    // listings served from the index
	Misses  int64 `json:"misses"`  // no entry
	Stale   int64 `json:"stale"`   // an entry no longer matched the disk (or was racy)
	Corrupt int64 `json:"corrupt"` // unreadable, corrupt or foreign shards ignored
	Writes  int64 `json:"writes"`  // shards written
	Entries int   `json:"entries"` // listings held in memory
	// Persistent is false when the cache folder could not be written and the
	// index lives in memory only.
	Persistent bool `json:"persistent"`
}

// Store is the index kept in one cache folder. It is safe for concurrent use.
type Store struct {
	dir  string // <cache>/index-v1; "" when memory-only from the start
	warn io.Writer
	now  func() time.Time

	mu      sync.Mutex
	mem     map[string]*entry // entries read or written by this process
	memOnly bool
	warned  bool
	stats   Stats
}

// Open uses cacheDir for the index; nothing is read or written until needed.
// Warnings (one at most: the cache is not writable) go to warn.
func Open(cacheDir string, warn io.Writer) *Store {
	return &Store{dir: filepath.Join(cacheDir, "index-v1"), warn: warn, now: time.Now, mem: map[string]*entry{}}
}

// InMemory makes an index that never touches the disk.
func InMemory() *Store {
	return &Store{warn: io.Discard, now: time.Now, mem: map[string]*entry{}, memOnly: true}
}

// Dir is the folder holding the shards ("" for an in-memory index).
func (s *Store) Dir() string { return s.dir }

// Stats returns the counters.
func (s *Store) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.Entries = len(s.mem)
	st.Persistent = !s.memOnly
	return st
}

func (s *Store) shardPath(folder string) string {
	sum := sha256.Sum256([]byte(folder))
	h := hex.EncodeToString(sum[:16])
	return filepath.Join(s.dir, h[:2], h+".idx")
}

// Listing returns the files of an action folder (absolute paths, in hygen
// order) if a fresh entry exists.
func (s *Store) Listing(folder string) ([]string, bool) {
	s.mu.Lock()
	e := s.mem[folder]
	s.mu.Unlock()
	if e == nil && !s.memOnly {
		e = s.read(folder)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case e == nil:
		s.stats.Misses++
		return nil, false
	case !e.fresh():
		s.stats.Stale++
		delete(s.mem, folder)
		return nil, false
	}
	files := make([]string, len(e.Files))
	for i, f := range e.Files {
		name := filepath.FromSlash(f)
		if !filepath.IsLocal(name) {
			// Not a listing this package wrote: a shard edited by someone
			// who may write the cache folder, naming a template outside
			// the action to run. Listed afresh instead.
			s.stats.Misses++
			s.stats.Corrupt++
			delete(s.mem, folder)
			return nil, false
		}
		files[i] = filepath.Join(folder, name)
	}
	s.stats.Hits++
	s.mem[folder] = e
	return files, true
}

// read loads a shard, or returns nil (counting it) when it is missing,
// unreadable, corrupt or not for this folder.
func (s *Store) read(folder string) *entry {
	raw, err := regularfile.ReadFile(s.shardPath(folder))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	e, err := decode(raw)
	if err == nil && e.Folder != folder {
		err = errors.New("shard is for another folder")
	}
	if err != nil {
		s.mu.Lock()
		s.stats.Corrupt++
		s.mu.Unlock()
		return nil
	}
	return e
}

func decode(raw []byte) (*entry, error) {
	rest, ok := bytes.CutPrefix(raw, []byte(formatLine))
	if !ok {
		return nil, errors.New("not a hypergen index shard of this format")
	}
	sumHex, payload, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil, errors.New("truncated shard")
	}
	sum := sha256.Sum256(payload)
	if hex.EncodeToString(sum[:]) != string(sumHex) {
		return nil, errors.New("checksum mismatch")
	}
	var e entry
	if err := json.Unmarshal(payload, &e); err != nil {
		return nil, err
	}
	return &e, nil
}

func encode(e *entry) ([]byte, error) {
	payload, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(payload)
	var b bytes.Buffer
	b.WriteString(formatLine)
	b.WriteString(hex.EncodeToString(sum[:]))
	b.WriteByte('\n')
	b.Write(payload)
	return b.Bytes(), nil
}

// PutListing records an action folder's files (absolute, in hygen order) and
// the folders and ignore files they were derived from. The dependencies are
// stamped now, before anything else can change them; a change that lands
// between the walk and this call makes a mismatch or a racy entry, never a
// trusted wrong one, because the build time is taken before the stamps.
func (s *Store) PutListing(folder string, files, deps []string) {
	e := &entry{Folder: folder, Built: s.now().UnixNano()}
	for _, d := range deps {
		st, err := stampOf(d)
		if err != nil {
			return // it changed under us; the next run walks again
		}
		e.Deps = append(e.Deps, st)
	}
	for _, f := range files {
		rel, err := filepath.Rel(folder, f)
		if err != nil {
			return
		}
		e.Files = append(e.Files, filepath.ToSlash(rel))
	}
	s.mu.Lock()
	s.mem[folder] = e
	memOnly := s.memOnly
	s.mu.Unlock()
	if !memOnly {
		s.write(folder, e)
	}
}

func (s *Store) write(folder string, e *entry) {
	raw, err := encode(e)
	path := s.shardPath(folder)
	if err == nil {
		err = atomicfile.WriteCache(path, raw) // checksummed: a shard a power loss cut short is ignored
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.stats.Writes++
		return
	}
	if fi, serr := os.Lstat(path); serr == nil && !fi.Mode().IsRegular() {
		// Something else holds this shard's name (a folder): the folder
		// itself is writable, and every other shard can still be written.
		fmt.Fprintf(s.warn, "hypergen: warning: %s is not a regular file, so the index of one action stays in memory; remove it to let it be cached\n", path)
		return
	}
	s.memOnly = true
	if !s.warned {
		s.warned = true
		fmt.Fprintf(s.warn, "hypergen: warning: cache folder %s is not writable (%v); keeping the template index in memory for this run (set %s to move it)\n",
			filepath.Dir(s.dir), err, EnvDir)
	}
}
