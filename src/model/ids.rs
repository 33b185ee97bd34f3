//! Identifier newtypes, so a person id can never be passed where a post id is expected.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

macro_rules! id_newtype {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "minLength": 1,
                    "pattern": crate::model::forms::ID.pattern,
                    "description": crate::model::forms::described(
                        "schema-doc-id",
                        stringify!($name)
                    )
                })
            }
        }
    )*};
}

id_newtype! {
    /// A unit in the hierarchy of `planbook.yaml` (`henan`).
    UnitId;
    /// A KPI in the catalogue of `planbook.yaml` (`units`, `gross-margin`).
    KpiId;
    /// A person on a roster (`p001`).
    PersonId;
    /// A post on a roster (`rep`, `regional-manager`).
    PostId;
    /// A region on a roster (`zhengzhou`).
    RegionId;
    /// A budget line (`salary`).
    LineId;
    /// A budget section (`operating`, `allocation`).
    SectionId;
    /// A task in a plan (`settle-in`).
    TaskId;
    /// A scorecard component (`basic`, `sales`).
    ComponentId;
    /// A group of scorecard components with a weight of its own (`basic`, `performance`).
    ComponentGroupId;
    /// A problem a plan sets out to fix (`oversight`).
    ProblemId;
    /// A measure a plan takes against its problems (`daily-log`).
    MeasureId;
    /// A work area that groups a plan's tasks (`grid`, `service`).
    AreaId;
    /// A table of computation in `planbook.yaml` (`key-store`, `phone-allowance`).
    TableId;
}
