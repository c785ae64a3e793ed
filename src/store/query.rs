//! Reading for screens, commands and reports: the service directory with its sample base
//! layer, lookups through the indexes, and the counts of `daleel stats`.

use std::collections::BTreeMap;

use serde::Serialize;
use uuid::Uuid;

use super::entity::{key, status_tag, time_part};
use super::{Slot, Store, StoreError};
use crate::codec;
use crate::model::{
    Household, Need, NeedStatus, Organization, Referral, ReferralStatus, Service, Timestamp, sample,
};

/// The figures of `daleel stats`. Field names are the JSON keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub households: u64,
    pub people: u64,
    pub needs: u64,
    #[serde(skip)]
    pub needs_by_status: BTreeMap<String, u64>,
    pub referrals: u64,
    pub referrals_by_status: BTreeMap<String, u64>,
    pub overdue_referrals: u64,
    pub services: u64,
    pub organizations: u64,
}

impl Store {
    /// Every service: the stored ones, and the sample ones no stored record replaces.
    pub fn services(&self) -> Result<Vec<Service>, StoreError> {
        let mut stored: Vec<Service> = self.all::<Service>().collect::<Result<_, _>>()?;
        let ids: std::collections::BTreeSet<Uuid> = stored.iter().map(|s| s.id).collect();
        let mut all: Vec<Service> = sample::directory()
            .services
            .iter()
            .filter(|s| !ids.contains(&s.id))
            .cloned()
            .collect();
        all.append(&mut stored);
        Ok(all)
    }

    /// Every organization: the stored ones, and the sample ones no stored record replaces.
    pub fn organizations(&self) -> Result<Vec<Organization>, StoreError> {
        let mut stored: Vec<Organization> = self.all::<Organization>().collect::<Result<_, _>>()?;
        let ids: std::collections::BTreeSet<Uuid> = stored.iter().map(|o| o.id).collect();
        let mut all: Vec<Organization> = sample::directory()
            .organizations
            .iter()
            .filter(|o| !ids.contains(&o.id))
            .cloned()
            .collect();
        all.append(&mut stored);
        Ok(all)
    }

    /// A service by id, stored or sample.
    pub fn service(&self, id: Uuid) -> Result<Option<Service>, StoreError> {
        if let Some(s) = self.get::<Service>(id)? {
            return Ok(Some(s));
        }
        Ok(sample::directory()
            .services
            .iter()
            .find(|s| s.id == id)
            .cloned())
    }

    /// An organization by id, stored or sample.
    pub fn organization(&self, id: Uuid) -> Result<Option<Organization>, StoreError> {
        if let Some(o) = self.get::<Organization>(id)? {
            return Ok(Some(o));
        }
        Ok(sample::directory()
            .organizations
            .iter()
            .find(|o| o.id == id)
            .cloned())
    }

    /// Whether any service shown comes from the built-in sample directory (edited or
    /// not): the screens then say SAMPLE DATA. Importing a real directory retires the
    /// sample layer (field-fit issue).
    pub fn uses_sample_directory(&self) -> Result<bool, StoreError> {
        Ok(self.services()?.iter().any(|s| sample::is_sample_id(s.id)))
    }

    /// The needs of one household, through the index.
    pub fn needs_of(&self, household: Uuid) -> Result<Vec<Need>, StoreError> {
        self.records_by_prefix(Slot::NeedsByHousehold, household.as_bytes())
    }

    /// The referrals of one household, through the index.
    pub fn referrals_of(&self, household: Uuid) -> Result<Vec<Referral>, StoreError> {
        self.records_by_prefix(Slot::ReferralsByHousehold, household.as_bytes())
    }

    /// A household by its case code (exact, after turning Arabic-Indic digits to ASCII).
    pub fn household_by_case_code(&self, code: &str) -> Result<Option<Household>, StoreError> {
        let code = crate::model::ascii_digits(code.trim()).to_ascii_uppercase();
        let prefix = key(&[code.as_bytes(), &[0]]);
        match self
            .ids_with_prefix(Slot::HouseholdsByCaseCode, &prefix)?
            .first()
        {
            Some(id) => self.get::<Household>(*id),
            None => Ok(None),
        }
    }

    /// Referrals in one status, by due date (soonest first; no due date last).
    pub fn referrals_in(&self, status: ReferralStatus) -> Result<Vec<Referral>, StoreError> {
        self.records_by_prefix(Slot::ReferralsByStatusDue, &[status_tag(status)])
    }

