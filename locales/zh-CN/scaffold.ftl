# What `planbook init`, `planbook new` and `planbook hook` print, and the comments they write
# into the files they create.

## planbook init

scaffold-create-failed = 无法创建 `{ $path }`
scaffold-open-failed = 无法打开 `{ $path }`
scaffold-write-outside = 拒绝写入 `{ $dir }` 之外的 `{ $path }`
# $files: the files that are there already, as a list.
scaffold-init-exists = `{ $dir }` 中已有 { $files }；`planbook init` 从不覆盖已有文件
scaffold-git-init-failed = 无法在 `{ $dir }` 中执行 `git init`
scaffold-init-created = 已在 { $dir } 创建数据仓库（{ $count } 个文件）
scaffold-init-created-git = 已在 { $dir } 创建数据仓库（{ $count } 个文件，已初始化 `git` 仓库）
scaffold-init-next = 下一步：运行 `planbook -C { $dir } check`，再运行 `planbook hook install`，让每次提交都自动检查
scaffold-templates-exist = { $files } 已存在；`planbook init` 从不覆盖已有文件
scaffold-templates-copied = 已将 { $count } 个模板复制到 { $dir }；可直接修改，不需改动的可以删除
# The first line of the `.gitignore` that init writes.
scaffold-gitignore-comment = `planbook build` 生成的手册
# The comment atop `.pre-commit-config.yaml`; each line becomes a `#` comment line.
scaffold-pre-commit-comment =
    用 `planbook` 检查每次提交（https://pre-commit.com）。先运行一次 `pre-commit install` 安装钩子。
    每次检查整个数据仓库，因为修改一份人员编制可能影响另一个文件中的计划。`pre-commit` 会从 `PyPI`
    下载 `planbook` 的安装包，几秒即可装好；升级 `planbook` 时请同步修改下面的版本号，或改用
    `language: system` 直接运行 `PATH` 中的 `planbook`。

## planbook new

scaffold-unknown-unit = 未知单位 `{ $unit }`；单位在 `planbook.yaml` 中定义
scaffold-wrote = 已写入 { $path }
scaffold-no-plan-to-review = `{ $unit }` 没有 { $period } 的计划可供回顾；请先编写计划（`planbook new plan`）
scaffold-no-plan-before = `{ $unit }` 没有 { $period } 的计划可作为起点；请手工复制更早的计划
scaffold-no-budget-before = `{ $unit }` 没有 { $period } 的预算可作为起点；请手工复制更早的预算
scaffold-no-period = 在 `{ $path }` 中找不到期间
scaffold-document-exists = `{ $path }` 已存在；`planbook` 不覆盖已有文档（可用 `-o` 写到别处）
# Comments in a new review: the values `status:` takes, and what an actual is measured against.
scaffold-comment-status = status：未开始 | 进行中 | 已完成 | 受阻 | 已取消（也可写 not-started、in-progress、done、blocked、dropped）
scaffold-comment-target = 目标 { $value }
scaffold-comment-floor = 保底 { $value }
scaffold-comment-range = 区间 { $min }–{ $max }
scaffold-comment-scores = 每个考评项目 0 至 100 分
# Comment in a new plan above the tasks the last plan did not finish.
scaffold-comment-carried-over = 上期未完成的任务，已结转；请重新填写日期
# The title of a review whose plan's title has no word "plan" to replace.
scaffold-review-title = { $plan } — 回顾

## planbook hook

scaffold-not-in-git = `{ $dir }` 不在 `git` 仓库中；请先运行 `git init`
scaffold-git-bare = 该 `git` 仓库是裸仓库（没有工作区）
scaffold-hook-foreign = `{ $path }` 已存在且不是 `planbook` 写入的；请自行在其中加入 `planbook check --staged`，或将其移走后重新运行
scaffold-write-failed = 无法写入 `{ $path }`
scaffold-remove-failed = 无法删除 `{ $path }`
scaffold-chmod-failed = 无法将 `{ $path }` 设为可执行
scaffold-hook-installed = 已安装 { $path }：今后每次提交都会运行 `planbook check --staged`
scaffold-hook-none = 未安装 `pre-commit` 钩子
scaffold-hook-not-ours = `{ $path }` 不是 `planbook` 写入的，保持不动
scaffold-hook-removed = 已删除 { $path }
# Comments in the hook script.
scaffold-hook-written-by = 由 `planbook hook install` 写入；运行 `planbook hook uninstall` 可删除
scaffold-hook-explained = 每次提交前检查暂存的文档；`git commit --no-verify` 可跳过一次。
