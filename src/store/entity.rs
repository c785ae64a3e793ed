//! How each kind of record is split into fields (the unit of a change and of a conflict)
//! and which index entries it has. Field names are part of the bundle format: never
//! rename one; add new ones at the end.

use uuid::Uuid;

use super::Slot;
use crate::codec::{self, CodecError, Versioned};
use crate::model::gazetteer::Gazetteer;
use crate::model::{
    Date, Distinct, Household, HouseholdV1, Need, Organization, OrganizationV1, Problem, Referral,
    Service, ServiceV1,
};

/// A kind of record kept in its own tree, changed field by field.
pub trait Entity: Versioned + Clone + 'static {
    /// The kind's name in change envelopes.
    const KIND: &'static str;
    /// A one-byte tag for this kind in local keys.
    const TAG: u8;
    /// The tree that holds records of this kind.
    const TREE: Slot;

    /// The names of the fields, in the order of `fields`. At most 64.
    const FIELDS: &'static [&'static str];

    /// How many of `FIELDS` every format of the record has: the fields of its first
    /// format. A record is whole once each of these has a value; fields appended by a
    /// later format (a household's size, a service's HSDS details) may never come, from
    /// a change made by a laptop of before them, and then keep their default. Every
    /// laptop applies the same rule, so all converge.
    const BASE_FIELDS: usize = Self::FIELDS.len();

    fn id(&self) -> Uuid;

    /// Every field with its encoded value, in a fixed order.
    fn fields(&self) -> Result<Vec<(&'static str, Vec<u8>)>, CodecError>;

    /// Sets one field from its encoded value; `false` for a field this version does not
    /// know (kept in the change log, ignored here).
    fn set_field(&mut self, name: &str, bytes: &[u8]) -> Result<bool, CodecError>;

    /// The index entries of this record: (index tree, key). Keys hold ids, codes and
    /// dates only, never personal data.
    fn index_keys(&self) -> Vec<(Slot, Vec<u8>)>;

    /// An empty record with this id, to be filled from changes.
    fn blank(id: Uuid) -> Self;

    /// The fields that hold plain text, which a coordinator may type a new value for when
    /// resolving a conflict (any field may keep one of its values).
    const TYPED: &'static [&'static str] = &[];

    /// What is wrong with this record on its own (no other record consulted): checked
    /// before a typed value resolves a conflict.
    fn problems(&self, gazetteer: &Gazetteer, today: Date) -> Vec<Problem> {
        let _ = (gazetteer, today);
        Vec::new()
    }

    /// Takes from the stored record what a local edit may not change (a case code, a
    /// referral's history, which only steps change). The default keeps nothing.
    fn keep_local(&mut self, old: Option<&Self>) {
        let _ = old;
    }
}

macro_rules! fields {
    ($($field:ident),+ $(,)?) => {
        const FIELDS: &'static [&'static str] = &[$(stringify!($field)),+];

        fn fields(&self) -> Result<Vec<(&'static str, Vec<u8>)>, CodecError> {
            Ok(vec![$((stringify!($field), codec::encode_value(&self.$field)?)),+])
        }

        fn set_field(&mut self, name: &str, bytes: &[u8]) -> Result<bool, CodecError> {
            match name {
                $(stringify!($field) => {
                    self.$field = codec::decode_value(bytes)?;
                    Ok(true)
                })+
                _ => Ok(false),
            }
        }
    };
}

