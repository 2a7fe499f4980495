//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package cli

import "errors"

func hideTyping(int) (func(), error) {
	return nil, errors.New("cannot turn terminal echo off on this platform")
}
