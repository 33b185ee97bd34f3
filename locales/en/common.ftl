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