/// Concatenates key parts.
pub fn key(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// A P-code as a key part, terminated so that `IQG1` never prefixes `IQG15`.
pub fn pcode_part(pcode: &str) -> Vec<u8> {
    let mut v = pcode.as_bytes().to_vec();
    v.push(0);
    v
}

/// A time as a key part that sorts in time order (`u64::MAX` for none).
pub fn time_part(ms: Option<i64>) -> [u8; 8] {
    match ms {
        Some(ms) => ((ms as u64) ^ (1 << 63)).to_be_bytes(),
        None => u64::MAX.to_be_bytes(),
    }
}

/// Format 2 added `size` (appended: the field map's names only ever grow at the end).
/// A record of format 1 reads with no size.
impl Versioned for Household {
    const VERSION: u8 = 2;

    fn migrate(version: u8, body: &[u8]) -> Result<Self, CodecError> {
        match version {
            1 => {
                let old: HouseholdV1 = codec::decode_value(body)?;
                Ok(old.with_size(None))
            }
            _ => Err(CodecError::UnknownVersion {
                found: version,
                known: Self::VERSION,
            }),
        }
    }
}
impl Versioned for Need {
    const VERSION: u8 = 1;
}
impl Versioned for Referral {
    const VERSION: u8 = 1;
}
/// Format 2 added the organization's alternate name, description, website and email
/// (issue 18; appended fields). A record of format 1 reads with them empty.
impl Versioned for Organization {
    const VERSION: u8 = 2;

    fn migrate(version: u8, body: &[u8]) -> Result<Self, CodecError> {
        match version {
            1 => Ok(codec::decode_value::<OrganizationV1>(body)?.into()),
            _ => Err(CodecError::UnknownVersion {
                found: version,
                known: Self::VERSION,
            }),
        }
    }
}
/// Format 2 added what HSDS holds beyond format 1 (alternate name, url, email, place
/// details, phones, language ids, schedules; issue 18). Format 1 reads with them empty.
impl Versioned for Service {
    const VERSION: u8 = 2;

    fn migrate(version: u8, body: &[u8]) -> Result<Self, CodecError> {
        match version {
            1 => Ok(codec::decode_value::<ServiceV1>(body)?.into()),
            _ => Err(CodecError::UnknownVersion {
                found: version,
                known: Self::VERSION,
            }),
        }
    }
}
impl Versioned for Distinct {
    const VERSION: u8 = 1;
}

impl Entity for Household {
    const KIND: &'static str = "household";
    const TAG: u8 = 1;
    const TREE: Slot = Slot::Households;

    fn blank(id: Uuid) -> Self {
        Household {
            id,
            ..Default::default()
        }
    }

    fn id(&self) -> Uuid {
        self.id
    }

    fn keep_local(&mut self, old: Option<&Self>) {
        if let Some(old) = old {
            self.case_code = old.case_code.clone();
        }
    }

    fields!(
        case_code,
        created_at,
        created_by,
        head,
        phone,
        members,
        location,
        displacement,
        vulnerabilities,
        consent,
        status,
        size,
    );

    /// `size` came with format 2.
    const BASE_FIELDS: usize = 11;

    const TYPED: &'static [&'static str] = &["phone"];

    fn problems(&self, gazetteer: &Gazetteer, today: Date) -> Vec<Problem> {
        self.validate(gazetteer, today)
    }

    fn index_keys(&self) -> Vec<(Slot, Vec<u8>)> {
        let mut keys = vec![(
            Slot::HouseholdsByCaseCode,
            key(&[self.case_code.as_bytes(), &[0], self.id.as_bytes()]),
        )];
        // Closed as a duplicate: where merged households end is read from this.
        if let Some(kept) = crate::model::duplicate::duplicate_of(self) {
            keys.push((
                Slot::HouseholdsByDuplicateOf,
                key(&[kept.as_bytes(), self.id.as_bytes()]),
            ));
        }
        keys
    }
}

impl Entity for Need {
    const KIND: &'static str = "need";
    const TAG: u8 = 2;
    const TREE: Slot = Slot::Needs;

    fn blank(id: Uuid) -> Self {
        Need {
            id,
            ..Default::default()
        }
    }

    fn id(&self) -> Uuid {
        self.id
    }

    fields!(
        household,
        member,
        sector,
        description,
        priority,
        status,
        created_at,
        created_by,
    );

    const TYPED: &'static [&'static str] = &["description"];

    fn problems(&self, _: &Gazetteer, _: Date) -> Vec<Problem> {
        self.validate()
    }

    fn index_keys(&self) -> Vec<(Slot, Vec<u8>)> {
        vec![(
            Slot::NeedsByHousehold,
            key(&[self.household.as_bytes(), self.id.as_bytes()]),
        )]
    }
}

impl Entity for Referral {
    const KIND: &'static str = "referral";
    const TAG: u8 = 3;
    const TREE: Slot = Slot::Referrals;

    fn blank(id: Uuid) -> Self {
        Referral {
            id,
            ..Default::default()
        }
    }

    fn id(&self) -> Uuid {
        self.id
    }

