# Errors that end a command (`error: …`), from the stages below the CLI.

error-open-folder = failed to open folder `{ $path }`: { $reason }
error-no-config = no `planbook.yaml` in `{ $path }` or any folder above it; run `planbook init` to create a data repository
error-read-config-because = failed to read `{ $path }`: { $reason }
error-config-too-large = it is { $size } bytes, more than planbook reads
error-config-outside = `{ $path }` is a link to a file outside the repository; planbook reads nothing outside `{ $root }`, so copy the file into the repository instead of linking to it
# `place` is where the files were read from: "the index", "HEAD~1 (3f2a9c1)".
error-config-not-in = `{ $path }` is not in { $place }
error-out-not-a-folder-name = `{ $path }` cannot be an output folder
error-out-holds-repository = refusing to build into `{ $path }`: it contains the data repository; choose an empty or new folder
error-out-not-a-folder = refusing to replace `{ $path }`: it is not a folder
error-out-read = failed to read `{ $path }`: { $reason }
error-out-foreign = refusing to replace `{ $path }`: it is not empty and planbook did not build it (it has no `{ $marker }` file); choose an empty or new folder
error-read-from = failed to read `{ $path }` from { $place }
error-unknown-revision = unknown revision `{ $rev }`
error-read-revision = failed to read revision `{ $rev }`
error-revision-no-tree = revision `{ $rev }` has no tree
error-walk-revision = failed to walk `{ $rev }`
error-create = failed to create `{ $path }`
error-write = failed to write `{ $path }`
error-replace = failed to replace `{ $path }`
error-remove = failed to remove `{ $path }`
error-read = failed to read `{ $path }`
error-move-handbook = failed to move the handbook into `{ $path }`
error-remove-old-handbook = failed to remove the old handbook `{ $path }`
error-out-no-parent = the output folder has no parent
error-out-no-name = the output folder has no name
error-current-folder = failed to read the current folder
error-write-marker = failed to write the marker file
error-move-old-handbook = failed to move the old handbook `{ $path }` aside
error-read-index = failed to read the git index
# A panic: planbook itself failed, not the user's data. `$location` is a source file and line
# of planbook. Exit code 2.
error-internal = planbook hit an internal error — please report it, with the command you ran and this message (at { $location })
# Under `error-internal`: the internal error's own words.
error-internal-detail = detail: { $detail }
# Standard output could not be written (a full disk); `$reason` is the system's words. Exit 2.
error-output = error: could not write the output: { $reason }
