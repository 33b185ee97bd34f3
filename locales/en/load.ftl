# Loading documents: files, front matter, the `kind` key.

load-add-kind = add a first line such as `kind: budget`; the kinds are { $items }
