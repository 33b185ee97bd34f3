# Schema errors: a value of the wrong type or form.

schema-expected-one-of = expected one of { $items }
