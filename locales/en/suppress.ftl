# Accepting a finding: suppression comments (`diag::suppress`), the baseline (`diag::baseline`)
# and what `planbook check` says about them (`cli::accept`).

suppress-malformed = this `planbook:` comment cannot be read, so it silences nothing
suppress-malformed-help = write it as `# planbook: allow(rule-id) reason`, or `# planbook: allow-file(rule-id) reason` for the whole file
suppress-missing-reason = the suppression of `{ $rules }` gives no reason, so it silences nothing
suppress-missing-reason-help = write why after the parentheses, e.g. `# planbook: allow({ $rules }) carried over from November`
suppress-unknown-rule = `{ $id }` is not a rule, so nothing is silenced for it
suppress-unknown-rule-help = `planbook rules` lists the rule ids
suppress-unused = nothing here is reported under `{ $rules }`, so this suppression is not needed
suppress-unused-help = the finding it was written for is gone: delete the comment
suppress-unused-fix = delete the comment
suppress-unused-rule = nothing here is reported under `{ $rule }`
suppress-unused-fix-rule = remove `{ $rule }` from the list
suppress-unused-rule-help = the comment still silences the other rules it names: remove `{ $rule }` from the list
baseline-invalid = it is not a planbook baseline ({ $reason })
baseline-version = it was written by another version of planbook (format { $version }); run `planbook check --write-baseline` again

accept-suppressed = suppressed: { $reason }
accept-baselined = accepted in the baseline
accept-hidden-suppressed = { $count ->
    [one] { $count } finding suppressed by a comment
   *[other] { $count } findings suppressed by comments
}
accept-hidden-baselined = { $count ->
    [one] { $count } finding in the baseline
   *[other] { $count } findings in the baseline
}
accept-hidden = not shown: { $parts } (`planbook check --show-suppressed` lists them)
accept-stale = { $count ->
    [one] { $count } baseline entry no longer occurs
   *[other] { $count } baseline entries no longer occur
}; run `planbook check --write-baseline` to shrink it
accept-wrote = { $count ->
    [one] wrote { $count } finding to { $path }
   *[other] wrote { $count } findings to { $path }
}
accept-read-failed = cannot read the baseline { $path }: { $reason }
accept-write-failed = cannot write the baseline { $path }: { $reason }
