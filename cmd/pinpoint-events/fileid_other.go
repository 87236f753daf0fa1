//go:build !unix

package main

import "io/fs"

// idOf identifies a file by its resolved absolute path, where the system
// has no inode to give.
func idOf(path string, _ fs.FileInfo) fileID {
	return pathID(path)
}
