//! Service lookup: fuzzy over name, organization, sector, areas served and description,
//! filtered by sector and governorate. Used by the Services screen and by
//! `daleel services search`.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::{Index, fold};
use crate::model::{Gazetteer, Organization, Sector, Service, ServiceStatus};

/// The sectors a filter covers: Protection includes its areas of responsibility.
pub fn sector_covers(filter: Sector, sector: Sector) -> bool {
    filter == sector
        || (filter == Sector::Protection
            && matches!(
                sector,
                Sector::ChildProtection | Sector::Gbv | Sector::Hlp | Sector::CivilDocumentation
            ))
}

/// The directory with its search index.
pub struct ServiceSearch {
    services: Vec<Service>,
    organizations: BTreeMap<Uuid, Organization>,
    /// Name, organization, sector, areas and the start of the description.
    index: Index,
    /// The names alone: a match there ranks higher.
    names: Index,
}

impl ServiceSearch {
    pub fn new(
        services: Vec<Service>,
        organizations: &[Organization],
        gazetteer: &Gazetteer,
    ) -> ServiceSearch {
        let organizations: BTreeMap<Uuid, Organization> =
            organizations.iter().map(|o| (o.id, o.clone())).collect();
        let texts: Vec<String> = services
            .iter()
            .map(|s| {
                let org = organizations
                    .get(&s.organization)
                    .map(|o| format!("{} {} {}", o.acronym, o.name, o.alternate_name))
                    .unwrap_or_default();
                let areas: Vec<String> = s.areas.iter().map(|a| gazetteer.name(a)).collect();
                let description: String = s.description.chars().take(100).collect();
                // The other-language names (issue 18): the service's and its places'.
                let mut name = s.name.clone();
                for other in std::iter::once(&s.alternate_name)
                    .chain(s.location_details.iter().map(|d| &d.alternate_name))
                    .filter(|n| !n.is_empty())
                {
                    name.push(' ');
                    name.push_str(other);
                }
                format!(
                    "{} | {} | {} | {} | {}",
                    name,
                    org,
                    s.sector.label(),
                    areas.join(" "),
                    description
                )
            })
            .collect();
        let index = Index::new(texts.iter().map(|t| t.as_str()));
        let names = Index::new(services.iter().map(|s| s.name.as_str()));
        ServiceSearch {
            services,
            organizations,
            index,
            names,
        }
    }

    pub fn services(&self) -> &[Service] {
        &self.services
    }

    pub fn organization(&self, id: Uuid) -> Option<&Organization> {
        self.organizations.get(&id)
    }

    /// The organization's acronym (or name) for a list column.
    pub fn org_short(&self, id: Uuid) -> String {
        self.organization(id)
            .map(|o| o.short_name().to_string())
            .unwrap_or_else(|| "?".into())
    }

    /// The positions (in `services()`) of the services that match, best first: active
    /// before inactive, then by score, a match in the name counting extra.
    pub fn search(
        &mut self,
        query: &str,
        sector: Option<Sector>,
        governorate: Option<&str>,
        limit: usize,
    ) -> Vec<usize> {
        self.search_counted(query, sector, governorate, limit).0
    }

    /// As `search`, with how many services matched in all.
    pub fn search_counted(
        &mut self,
        query: &str,
        sector: Option<Sector>,
        governorate: Option<&str>,
        limit: usize,
    ) -> (Vec<usize>, usize) {
        let hits = self.index.search(query);
        let folded_query = fold(query.trim());
        let mut name_scores = vec![0u32; self.services.len()];
        // One letter matches nearly every name: the bonus would rank nothing.
        if folded_query.chars().count() > 1 {
            for h in self.names.search(query) {
                name_scores[h.index as usize] = h.score;
            }
        }
        let mut ranked: Vec<(bool, u32, usize)> = hits
            .into_iter()
            .filter_map(|hit| {
                let i = hit.index as usize;
                let s = &self.services[i];
                if sector.is_some_and(|f| !sector_covers(f, s.sector)) {
                    return None;
                }
                if governorate.is_some_and(|g| !s.serves(g)) {
                    return None;
                }
                // A match in the name counts half as much again as one elsewhere.
                let name = name_scores[i] + name_scores[i] / 2;
                Some((s.status == ServiceStatus::Active, hit.score.max(name), i))
            })
            .collect();
        let total = ranked.len();
        if !folded_query.is_empty() {
            let order = |a: &(bool, u32, usize), b: &(bool, u32, usize)| {
                b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
            };
            if ranked.len() > limit {
                ranked.select_nth_unstable_by(limit, order);
                ranked.truncate(limit);
            }
            ranked.sort_by(order);
        } else {
            ranked.sort_by(|a, b| {
                b.0.cmp(&a.0).then_with(|| {
                    self.services[a.2]
                        .name
                        .to_lowercase()
                        .cmp(&self.services[b.2].name.to_lowercase())
                })
            });
        }
        let found = ranked.into_iter().take(limit).map(|(_, _, i)| i).collect();
        (found, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample;

    fn search() -> ServiceSearch {
        let d = sample::directory();
        ServiceSearch::new(d.services.clone(), &d.organizations, &Gazetteer::builtin())
    }

    #[test]
    fn finds_by_organization_sector_and_words() {
        let mut s = search();
        let hits = s.search("NRC", None, None, 50);
        assert!(!hits.is_empty());
        let first = &s.services()[hits[0]];
        assert_eq!(
            s.org_short(first.organization),
            "NRC",
            "an NRC service comes first"
        );
        let health = s.search("health", None, None, 50);
        assert!(
            health
                .iter()
                .take(3)
                .all(|&i| s.services()[i].sector == Sector::Health
                    || s.services()[i].name.to_lowercase().contains("health"))
        );
        let legal = s.search("legal doc", None, None, 5);
        assert!(!legal.is_empty());
    }

    #[test]
    fn filters_by_sector_and_governorate() {
        let mut s = search();
        let health = s.search("", Some(Sector::Health), None, 100);
        assert!(!health.is_empty());
        assert!(
            health
                .iter()
                .all(|&i| s.services()[i].sector == Sector::Health)
        );
        let protection = s.search("", Some(Sector::Protection), None, 100);
        assert!(
            protection
                .iter()
                .any(|&i| s.services()[i].sector == Sector::Gbv)
        );
        let anbar = s.search("", None, Some("IQG01"), 100);
        assert!(anbar.iter().all(|&i| s.services()[i].serves("IQG01")));
        let everything = s.search("", None, None, 1000);
        assert_eq!(everything.len(), s.services().len());
        assert!(anbar.len() < everything.len());
    }

    #[test]
    fn inactive_services_come_last() {
        let mut s = search();
        let all = s.search("", None, None, 1000);
        let first_inactive = all
            .iter()
            .position(|&i| s.services()[i].status == ServiceStatus::Inactive)
            .expect("the sample has inactive services");
        assert!(
            all[first_inactive..]
                .iter()
                .all(|&i| s.services()[i].status == ServiceStatus::Inactive)
        );
    }
}
