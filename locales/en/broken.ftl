# `planbook build` and `planbook serve`, after a build: documents with errors, and the pages
# of documents that could not be read (`render::broken`), which show their problems instead of
# their content.
build-errors-in = { $count ->
    [one] 1 document has errors
   *[other] { $count } documents have errors
}
# Continues the line of `build-errors-in` when documents could not be read; the pages follow,
# one per line (`build-broken-page`).
build-errors-unreadable = {"; "}{ $count ->
    [one] 1 could not be read, and its page shows the problems instead of its content:
   *[other] { $count } could not be read, and their pages show the problems instead of their content:
}
# Continues the line of `build-errors-in` when every document could be read.
build-errors-listed = {"; "}the problems page lists them
build-broken-page = { $path } → { $page }
# `planbook build --deny-errors` when the repository has errors: nothing was published. The
# files with errors follow, one per line.
build-denied = not published: { $count ->
    [one] 1 document has errors
   *[other] { $count } documents have errors
} and `--deny-errors` was given, so { $dir } was left as it was:
build-denied-check = run `planbook check` to see the problems
