//! `kind: roster`: a unit's posts (with authorised establishment), regions and people.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::ids::{PersonId, PostId, RegionId, UnitId};
use crate::model::money::Money;
use crate::model::period::Date;
use crate::model::vocab::vocabulary;
use crate::source::Spanned;

/// A unit's staffing: posts, regions and the people who fill them.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "planbook roster")]
pub struct Roster {
    /// Always `roster`.
    #[schemars(extend("const" = "roster"))]
    pub kind: String,
    /// The unit whose staff this is.
    pub unit: Spanned<UnitId>,
    /// A heading for the roster page.
    #[serde(default)]
    pub title: Option<String>,
    /// The day the roster describes.
    #[serde(default)]
    pub as_of: Option<Spanned<Date>>,
    /// Keep this document out of the published handbook.
    #[serde(default)]
    pub private: bool,
    /// The posts and their authorised establishment (定岗定编).
    #[serde(default)]
    pub posts: Vec<Post>,
    /// The regions people are assigned to.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Groups of regions managed together (大区), each with its own manager; headcount and
    /// attainment roll up by group.
    #[serde(default)]
    pub groups: Vec<RegionGroup>,
    /// The people.
    #[serde(default)]
    pub people: Vec<Person>,
    /// People who work for the unit but are not on its roster (promoters paid by store
    /// bonus, a supplier's staff): listed, never counted in headcount or establishment.
    #[serde(default)]
    pub outside: Vec<Outsider>,
}

/// A post: a kind of job with an authorised number of people and a standard pay.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// The post's id.
    pub id: Spanned<PostId>,
    /// The job title.
    pub title: String,
    /// A grouping such as `management`, `sales`, `market`, `admin` or `flexible`.
    #[serde(default)]
    pub class: Option<String>,
    /// How many people the post is authorised to have (from `since`, until a change says
    /// otherwise).
    #[schemars(range(max = 1_000_000))]
    pub establishment: Spanned<u32>,
    /// Whether the post counts toward the unit's establishment (编制). `false` for posts
    /// outside it, such as a general manager paid by head office or locally hired
    /// supervisors: their people are on the roster and in headcount, but the unit's
    /// establishment total leaves them out.
    #[serde(default = "yes")]
    pub in_establishment: bool,
    /// Standard monthly pay for one person in the post.
    #[serde(default)]
    pub pay: Option<Spanned<Money>>,
    /// The day the post was created; before it, the post does not exist.
    #[serde(default)]
    pub since: Option<Spanned<Date>>,
    /// The last day the post exists.
    #[serde(default)]
    pub until: Option<Spanned<Date>>,
    /// Dated changes to the establishment or the pay, oldest first: each holds from its
    /// `from` day until the next.
    #[serde(default)]
    pub changes: Vec<PostChange>,
    /// The post that people in this post normally report to.
    #[serde(default)]
    pub reports_to: Option<Spanned<PostId>>,
    /// What the post is responsible for.
    #[serde(default)]
    pub duties: Option<String>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

impl Roster {
    /// Every place a document may name in `region:`: the regions, then the region groups,
    /// each as (id, display name). Group ids share the region namespace.
    pub fn places(&self) -> impl Iterator<Item = (&RegionId, &str)> {
        let regions = self.regions.iter().map(|g| (&g.id.value, g.name.as_str()));
        regions.chain(self.groups.iter().map(|g| (&g.id.value, g.name.as_str())))
    }

    /// The display name of place `id` (a region or a group), or the id itself.
    pub fn place_name(&self, id: &str) -> String {
        self.places()
            .find(|(p, _)| p.as_str() == id)
            .map_or_else(|| id.to_owned(), |(_, n)| n.to_owned())
    }
}

/// A dated change to a post: from `from`, the fields it gives replace the post's.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostChange {
    /// The first day the change holds.
    pub from: Spanned<Date>,
    /// The establishment from that day.
    #[serde(default)]
    #[schemars(range(max = 1_000_000))]
    pub establishment: Option<Spanned<u32>>,
    /// The standard monthly pay from that day.
    #[serde(default)]
    pub pay: Option<Spanned<Money>>,
    /// Why it changed.
    #[serde(default)]
    pub note: Option<String>,
}

