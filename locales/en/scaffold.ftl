# What `planbook init`, `planbook new` and `planbook hook` print, and the comments they write
# into the files they create.

## planbook init

scaffold-create-failed = failed to create `{ $path }`
scaffold-open-failed = failed to open `{ $path }`
scaffold-write-outside = refusing to write `{ $path }` outside `{ $dir }`
# $files: the files that are there already, as a list.
scaffold-init-exists = `{ $dir }` already has { $files }; planbook init never overwrites files
scaffold-git-init-failed = failed to run `git init` in `{ $dir }`
scaffold-init-created = created a planbook repository in { $dir } ({ $count ->
        [one] { $count } file
       *[other] { $count } files
    })
scaffold-init-created-git = created a planbook repository in { $dir } ({ $count ->
        [one] { $count } file
       *[other] { $count } files
    }, git initialised)
scaffold-init-next = next: `planbook -C { $dir } check`, then `planbook hook install` to check every commit
scaffold-templates-exist = { $files } already exist; planbook init never overwrites files
scaffold-templates-copied = copied { $count } templates into { $dir }; edit them, or delete the ones you keep as they are
# The first line of the `.gitignore` that init writes.
scaffold-gitignore-comment = The handbook that `planbook build` writes
# The comment atop `.pre-commit-config.yaml`; each line becomes a `#` comment line.
scaffold-pre-commit-comment =
    Checks every commit with planbook (https://pre-commit.com). Install the hook once with
    `pre-commit install`. The whole repository is checked, because a change to a roster can
    break a plan in another file. pre-commit installs planbook's wheel from PyPI in seconds;
    raise the version below when you upgrade planbook, or use `language: system` to run the
    planbook on PATH instead.

## planbook new

scaffold-unknown-unit = unknown unit `{ $unit }`; the units are in planbook.yaml
scaffold-wrote = wrote { $path }
scaffold-no-plan-to-review = no plan of `{ $unit }` for { $period } to review; write the plan first (`planbook new plan`)
scaffold-no-plan-before = no plan of `{ $unit }` for { $period } to start from; copy an older plan by hand
scaffold-no-budget-before = no budget of `{ $unit }` for { $period } to start from; copy an older budget by hand
scaffold-no-period = could not find the period in `{ $path }`
scaffold-document-exists = `{ $path }` already exists; planbook does not overwrite documents (use -o to write elsewhere)
# Comments in a new review: the values `status:` takes, and what an actual is measured against.
scaffold-comment-status = status: not-started | in-progress | done | blocked | dropped
scaffold-comment-target = target { $value }
scaffold-comment-floor = floor { $value }
scaffold-comment-range = range { $min }–{ $max }
scaffold-comment-scores = 0 to 100 points per component
# Comment in a new plan above the tasks the last plan did not finish.
scaffold-comment-carried-over = carried over from last period; set new dates
# The title of a review whose plan's title has no word "plan" to replace.
scaffold-review-title = { $plan } — review

## planbook hook

scaffold-not-in-git = `{ $dir }` is not in a git repository; run `git init` first
scaffold-git-bare = the git repository is bare
scaffold-hook-foreign = `{ $path }` already exists and was not written by planbook; add `planbook check --staged` to it yourself, or move it away and run this again
scaffold-write-failed = failed to write `{ $path }`
scaffold-remove-failed = failed to remove `{ $path }`
scaffold-chmod-failed = failed to make `{ $path }` executable
scaffold-hook-installed = installed { $path }: every commit now runs `planbook check --staged`
scaffold-hook-none = no pre-commit hook is installed
scaffold-hook-not-ours = `{ $path }` was not written by planbook; leaving it alone
scaffold-hook-removed = removed { $path }
# Comments in the hook script.
scaffold-hook-written-by = written by `planbook hook install`; `planbook hook uninstall` removes it
scaffold-hook-explained = Checks the staged documents before each commit; `git commit --no-verify` skips it once.
