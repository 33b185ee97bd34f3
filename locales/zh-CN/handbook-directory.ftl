# 人员名录、组织架构图与单位树（render::view::directory、org、lists）。

handbook-directory-total = 共 { $count } 人
# `filter` 为单位、岗位或地区名称。
handbook-directory-filtered = 人员：{ $filter }
handbook-directory-page-title = { $title }（第 { $page }/{ $pages } 页）
# `kind` 为“单位”“岗位”或“地区”。
handbook-directory-filter = { $kind }：{ $value }
handbook-org-below = 下属 { $count } 人
handbook-org-manager-missing = 上级不在名册中：{ $id }
handbook-org-manager-left = 上级已不在岗：{ $name }（{ $id }）
handbook-org-page-title = 组织架构：{ $name }
handbook-org-missing-note = 有 { $count } 人的上级不在名册中，列于末尾的 ⚠ 分组下。
handbook-org-hidden-note = 另有 { $count } 人未在图中列出，请在人员名录中查看。
handbook-roster-in-directory = 在人员名录中分页查看本名册全部 { $count } 人
handbook-units-people = { $count } 人
handbook-units-below = 下属 { $count } 个单位
handbook-person-namesakes = 同名人员：{ $name }
handbook-person-namesakes-intro = 本页为{ $unit }的{ $name }（{ $id }）。
