# Reading YAML text: syntax errors, duplicate keys, tags and the size limits (yaml).

# `detail` is one of the yaml-scan-… messages or another yaml-… detail below.
yaml-invalid = invalid YAML: { $detail }
yaml-more-documents = the text holds more than one YAML document
yaml-more-documents-help = a `---` line after the content starts another document; remove it, or split the documents into separate files
yaml-unexpected-end = unexpected end of input
yaml-unexpected-structure = unexpected structure
yaml-merge-value = the value of a merge key (`<<`) must be a mapping or a list of mappings
yaml-alias-in-itself = an alias refers to the node that contains it
yaml-unknown-alias = alias `*{ $name }` refers to no anchor `&{ $name }` defined before it
yaml-unknown-alias-help = define the value with `&name` before the first `*name` that uses it
yaml-tab-help = YAML indentation must use spaces; replace the tab with spaces

## Limits.

yaml-too-deep = document is nested more than { $max } levels deep
yaml-too-deep-help = planbook reads at most that many levels of lists and mappings inside each other; flatten the document, or look for a `[` or `{"{"}` that is never closed
yaml-too-many-aliases = aliases (`*name`) in this document expand into more than { $max } values
yaml-too-many-aliases-help = planbook stops there, so that a few lines of aliases cannot expand into billions of values; write the repeated values out, or use fewer aliases of aliases
yaml-too-large = document has more than { $max } values
yaml-too-large-help = planbook does not read documents this large; split it into several documents

## Duplicate keys.

yaml-duplicate-key = duplicate key `{ $name }`
# A note at the first of two equal keys.
yaml-first-defined = first defined here
yaml-duplicate-key-help = a key may appear once in a mapping; remove one of them or merge them

## Tags and scalars (planbook reads only `true` and `false` as booleans).

yaml-list-tag = a list cannot have the tag `{ $tag }`; remove the tag
yaml-mapping-tag = a mapping cannot have the tag `{ $tag }`; remove the tag
yaml-invalid-i64 = invalid i64
yaml-invalid-u64 = invalid u64
yaml-invalid-float = invalid floating point
yaml-scalar-collection-tag = a scalar cannot have a `!!seq` or `!!map` tag
yaml-unsupported-tag = this tag is not supported; remove it or quote the value
yaml-invalid-boolean = invalid boolean (strict mode expects true or false)

## What a value is, as messages name it: "found a list".

yaml-type-null = nothing (null)
yaml-type-bool = a boolean
yaml-type-number = a number
yaml-type-string = a string
yaml-type-list = a list
yaml-type-mapping = a mapping

## The YAML parser's complaints by kind, in plain words (explain.rs words the common ones
## from the text around them).

