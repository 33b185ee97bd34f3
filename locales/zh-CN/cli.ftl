# 各命令在诊断信息之外输出的内容。

rules-unknown = 未知的规则 `{ $id }`；{ $hint }
rules-see-list = 可用 `planbook rules` 查看全部规则

## planbook rules

# 规则表上方的标题。
rules-title = 共 { $count } 条规则
rules-head-rule = 规则
rules-head-default = 默认级别
# 摘要一栏，说明该规则发现的问题。
rules-head-finds = 发现的问题
rules-closing = 用 `planbook rules ID` 查看某条规则的说明；在 `planbook.yaml` 的 `rules:` 中可改写各规则的严重级别（`error`、`warning`、`note`、`off`）。
# `planbook rules ID`：第一行，其后是作为句子的摘要。
rules-explain-head = { $id }（默认级别：{ $severity }）
rules-explain-summary = { $summary }。

## planbook check

# `check --staged` / `check --rev` 无法读取的内容，用于“无法检查……”。
check-what-staged = 暂存区的内容
check-what-revision = 版本 `{ $rev }`
check-cannot-check = 无法检查{ $what }
# 文件的读取来源，写在摘要行“已检查”与文件数之间：“已检查 HEAD~1 (3f2a9c1) 中的 3 个文件”。
check-place-index = 暂存区中的
# `revision` 为版本及其简短提交编号：`HEAD~1 (3f2a9c1)`。
check-place-revision = { $revision } 中的
# `-v`：加载用时，单位为毫秒。
check-verbose-loaded = 已从 { $root } 加载 { $documents } 份文档，用时 { $ms } 毫秒
# `-v`：解析缓存省去了多少读取与解析；`cache` 为下面两条之一。
check-verbose-read = 共 { $files } 个文件，读取 { $read } 个，解析 { $parsed } 个（{ $cache }）
check-verbose-no-cache = 未使用解析缓存
check-verbose-cache = 解析缓存：{ $path }

## planbook build

build-built = 已生成 { $pages } 个页面，输出到 { $dir }
# 接在 `build-built` 同一行之后。
build-left-out = （未收录 { $count } 份非公开文档）
# `-v`：接在 `build-built` 同一行之后。
build-elapsed = ，用时 { $ms } 毫秒
build-problems = 手册的问题页列出了 { $errors } 个错误和 { $warnings } 个警告（可运行 `planbook check` 查看）
build-open = 打开 { $path }
# `build -v`：构建的每个阶段一行；`phase` 及各项数字已补齐宽度。
build-profile-phase = { $phase } { $seconds } 秒   常驻内存 { $resident } 兆字节，峰值 { $peak } 兆字节
build-profile-steps = 页面各步骤（各线程合计）：{ $steps }
build-profile-step = { $step } { $seconds } 秒
build-profile-total = 总计 { $seconds } 秒
# `build -v` 的各阶段与步骤。
build-phase-load = 加载
build-phase-validate = 校验
build-phase-history = 读取历史
build-phase-privacy-problems-page = 隐私处理、问题页
build-phase-index = 建立索引
build-phase-rollups = 汇总计算
build-phase-site-tables-site-map = 站点表格、站点地图
build-phase-pages-search-index-assets = 页面、搜索索引、静态资源
build-phase-swap = 替换输出文件夹
build-phase-views = 构建视图
build-phase-templates = 套用模板
build-phase-writes = 写入文件

## 文件、手册页与结构定义

cli-create-failed = 无法创建 `{ $path }`
cli-write-failed = 无法写入 `{ $path }`
cli-resolve-failed = 无法解析路径 `{ $path }`
cli-write-link-out = 拒绝写入 `{ $path }`：路径上的某个文件夹是指向 `{ $within }` 之外的链接
cli-wrote = 已写入 { $path }
cli-man-write-failed = 无法将手册页写入 `{ $path }`
cli-man-wrote = 已将手册页写入 { $path }
# `--lang` 指定了 planbook 不支持的语言。
cli-lang-unknown = `planbook` 不支持语言 `{ $lang }`

## 终止运行的错误

main-error = 错误：{ $message }
# 在 `main-error` 下方缩进，每个原因一行。
main-caused-by = 原因：{ $cause }

# `planbook check PATH` with a path that names nothing (exit 2).
check-no-such-path = `{ $path }` 不存在，未做任何检查