    fn keep_local(&mut self, old: Option<&Self>) {
        self.history = match old {
            Some(old) => old.history.clone(),
            None => vec![Referral::created_step(self.created_at, &self.created_by)],
        };
    }

    // The history is not a field: each step is a change of its own (`step/1`).
    fields!(
        household,
        need,
        service,
        organization,
        referring_org,
        priority,
        reason,
        disclosed,
        follow_up,
        created_at,
        created_by,
    );

    const TYPED: &'static [&'static str] = &["referring_org", "reason"];

    fn problems(&self, _: &Gazetteer, _: Date) -> Vec<Problem> {
        Referral::problems(self)
    }

    fn index_keys(&self) -> Vec<(Slot, Vec<u8>)> {
        vec![
            (
                Slot::ReferralsByStatusDue,
                key(&[
                    &[status_tag(self.status())],
                    &time_part(self.due().map(|t| t.0)),
                    self.id.as_bytes(),
                ]),
            ),
            (
                Slot::ReferralsByHousehold,
                key(&[self.household.as_bytes(), self.id.as_bytes()]),
            ),
        ]
    }
}

/// The one-byte tag of a referral status in index keys: its place in the lifecycle.
pub fn status_tag(status: crate::model::ReferralStatus) -> u8 {
    crate::model::ReferralStatus::ALL
        .iter()
        .position(|s| *s == status)
        .unwrap_or(0) as u8
}

impl Entity for Organization {
    const KIND: &'static str = "organization";
    const TAG: u8 = 4;
    const TREE: Slot = Slot::Organizations;

    fn blank(id: Uuid) -> Self {
        Organization {
            id,
            ..Default::default()
        }
    }

    fn id(&self) -> Uuid {
        self.id
    }

    fields!(
        name,
        acronym,
        kind,
        focal_points,
        alternate_name,
        description,
        website,
        email,
    );

    /// The last four came with format 2.
    const BASE_FIELDS: usize = 4;

    const TYPED: &'static [&'static str] = &[
        "name",
        "acronym",
        "alternate_name",
        "description",
        "website",
        "email",
    ];

    fn problems(&self, _: &Gazetteer, _: Date) -> Vec<Problem> {
        self.validate()
    }

    fn index_keys(&self) -> Vec<(Slot, Vec<u8>)> {
        Vec::new()
    }
}

impl Entity for Service {
    const KIND: &'static str = "service";
    const TAG: u8 = 5;
    const TREE: Slot = Slot::Services;

    fn blank(id: Uuid) -> Self {
        Service {
            id,
            ..Default::default()
        }
    }

    fn id(&self) -> Uuid {
        self.id
    }

    fields!(
        organization,
        name,
        sector,
        description,
        eligibility,
        areas,
        locations,
        hours,
        phone,
        referral_method,
        next_steps,
        languages,
        required_documents,
        fees,
        status,
        alternate_name,
        url,
        email,
        location_details,
        phones,
        language_details,
        schedules,
    );

    /// The last seven came with format 2.
    const BASE_FIELDS: usize = 15;

    const TYPED: &'static [&'static str] = &[
        "name",
        "description",
        "eligibility",
        "hours",
        "phone",
        "referral_method",
        "next_steps",
        "fees",
        "alternate_name",
        "url",
        "email",
    ];

    fn problems(&self, _: &Gazetteer, _: Date) -> Vec<Problem> {
        self.validate()
    }

    fn index_keys(&self) -> Vec<(Slot, Vec<u8>)> {
        Vec::new()
    }
}

/// A "not the same" decision: made once by one laptop and never changed (each decision
/// its own record, so that concurrent decisions add up and none is lost).
impl Entity for Distinct {
    const KIND: &'static str = "distinct";
    const TAG: u8 = 6;
    const TREE: Slot = Slot::Distinct;

    fn blank(id: Uuid) -> Self {
        Distinct {
            id,
            ..Default::default()
        }
    }

    fn id(&self) -> Uuid {
        self.id
    }

    fields!(a, b, at, by);

    fn problems(&self, _: &Gazetteer, _: Date) -> Vec<Problem> {
        self.validate()
    }

    fn index_keys(&self) -> Vec<(Slot, Vec<u8>)> {
        Vec::new()
    }
}
