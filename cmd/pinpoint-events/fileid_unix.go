//go:build unix

package main

import (
	"io/fs"
	"syscall"
)

// idOf identifies a file by device and inode, whatever path reaches it.
func idOf(path string, info fs.FileInfo) fileID {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}
	}
	return pathID(path)
}
