# What the commands print besides diagnostics.

rules-unknown = unknown rule `{ $id }`; { $hint }
rules-see-list = `planbook rules` lists them
