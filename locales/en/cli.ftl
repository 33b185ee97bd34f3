# What the commands print besides diagnostics.

rules-unknown = unknown rule `{ $id }`; { $hint }
rules-see-list = `planbook rules` lists them

## planbook rules

# The title above the table of rules.
rules-title = { $count } rules
rules-head-rule = rule
rules-head-default = default
# The column of summaries: each reads as "(the rule) finds …".
rules-head-finds = finds
rules-closing = `planbook rules ID` explains a rule; `rules:` in planbook.yaml overrides severities.
# `planbook rules ID`: the first line, then the summary as a sentence.
rules-explain-head = { $id } ({ $severity } by default)
rules-explain-summary = { CAPITAL($summary) }.

## planbook check

# What `check --staged` / `check --rev` could not read, in "cannot check …".
check-what-staged = the staged content
check-what-revision = revision `{ $rev }`
check-cannot-check = cannot check { $what }
# Where the files were read from, after "checked 3 files" in the summary line.
check-place-index = in the index
# `revision` is a revision and its short commit id: `HEAD~1 (3f2a9c1)`.
check-place-revision = at { $revision }
# `-v`: how long loading took, in milliseconds.
check-verbose-loaded = loaded { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
} from { $root } in { $ms } ms
# `-v`: how many files the parse cache saved reading and parsing; `cache` is one of the next two.
check-verbose-read = read { $read } of { $files } files, parsed { $parsed } ({ $cache })
check-verbose-no-cache = no parse cache
check-verbose-cache = parse cache { $path }

## planbook build

build-built = built { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} into { $dir }
# Continues the line of `build-built`.
build-left-out = {" "}({ $count ->
    [one] { $count } private document
   *[other] { $count } private documents
} left out)
# `-v`: continues the line of `build-built`.
build-elapsed = {" "}in { $ms } ms
build-problems = the handbook's problems page lists { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
} and { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
} (run `planbook check`)
build-open = open { $path }
# `build -v`: one line per phase of the build; `phase` and the figures come padded.
build-profile-phase = { $phase } { $seconds } s   { $resident } MB resident, { $peak } MB peak
build-profile-steps = pages, summed over threads: { $steps }
build-profile-step = { $step } { $seconds } s
build-profile-total = total { $seconds } s
# The phases and steps of `build -v`.
build-phase-load = load
build-phase-validate = validate
build-phase-history = history
build-phase-privacy-problems-page = privacy, problems page
build-phase-index = index
build-phase-rollups = rollups
build-phase-site-tables-site-map = site tables, site map
build-phase-pages-search-index-assets = pages, search index, assets
build-phase-swap = swap
build-phase-views = views
build-phase-templates = templates
build-phase-writes = writes

## Files, man pages, schemas

cli-create-failed = failed to create `{ $path }`
cli-write-failed = failed to write `{ $path }`
cli-resolve-failed = failed to resolve `{ $path }`
cli-write-link-out = refusing to write `{ $path }`: a folder on the way is a link out of `{ $within }`
cli-wrote = wrote { $path }
cli-man-write-failed = failed to write man pages to `{ $path }`
cli-man-wrote = wrote man pages to { $path }
# `--lang` names a language planbook does not speak.
cli-lang-unknown = `{ $lang }` is not a language planbook speaks

## Errors that end a run

main-error = error: { $message }
# Indented under `main-error`, once for each cause.
main-caused-by = caused by: { $cause }

# `planbook check PATH` with a path that names nothing (exit 2).
check-no-such-path = `{ $path }` does not exist; nothing was checked
