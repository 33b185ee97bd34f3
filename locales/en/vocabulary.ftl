# The names of built-in budget line categories (`category:`) and post classes (`class:`).
# planbook.yaml's `categories:` and `post_classes:` override them and name others.

category-personnel = personnel
category-office = office
category-logistics = logistics
category-premises = premises
category-marketing = marketing
category-communication = communication
category-travel = travel
category-transport = transport
category-training = training
category-hospitality = hospitality
category-finance = finance
category-depreciation = depreciation
category-allocation = allocated costs
category-other = other

class-management = management
class-admin = administration
class-technical = technical
class-supervision = supervision
class-service = service
class-sales = sales
class-promoter = promoters
class-marketing = marketing
class-market = market development
class-flexible = flexible staff
