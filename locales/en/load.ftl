# Loading documents: files, front matter, the `kind` key.

load-add-kind = add a first line such as `kind: budget`; the kinds are { $items }

## Reading files.

# `reason` is one of the load-link-… / load-not-… messages below, or the operating system's words.
load-read-failed = failed to read file: { $reason }
load-link-dangling = it is a link to a file that does not exist
load-link-loop = it is a link that leads back to itself
# `error` is the operating system's words.
load-link-broken = it is a link that cannot be followed: { $error }
load-not-regular = it is a pipe, socket or device, not a regular file
load-not-a-file = it is not a regular file
load-too-large = file is { $size } MiB, more than the { $max } MiB planbook reads
load-too-large-help = split it into smaller documents, or add it to `exclude` in planbook.yaml
load-not-utf8 = file is not valid UTF-8
load-invalid-bytes = invalid byte sequence here
load-save-as-utf8 = save the file as UTF-8 (files in GBK or GB2312 must be converted)
load-link-outside-file = link to a file outside the repository is not followed
load-link-outside-folder = link to a folder outside the repository is not followed
load-link-outside-help = copy its target into the repository, or add the link to `exclude` in planbook.yaml

## `exclude` patterns of planbook.yaml (the English is the glob library's).

load-bad-glob = invalid `exclude` pattern: { $reason }
load-glob-recursive = invalid use of **; must be one path component
load-glob-unclosed-class = unclosed character class; missing ']'
load-glob-range = invalid range; '{ $start }' > '{ $end }'
load-glob-unopened-group = unopened alternate group; missing '{"{"}' (maybe escape '{"}"}' with '[{"}"}]'?)
load-glob-unclosed-group = unclosed alternate group; missing '{"}"}' (maybe escape '{"{"}' with '[{"{"}]'?)
load-glob-nested-groups = nested alternate groups are not allowed
load-glob-too-deep = alternate groups nested too deeply
load-glob-dangling-escape = dangling '\'

## Front matter and the document itself.

load-front-matter-unclosed = front matter is never closed
load-front-matter-opens = front matter opens here
load-front-matter-close = end the front matter with a line that holds only `---`
load-empty = file holds no document
load-empty-help = add `kind:` and the document's fields, or delete the file
# `found` is a yaml-type-… message: "a list".
load-not-mapping = expected a mapping of keys to values, found { $found }
load-not-mapping-help = a document starts with `kind:` followed by its fields, one `key: value` per line
load-no-kind = document has no `kind` key
# `key` is a key that looks like a misspelt `kind`.
load-no-kind-found = document has no `kind` key; found `{ $key }`
load-unknown-kind = unknown document kind `{ $name }`

## Reading values into the document's fields.

load-expected-word = expected one of the allowed words, found { $found }
load-value-without-key = value without a key
load-no-such-date = expected a date such as `2026-12-01`, found `{ $found }`
# `detail` is the field type's own (English) words; rare, the schema catches nearly everything.
load-cannot-read = { $detail }