yaml-scan-eof-flow-sequence = the file ends inside a `[` list that is never closed
yaml-scan-eof-flow-mapping = the file ends inside a `{"{"}` mapping that is never closed
yaml-scan-eof-implicit-mapping = the file ends inside a `key: value` pair in brackets
yaml-scan-eof-block-sequence = the file ends in the middle of a list
yaml-scan-eof-block-mapping = the file ends in the middle of a mapping
yaml-scan-eof = the file ends where more was expected
yaml-scan-no-content = a value is missing here
yaml-scan-no-key = a `key: value` line was expected here
yaml-scan-flow-mapping = a `,` or `{"}"}` was expected here, inside `{"{"}…{"}"}`
yaml-scan-flow-sequence = a `,` or `]` was expected here, inside `[…]`
yaml-scan-no-dash = a list item starting with `-` was expected here
yaml-scan-no-colon = a key without `:` after it
yaml-scan-key-broken = a key must be on one line and end with `:`
yaml-scan-after-end = text after the end-of-document line `...`
yaml-scan-indentation = this line's indentation does not fit the lines above it
yaml-scan-flow-indentation = a line inside brackets is indented less than the key it belongs to
yaml-scan-bom = an invisible byte-order mark in the middle of the file
# `character` is the character as Rust escapes it: `@`, `\t`.
yaml-scan-character = the character “{ $character }” cannot start a value here; put the value in quotes
yaml-scan-tab = a tab character where YAML expects spaces
yaml-scan-tab-block = a tab character in the indentation
yaml-scan-tab-block-text = a tab character at the start of a block of text
yaml-scan-tab-indentation = a tab character in the indentation
yaml-scan-tab-plain = a tab character in the indentation
yaml-scan-comment-in-text = a comment (`#`) in the middle of a text that goes on below it
yaml-scan-comment-space = a `#` comment needs a space before it
yaml-scan-anchor-name = `&` or `*` must be followed by a name
yaml-scan-misplaced-bracket = a closing bracket that closes nothing
yaml-scan-mismatched-bracket = `{ $open }` is closed by `{ $close }`
yaml-scan-unclosed-bracket = the `{ $open }` opened here is never closed
yaml-scan-dash-in-brackets = a `-` list item inside brackets; separate items with `,` there
yaml-scan-dash-not-allowed = a list item (`-`) cannot start here
yaml-scan-dash-space = a list's `-` must be followed by a space
yaml-scan-block-text-indent = a line of a block of text is indented less than its first line
yaml-scan-unclosed-quote = a quote that is never closed
yaml-scan-quoted-indent = a line of a quoted text is indented less than its key
yaml-scan-after-single-quote = text follows the closing quote of a value
yaml-scan-after-double-quote = text follows the closing quote of a value
yaml-scan-unknown-escape = a backslash `\` inside double quotes starts an escape like `\n`, and this one is not known
yaml-scan-hex-escape = a `\x`, `\u` or `\U` escape inside double quotes needs hexadecimal digits
yaml-scan-low-surrogate-hex = a `\u` escape inside double quotes needs hexadecimal digits
yaml-scan-low-surrogate = a `\u` escape inside double quotes is not a valid character
yaml-scan-missing-low-surrogate = a `\u` escape inside double quotes is only half a character
yaml-scan-unpaired-low-surrogate = a `\u` escape inside double quotes is only half a character
yaml-scan-unicode-escape = a `\u` escape inside double quotes is not a valid character
yaml-scan-dash-bracket = a value cannot begin with `-` followed by a bracket or comma; put it in quotes
yaml-scan-key-not-allowed = a `key:` cannot start here
yaml-scan-colon-space = `:` must be followed by a space
yaml-scan-colon-placement = a `:` in a place where it cannot separate a key from a value
yaml-scan-colon-bracket = inside `{"{"}…{"}"}`, `:` cannot be followed directly by `[` or `{"{"}`
yaml-scan-value-not-allowed = this line holds a second `: ` where it cannot start a value
# Rare complaints, in the parser's words (`text`).
yaml-scan-other = { $text }

## Syntax errors explained: what the writer most likely did, and what to do.

yaml-syntax-help = the text here does not follow YAML's layout; check this line and the one above it for indentation that differs from the lines around it, a key without `: ` after it, or a quote or bracket that is never closed
yaml-indent-key = this line is indented { $found ->
        [one] 1 space
       *[other] { $found } spaces
    }, but the lines it belongs with use { $expected }
yaml-indent-key-help = the keys of one mapping must start in the same column; { $expected ->
        [0] start this line at the left edge
        [one] indent this line by 1 space
       *[other] indent this line by { $expected } spaces
    }, like its siblings
yaml-indent-item = this list item is indented { $found ->
        [one] 1 space
       *[other] { $found } spaces
    }, but the items of its list use { $expected }
yaml-indent-item-help = the `-` of one list must start in the same column; { $expected ->
        [0] start this line at the left edge
        [one] indent this line by 1 space
       *[other] indent this line by { $expected } spaces
    }, like the other items
yaml-indent-fix = { $expected ->
        [0] remove this line's indentation
        [one] indent this line by 1 space
       *[other] indent this line by { $expected } spaces
    }
yaml-siblings-here = siblings start here
yaml-indent-unclear = this line is indented { $found ->
        [one] 1 space
       *[other] { $found } spaces
    }, which lines up with none of the lines above it
yaml-indent-unclear-help = line it up with the key or list item it belongs with: the keys of one mapping start in the same column, and so do the `-` of one list
yaml-dash-in-mapping = a list item (`-`) among the keys of a mapping
yaml-dash-in-mapping-help = the lines around it are `key: value` pairs, so this line needs a key too; remove the `- `, or move the item under the key whose list it belongs to, indented further than that key
yaml-mapping-keys-here = the mapping's keys start here
yaml-colon-in-value = this value holds `: `, which reads as a second key on the same line
yaml-colon-in-value-help = put the value in quotes (`note: "time: 9:00"`), or if this line should start a new key, move it onto its own line
yaml-tab = a tab character in the indentation
yaml-unclosed-quote = the quote `{ $quote }` opened here is never closed
yaml-unclosed-quote-help = end the value with a closing `{ $quote }` on the same line, or remove the opening one
yaml-unclosed-bracket = the `{ $open }` opened here is never closed
yaml-unclosed-bracket-help = close it with `{ $close }` after the last item, on the same line (`{ $open }a, b{ $close }`); or write the items one per line, each after `- ` or as `key: value`
yaml-after-quote = text follows the closing quote of a value
yaml-after-quote-help = a quoted value ends at its closing quote; put the whole value inside the quotes, or remove the quotes
yaml-colon-no-space = `{ $key }:{ $value }` has no space after the colon, so it reads as one piece of text, not as the key `{ $key }` and its value
yaml-colon-no-space-help = put a space after the colon: `{ $key }: { $value }`
yaml-colon-no-space-fix = insert a space after the colon

## Input-method habits: full-width punctuation where YAML needs ASCII.

yaml-habit-colon = full-width colon `：` — use `:`
yaml-habit-colon-help = YAML separates a key from its value only with the half-width `:` and a space; switch the input method to half-width punctuation when typing keys
yaml-habit-space = full-width space `　` — use ordinary spaces
yaml-habit-space-help = YAML's indentation and the space after `:` must be half-width spaces; the full-width space (U+3000) looks the same but is read as text
yaml-habit-dash = full-width dash `－` — use `-`
yaml-habit-dash-help = a list item starts with the half-width `-` and a space; the full-width `－` is read as text
yaml-habit-fix = replace the full-width characters with half-width ones
yaml-key-in-list = a `key: value` line among the items of a list
yaml-key-in-list-help = the lines around it are list items starting with `-`; start this line with `- ` too, or indent it under the item it belongs to
yaml-list-items-here = the list's items start here
yaml-list-after-key = a list cannot start on the same line as its key
yaml-list-after-key-help = put the items on the lines below the key, each indented and starting with `- `; or write them in brackets: `key: [a, b]`
yaml-reserved-start = a value cannot begin with `{ $character }`
yaml-reserved-start-help = put the value in quotes: `"{ $character }…"`
yaml-unknown-escape = a backslash `\` inside double quotes starts an escape like `\n`, and this one is not known
yaml-unknown-escape-help = write the value in single quotes (`'C:\docs'`), or write each backslash twice (`\\`)
yaml-tab-text = a tab character where YAML expects spaces
yaml-indent-under-key-help = `{ $key }:` above has no value: to put this line under it, indent it by more than { $expected ->
        [one] 1 space
       *[other] { $expected } spaces
    } ({ $nested }, say); to put it beside `{ $key }`, indent it by { $expected ->
        [0] no spaces
        [one] 1 space
       *[other] { $expected } spaces
    }
yaml-flow-separator-help = separate the items inside brackets with a comma and a space (`{"{"} name: a, post: b {"}"}`, `[a, b]`), and close the brackets on the same line
yaml-dash-no-space = a list item's `-` needs a space after it
yaml-dash-no-space-help = without the space, the `-` is read as part of the text; write `- ` like the other items of the list
yaml-dash-no-space-fix = insert a space after the `-`
