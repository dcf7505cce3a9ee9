// Prints each file that hclwrite.Format, the formatter behind `terraform fmt`, would change,
// with the formatted text, and exits 1 if there is any.
//   go run terraform-fmt.go FILE.tf...
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

func main() {
	changed := 0
	for _, name := range os.Args[1:] {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if out := hclwrite.Format(src); !bytes.Equal(src, out) {
			changed++
			fmt.Printf("--- %s is not in terraform fmt style; formatted it reads:\n%s\n", name, out)
		}
	}
	fmt.Printf("%d passed, %d failed\n", len(os.Args)-1-changed, changed)
	if changed > 0 {
		os.Exit(1)
	}
}