/// A group of regions managed together, such as a 大区 of several prefectures.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionGroup {
    /// The group's id; targets, actuals and scores may name it like a region.
    pub id: Spanned<RegionId>,
    /// The display name (`安鹤濮大区`).
    pub name: String,
    /// The regions in the group, at least one; a region belongs to at most one group.
    #[schemars(length(min = 1))]
    pub regions: Vec<Spanned<RegionId>>,
    /// The person who manages the group.
    #[serde(default)]
    pub manager: Option<Spanned<PersonId>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// People who work for the unit without being on its roster.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outsider {
    /// What they do (`兼职促销员`).
    pub role: String,
    /// A name, when it is one person.
    #[serde(default)]
    pub name: Option<String>,
    /// How many there are, when known; left out for one named person or a group whose size
    /// changes.
    #[serde(default)]
    #[schemars(range(max = 1_000_000))]
    pub count: Option<Spanned<u32>>,
    /// The region they work in.
    #[serde(default)]
    pub region: Option<Spanned<RegionId>>,
    /// How they are paid, when not by the unit (`店员奖`, `by the supplier`).
    #[serde(default)]
    pub paid_by: Option<String>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// A region (prefecture, district) that people cover.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// The region's id.
    pub id: Spanned<RegionId>,
    /// The display name.
    pub name: String,
    /// The region it counts under (鹤壁 under 安阳); nobody is assigned to it directly.
    #[serde(default)]
    pub merged_into: Option<Spanned<RegionId>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// A person on the roster.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The person's id, unique across all rosters.
    pub id: Spanned<PersonId>,
    /// The person's name.
    pub name: String,
    /// The post they hold from `since` (a later post is a dated `changes` entry).
    pub post: Spanned<PostId>,
    /// The region they cover.
    #[serde(default)]
    pub region: Option<Spanned<RegionId>>,
    /// Their manager's person id.
    #[serde(default)]
    pub reports_to: Option<Spanned<PersonId>>,
    /// The day they joined the unit; before it they are not counted.
    #[serde(default)]
    pub since: Option<Spanned<Date>>,
    /// Their last day; after it they are not counted.
    #[serde(default)]
    pub until: Option<Spanned<Date>>,
    /// Dated changes, oldest first: a promotion, a transfer to another region, a new
    /// manager. Each holds from its `from` day until the next.
    #[serde(default)]
    pub changes: Vec<PersonChange>,
    /// Posts they fill for a while on top of their own (代理, 兼任): counted in their own
    /// post only, but they may be scored and named in the acting post.
    #[serde(default)]
    pub acting: Vec<Acting>,
    /// How many county-level areas (县级区域) they cover, for allowances computed per
    /// county (see `tables` in `planbook.yaml`).
    #[serde(default)]
    #[schemars(range(max = 10_000))]
    pub counties: Option<Spanned<u32>>,
    /// How they are employed.
    #[serde(default)]
    pub employment: Employment,
    /// Individual monthly pay. Private: never published unless `planbook.yaml` allows it.
    #[serde(default)]
    pub pay: Option<Spanned<Money>>,
    /// Phone number. Private unless published explicitly.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address. Private unless published explicitly.
    #[serde(default)]
    pub email: Option<String>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// A dated change to a person: from `from`, each field it gives replaces the person's.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonChange {
    /// The first day the change holds.
    pub from: Spanned<Date>,
    /// The post from that day (a promotion or a move).
    #[serde(default)]
    pub post: Option<Spanned<PostId>>,
    /// The region from that day.
    #[serde(default)]
    pub region: Option<Spanned<RegionId>>,
    /// The manager from that day.
    #[serde(default)]
    pub reports_to: Option<Spanned<PersonId>>,
    /// How they are employed from that day.
    #[serde(default)]
    pub employment: Option<Employment>,
    /// Individual monthly pay from that day. Private, as the person's `pay`.
    #[serde(default)]
    pub pay: Option<Spanned<Money>>,
    /// The counties covered from that day.
    #[serde(default)]
    #[schemars(range(max = 10_000))]
    pub counties: Option<Spanned<u32>>,
    /// Why it changed.
    #[serde(default)]
    pub note: Option<String>,
}

/// A post a person fills for a while on top of their own.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acting {
    /// The post they act in.
    pub post: Spanned<PostId>,
    /// The region they cover in it.
    #[serde(default)]
    pub region: Option<Spanned<RegionId>>,
    /// The first day.
    pub from: Spanned<Date>,
    /// The last day; open-ended when left out.
    #[serde(default)]
    pub until: Option<Spanned<Date>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

vocabulary! {
    /// How a person is employed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum Employment {
        #[default]
        FullTime = "full-time" {
            en: "A permanent full-time employee.",
            zh: "全职正式员工",
            aliases: ["全职"],
        },
        PartTime = "part-time" { en: "Part-time.", zh: "兼职", aliases: ["兼职"] },
        Contract = "contract" {
            en: "On a fixed-term contract.",
            zh: "固定期限合同",
            aliases: ["合同", "合同工"],
        },
        Secondment = "secondment" {
            en: "Seconded from a supplier or another unit (a manufacturer's promoter).",
            zh: "由供应商或其他单位借调（如厂家促销员）",
            aliases: ["借调"],
        },
        Temporary = "temporary" {
            en: "Temporary or seasonal help outside the establishment.",
            zh: "编制外的临时或季节性用工",
            aliases: ["临时", "临时工"],
        },
    }
}
