//! Reports for coordinators: counts and queues derived from the store, never stored twice.
//! CSV/HXL exports and HSDS import/export come with the field-fit issue.
