# 内置的预算科目类别（`category:`）与岗位类别（`class:`）名称。
# planbook.yaml 的 `categories:` 与 `post_classes:` 可以改名，也可以为其他类别命名。

category-personnel = 人员费用
category-office = 办公费用
category-logistics = 后勤保障
category-premises = 房屋场地
category-marketing = 市场推广
category-communication = 通讯费用
category-travel = 差旅费用
category-transport = 交通运输
category-training = 培训费用
category-hospitality = 业务招待
category-finance = 财务费用
category-depreciation = 折旧摊销
category-allocation = 分摊费用
category-other = 其他

class-management = 管理岗
class-admin = 行政岗
class-technical = 技术岗
class-supervision = 督导岗
class-service = 服务岗
class-sales = 销售岗
class-promoter = 促销员
class-marketing = 市场岗
class-market = 市场开发
class-flexible = 机动人员
