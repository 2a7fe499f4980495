package regularfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Check returns an error naming what fi is when it is not a regular file,
// such as "it is a named pipe, not a regular file".
func Check(fi fs.FileInfo) error {
	if fi.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("it is %s, not a regular file", kind(fi.Mode()))
}

// kind names a file's type as a user would say it.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}

// OpenFile is os.OpenFile for a regular file only: flag gains O_NONBLOCK
// where the system has it, so a named pipe does not make the open wait, and
// the opened file is refused unless it is regular.
func OpenFile(path string, flag int, perm os.FileMode) (*os.File, error) {
	f, _, err := open(path, flag, perm)
	return f, err
}

// open is OpenFile that also returns the file's FileInfo, which the check
// needed anyway: ReadFile sizes its buffer with it rather than asking the
// kernel again for every template it reads.
func open(path string, flag int, perm os.FileMode) (*os.File, fs.FileInfo, error) {
	return checked(os.OpenFile(path, flag|NonBlock, perm))
}

// checked closes f and returns an error naming path unless f is a regular
// file.
func checked(f *os.File, err error) (*os.File, fs.FileInfo, error) {
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err == nil {
		err = Check(fi)
	}
	if err != nil {
		f.Close()
		return nil, nil, &fs.PathError{Op: "open", Path: f.Name(), Err: err}
	}
	return f, fi, nil
}

// ReadFile is os.ReadFile for a regular file only (see OpenFile).
func ReadFile(path string) ([]byte, error) {
	return read(open(path, os.O_RDONLY, 0))
}

// ReadFileIn is ReadFile for name inside root: a link along the way that
// leads out of it, even one swapped in after the caller looked, is refused
// instead of followed.
func ReadFileIn(root *os.Root, name string) ([]byte, error) {
	return read(checked(root.OpenFile(name, os.O_RDONLY|NonBlock, 0)))
}

// MaxSize is the most ReadFile reads. Nothing hygen runs comes near it: its
// templates and inject targets are Node strings, which end at 512 MiB.
// Past it, a file (a sparse one of a terabyte, say) is refused rather than
// allocated whole, which would end the process out of memory, where no
// recover reaches.
const MaxSize = 1 << 30

func read(f *os.File, fi fs.FileInfo, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tooLarge := func(size int64) error {
		return &fs.PathError{Op: "read", Path: f.Name(), Err: fmt.Errorf("it holds %d bytes, more than the %d (1 GiB) hypergen reads", size, MaxSize)}
	}
	if fi.Size() > MaxSize {
		return nil, tooLarge(fi.Size())
	}
	data := make([]byte, 0, int(fi.Size())+512) // +512: a file that grows while read needs no second allocation
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) > MaxSize {
			return nil, tooLarge(int64(len(data)))
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
