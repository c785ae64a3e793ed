//! Service areas by name (issue 18, item 1): an HSDS file or a services spreadsheet may
//! name a place instead of giving its P-code.

use crate::model::{Area, Gazetteer};

/// The place of the gazetteer named `name` in English or Arabic (folded as the search
/// folds: case, alef forms, ta marbuta), when exactly one is; a name shared by places of
/// different levels is taken for the highest (a governorate over its district of that
/// name).
pub fn by_name<'g>(gazetteer: &'g Gazetteer, name: &str) -> Option<&'g Area> {
    let wanted = crate::search::fold(name.trim());
    if wanted.is_empty() {
        return None;
    }
    let mut found: Vec<&Area> = gazetteer
        .all()
        .filter(|a| {
            crate::search::fold(&a.name_en) == wanted || crate::search::fold(&a.name_ar) == wanted
        })
        .collect();
    found.sort_by_key(|a| a.level);
    match found.as_slice() {
        [one] => Some(one),
        [first, second, ..] if first.level < second.level => Some(first),
        _ => None,
    }
}
