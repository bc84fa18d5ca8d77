package webserve

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
)

// content is an open regular file ready for http.ServeContent, which reads
// it through Seek and Read: only the bytes being sent are in memory.
type content struct {
	io.ReadSeeker
	info  fs.FileInfo
	close func() error
}

// Close closes the underlying file.
func (c *content) Close() error { return c.close() }

// openContent opens name in fsys for serving. It fails with an error
// matching fs.ErrNotExist when name is missing or not a regular file.
func openContent(fsys fs.FS, name string) (*content, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", name, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("reading the size of %s: %w", name, err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is not a regular file: %w", name, fs.ErrNotExist)
	}
	// The files of embed.FS, os.DirFS and fstest.MapFS all seek; a file
	// system whose files cannot is still served correctly, read whole.
	if rs, ok := f.(io.ReadSeeker); ok {
		return &content{ReadSeeker: rs, info: info, close: f.Close}, nil
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return &content{ReadSeeker: bytes.NewReader(b), info: info, close: func() error { return nil }}, nil
}