    /// How many referrals are in one status, counted on the index alone.
    pub fn count_referrals_in(&self, status: ReferralStatus) -> usize {
        self.tree(Slot::ReferralsByStatusDue)
            .scan_prefix([status_tag(status)])
            .count()
    }

    /// Sent referrals whose due date has passed (`model::referral::overdue`), counted on
    /// the index alone: the sent ones with a due time before `now`.
    pub fn count_overdue(&self, now: Timestamp) -> usize {
        let tag = status_tag(ReferralStatus::Sent);
        let start = key(&[&[tag], &time_part(Some(i64::MIN))]);
        let end = key(&[&[tag], &time_part(Some(now.0))]);
        self.tree(Slot::ReferralsByStatusDue)
            .range(start..end)
            .count()
    }

    /// The figures of `daleel stats` at `now`.
    pub fn stats(&self, now: Timestamp) -> Result<Stats, StoreError> {
        let mut households = 0;
        let mut people = 0;
        for h in self.all::<Household>() {
            households += 1;
            people += h?.people_count() as u64;
        }
        let mut needs_by_status: BTreeMap<String, u64> = NeedStatus::ALL
            .iter()
            .map(|s| (s.code().to_string(), 0))
            .collect();
        let mut needs = 0;
        for n in self.all::<Need>() {
            needs += 1;
            *needs_by_status
                .entry(n?.status.code().to_string())
                .or_default() += 1;
        }
        let referrals_by_status: BTreeMap<String, u64> = ReferralStatus::ALL
            .iter()
            .map(|s| (s.code().to_string(), self.count_referrals_in(*s) as u64))
            .collect();
        Ok(Stats {
            households,
            people,
            needs,
            needs_by_status,
            referrals: referrals_by_status.values().sum(),
            referrals_by_status,
            overdue_referrals: self.count_overdue(now) as u64,
            services: self.services()?.len() as u64,
            organizations: self.organizations()?.len() as u64,
        })
    }

    /// Checks that every index entry points at a record that has it, and every record has
    /// its index entries. Returns the problems found, in plain words.
    pub fn check_indexes(&self) -> Result<Vec<String>, StoreError> {
        let mut expected: BTreeMap<&'static str, std::collections::BTreeSet<Vec<u8>>> =
            BTreeMap::new();
        fn collect<E: super::Entity>(
            store: &Store,
            expected: &mut BTreeMap<&'static str, std::collections::BTreeSet<Vec<u8>>>,
        ) -> Result<(), StoreError> {
            for record in store.all::<E>() {
                for (slot, k) in record?.index_keys() {
                    expected.entry(slot.name()).or_default().insert(k);
                }
            }
            Ok(())
        }
        collect::<Household>(self, &mut expected)?;
        collect::<Need>(self, &mut expected)?;
        collect::<Referral>(self, &mut expected)?;
        collect::<Service>(self, &mut expected)?;
        collect::<Organization>(self, &mut expected)?;
        collect::<crate::model::Distinct>(self, &mut expected)?;
        let mut problems = Vec::new();
        for slot in Slot::ALL.iter().filter(|s| s.is_index()) {
            let want = expected.remove(slot.name()).unwrap_or_default();
            let mut have = std::collections::BTreeSet::new();
            for k in self.tree(*slot).iter().keys() {
                have.insert(k?.to_vec());
            }
            let stale = have.difference(&want).count();
            let missing = want.difference(&have).count();
            if stale > 0 {
                problems.push(format!(
                    "{}: {stale} entries point at no record",
                    slot.name()
                ));
            }
            if missing > 0 {
                problems.push(format!(
                    "{}: {missing} records are not indexed",
                    slot.name()
                ));
            }
        }
        Ok(problems)
    }

    fn ids_with_prefix(&self, slot: Slot, prefix: &[u8]) -> Result<Vec<Uuid>, StoreError> {
        self.tree(slot)
            .scan_prefix(prefix)
            .keys()
            .map(|k| {
                let k = k?;
                let tail: [u8; 16] = k[k.len().saturating_sub(16)..]
                    .try_into()
                    .map_err(|_| codec::CodecError::Decode("index key".into()))?;
                Ok(Uuid::from_bytes(tail))
            })
            .collect()
    }

    fn records_by_prefix<E: super::Entity>(
        &self,
        slot: Slot,
        prefix: &[u8],
    ) -> Result<Vec<E>, StoreError> {
        let mut out = Vec::new();
        for id in self.ids_with_prefix(slot, prefix)? {
            if let Some(r) = self.get::<E>(id)? {
                out.push(r);
            }
        }
        Ok(out)
    }
}
