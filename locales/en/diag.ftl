# How a diagnostic is laid out around its message (`planbook check`).

severity-error = error
severity-warning = warning
severity-note = note
# After `error[rule.id]`.
diag-headline = : { $message }
diag-help = help: { $help }
# A note written after the message on one line (`--format short`, GitHub annotations).
diag-aside = ({ $note })
diag-count-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
diag-count-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
diag-count-notes = { $count ->
    [one] { $count } note
   *[other] { $count } notes
}
# `place` is empty, or where the files were read from, with a leading space: ` at HEAD~1 (3f2a9c1)`.
diag-summary = checked { $files ->
    [one] { $files } file
   *[other] { $files } files
}{ $place }: { $problems }
diag-summary-clean = checked { $files ->
    [one] { $files } file
   *[other] { $files } files
}{ $place }: no problems found
