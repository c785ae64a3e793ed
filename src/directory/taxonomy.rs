//! Which Daleel sector an HSDS taxonomy term stands for (issue 18, item 1). An HSDS
//! directory says what a service is through taxonomy terms (taxonomy_terms.csv, linked to
//! services by attributes.csv); Daleel files services by humanitarian sector. A term is
//! looked up by its code, then by its name (folded: case, Arabic spelling variants), first
//! in the `[taxonomy]` table of config.toml, then in the built-in table below; the first
//! term of a service that maps gives its sector. A service whose terms map to none is
//! filed under "other", and the import says so.

use std::collections::BTreeMap;

use crate::model::Sector;
use crate::search::fold;

/// The built-in table: common English words for each sector (every sector's code and
/// label map to it too). docs/coordinator-guide.md lists it.
pub const BUILT_IN: &[(&str, Sector)] = &[
    ("mental health", Sector::Mhpss),
    ("psychosocial support", Sector::Mhpss),
    ("psychosocial", Sector::Mhpss),
    ("counselling", Sector::Mhpss),
    ("counseling", Sector::Mhpss),
    ("medical", Sector::Health),
    ("health care", Sector::Health),
    ("healthcare", Sector::Health),
    ("primary health care", Sector::Health),
    ("food", Sector::FoodSecurity),
    ("food assistance", Sector::FoodSecurity),
    ("food security", Sector::FoodSecurity),
    ("shelter", Sector::ShelterNfi),
    ("non-food items", Sector::ShelterNfi),
    ("nfi", Sector::ShelterNfi),
    ("water", Sector::Wash),
    ("sanitation", Sector::Wash),
    ("hygiene", Sector::Wash),
    ("school", Sector::Education),
    ("cash assistance", Sector::Cash),
    ("multi-purpose cash", Sector::Cash),
    ("employment", Sector::Livelihoods),
    ("vocational training", Sector::Livelihoods),
    ("job training", Sector::Livelihoods),
    ("legal aid", Sector::CivilDocumentation),
    ("legal services", Sector::CivilDocumentation),
    ("legal", Sector::CivilDocumentation),
    ("civil documentation", Sector::CivilDocumentation),
    ("gender-based violence", Sector::Gbv),
    ("housing, land and property", Sector::Hlp),
    ("housing", Sector::Hlp),
    ("cccm", Sector::CampCoordination),
];

/// The terms a user added (config.toml `[taxonomy]`: term = "sector code"), over the
/// built-in table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taxonomy {
    user: BTreeMap<String, Sector>,
}

/// The `[taxonomy]` table of this process's config.toml (`set_user`).
static USER: std::sync::RwLock<BTreeMap<String, Sector>> = std::sync::RwLock::new(BTreeMap::new());

/// Takes config.toml's `[taxonomy]` table for the imports this process makes.
pub fn set_user(table: &BTreeMap<String, Sector>) {
    if let Ok(mut user) = USER.write() {
        *user = table.clone();
    }
}

impl Taxonomy {
    /// The built-in table with config.toml's terms (`set_user`).
    pub fn current() -> Taxonomy {
        USER.read()
            .map(|user| Taxonomy::new(&user))
            .unwrap_or_default()
    }

    /// The table with a user's terms (already checked to name sectors).
    pub fn new(user: &BTreeMap<String, Sector>) -> Taxonomy {
        Taxonomy {
            user: user.iter().map(|(k, v)| (fold(k.trim()), *v)).collect(),
        }
    }

    /// The sector of a term with this code or name, if any.
    pub fn sector(&self, code: &str, name: &str) -> Option<Sector> {
        [code, name]
            .into_iter()
            .map(|t| fold(t.trim()))
            .filter(|t| !t.is_empty())
            .find_map(|t| self.lookup(&t))
    }

    fn lookup(&self, folded: &str) -> Option<Sector> {
        if let Some(s) = self.user.get(folded) {
            return Some(*s);
        }
        if let Some((_, s)) = BUILT_IN.iter().find(|(k, _)| *k == folded) {
            return Some(*s);
        }
        Sector::ALL
            .iter()
            .copied()
            .find(|s| fold(s.code()) == folded || fold(s.label()) == folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_map_by_code_then_name_user_table_first() {
        let t = Taxonomy::default();
        assert_eq!(t.sector("", "Counselling"), Some(Sector::Mhpss));
        assert_eq!(t.sector("health", "whatever"), Some(Sector::Health));
        assert_eq!(t.sector("", "Shelter / NFI"), Some(Sector::ShelterNfi));
        assert_eq!(t.sector("code", "name"), None);
        let mut user = BTreeMap::new();
        user.insert("Counselling".to_string(), Sector::Protection);
        user.insert("BD-1800".to_string(), Sector::FoodSecurity);
        let t = Taxonomy::new(&user);
        assert_eq!(t.sector("", "counselling"), Some(Sector::Protection));
        assert_eq!(
            t.sector("bd-1800", "Food Pantries"),
            Some(Sector::FoodSecurity)
        );
    }
}
