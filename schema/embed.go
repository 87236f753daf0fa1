// Package schema embeds the JSON Schemas of this folder, so that programs
// such as the pinpoint-events command can print them without the source
// tree. The schemas are maintained by hand; see README.md here.
package schema

import "embed"

// FS holds <producer>/<version>/*.json and the producers' format files.
//
//go:embed pinpoint
var FS embed.FS
