// Command etcd is the etcd server, built from the Go module proxy at the version pinned in go.mod.
// etcd's own cmd module cannot be `go install`ed (it uses replace directives), so we call its entry point.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
