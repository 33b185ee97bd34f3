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
    /// The people.
    #[serde(default)]
    pub people: Vec<Person>,
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
    /// How many people the post is authorised to have.
    #[schemars(range(max = 1_000_000))]
    pub establishment: Spanned<u32>,
    /// Standard monthly pay for one person in the post.
    #[serde(default)]
    pub pay: Option<Spanned<Money>>,
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
    /// The post they hold.
    pub post: Spanned<PostId>,
    /// The region they cover.
    #[serde(default)]
    pub region: Option<Spanned<RegionId>>,
    /// Their manager's person id.
    #[serde(default)]
    pub reports_to: Option<Spanned<PersonId>>,
    /// The day they started in this post.
    #[serde(default)]
    pub since: Option<Spanned<Date>>,
    /// The day they leave or left.
    #[serde(default)]
    pub until: Option<Spanned<Date>>,
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
