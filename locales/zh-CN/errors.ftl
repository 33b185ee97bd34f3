# 终止命令的错误（`错误：…`），来自命令行之下的各个环节。

error-open-folder = 无法打开文件夹 `{ $path }`：{ $reason }
error-no-config = `{ $path }` 及其上级文件夹中都没有 `planbook.yaml`；可用 `planbook init` 新建数据仓库
error-read-config-because = 无法读取 `{ $path }`：{ $reason }
error-config-too-large = 文件有 { $size } 字节，超过了可读取的上限
error-config-outside = `{ $path }` 是指向仓库之外文件的链接；`{ $root }` 之外的内容一概不读，请把文件复制到仓库中，不要用链接
# `place` 说明文件从何处读取：“暂存区”“HEAD~1 (3f2a9c1)”。
error-config-not-in = { $place } 中没有 `{ $path }`
error-out-not-a-folder-name = `{ $path }` 不能用作输出文件夹
error-out-holds-repository = 拒绝在 `{ $path }` 中生成：它包含数据仓库本身；请选择一个空的或新的文件夹
error-out-not-a-folder = 拒绝替换 `{ $path }`：它不是文件夹
error-out-read = 无法读取 `{ $path }`：{ $reason }
error-out-foreign = 拒绝替换 `{ $path }`：该文件夹不是空的，也不是本工具生成的（其中没有 `{ $marker }` 文件）；请选择一个空的或新的文件夹
error-read-from = 无法从 { $place } 读取 `{ $path }`
error-unknown-revision = 未知的版本 `{ $rev }`
error-read-revision = 无法读取版本 `{ $rev }`
error-revision-no-tree = 版本 `{ $rev }` 没有文件树
error-walk-revision = 无法遍历版本 `{ $rev }` 的文件
error-create = 无法创建 `{ $path }`
error-write = 无法写入 `{ $path }`
error-replace = 无法替换 `{ $path }`
error-remove = 无法删除 `{ $path }`
error-read = 无法读取 `{ $path }`
error-move-handbook = 无法把手册移入 `{ $path }`
error-remove-old-handbook = 无法删除旧手册 `{ $path }`
error-out-no-parent = 输出文件夹没有上级文件夹
error-out-no-name = 输出文件夹没有名称
error-current-folder = 无法读取当前文件夹
error-write-marker = 无法写入标记文件
error-move-old-handbook = 无法把旧手册 `{ $path }` 移到一旁
error-read-index = 无法读取 git 暂存区
# panic：planbook 自身出错，而非用户数据有误。`$location` 为 planbook 源文件及行号。退出码 2。
error-internal = planbook 遇到内部错误，请报告此问题，并附上所运行的命令和这条消息（位置：{ $location }）
# 位于 `error-internal` 下方：内部错误的原始说明。
error-internal-detail = 详情：{ $detail }
# 标准输出无法写入（如磁盘已满）；`$reason` 为系统给出的原因。退出码 2。
error-output = 错误：无法写出输出内容：{ $reason }
