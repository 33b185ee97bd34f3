# `planbook check --fix`, `--unsafe-fixes` and `--diff` (cli::fix), and the titles of fixes.

## Under a diagnostic, after its help: a fix that `check --fix` can make.
fix-shown-safe = fix: { $title }
fix-shown-unsafe = unsafe fix: { $title } (made only with `--fix --unsafe-fixes`)

## After `check --fix`: what was fixed, and how many problems are left.
fix-summary = fixed { $fixed ->
    [one] { $fixed } problem
   *[other] { $fixed } problems
} in { $files ->
    [one] { $files } file
   *[other] { $files } files
}; { $remaining } remaining
fix-summary-none = nothing was fixed; { $remaining } remaining

## After `check --diff`.
fix-diff-summary = would fix { $fixed ->
    [one] { $fixed } problem
   *[other] { $fixed } problems
} in { $files ->
    [one] { $files } file
   *[other] { $files } files
}
fix-diff-none = nothing to fix

## A file with fixes that was not changed.
fix-file-left = `{ $path }` was left as it is: it is no longer what planbook read (it changed meanwhile, or it is not valid UTF-8)
fix-rounds-limit = stopped after { $rounds } rounds of fixes; run `planbook check --fix` again to go on

## Without `--fix`: how many of the problems it could fix.
fix-hint-safe = { $count } fixable with `planbook check --fix`
fix-hint-both = { $safe } fixable with `planbook check --fix` ({ $more } more with `--unsafe-fixes`)
fix-hint-unsafe = { $count } fixable with `planbook check --fix --unsafe-fixes` (review the result)

## `--fix` or `--diff` with `--staged` or `--rev`.
fix-with-git = `{ $option }` changes the files in the work tree, but `{ $git }` checks what git holds; run `planbook check { $option }` without `{ $git }`

## Titles of fixes; `sum` is a formatted amount.
fix-set-amount = set `amount` to { $sum }{ $also ->
    [both] , and the section's `subtotal` and the budget's `total` with it
    [subtotal] , and the section's `subtotal` with it
    [total] , and the budget's `total` with it
   *[none] {""}
}
