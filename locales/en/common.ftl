# Words and phrases that many parts of planbook share.

# Used by the catalogue's own tests.
i18n-example = { $count ->
    [one] { $count } change to { $name }
   *[other] { $count } changes to { $name }
}
i18n-example-noun = the budget

# Between the items of a list written in a sentence: `2 errors, 1 warning`.
list-separator = {", "}
# Between the items of a list of names: `a`, `b`.
list-items = {", "}
# Up to twelve items, and how many more there are.
list-some = { $more ->
    [0] { $items }
   *[other] { $items } and { $more } more
}

## Did-you-mean hints (diag::suggest).

suggest-did-you-mean = did you mean `{ $best }`?
suggest-both = { $best } { CAPITAL($listed) }
suggest-kinds-are = the kinds are { $items }
unknown-id = unknown { $what } `{ $id }`
known-ids = the known { $what } ids are { $items }

## Nouns that messages put into sentences.

noun-section = section
noun-line = line
noun-budget-line = budget line
noun-post = post
noun-region = region
noun-person = person
noun-task = task
noun-component = component

## What the operating system answered (i18n::io_error).

io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-directory = it is a folder, not a file
io-not-a-directory = a part of the path is not a folder
io-directory-not-empty = the folder is not empty
io-read-only = the file system is read-only
io-storage-full = the disk is full
io-quota-exceeded = the disk quota is used up
io-file-too-large = the file is too large for the file system
io-invalid-filename = the file name is not valid here
io-timed-out = the operation timed out
io-interrupted = the operation was interrupted
io-unexpected-eof = the file ended unexpectedly
io-out-of-memory = out of memory
io-address-in-use = the address is already in use
io-address-not-available = the address is not available on this machine
io-connection-refused = the connection was refused
