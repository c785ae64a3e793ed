//! `daleel identity`: this laptop's name, device code and fingerprint.

use super::Failure;
use crate::workspace::Workspace;

pub fn identity(ws: &Workspace, json: bool, name: Option<String>) -> Result<(), Failure> {
    if let Some(name) = &name {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 60 {
            return Err(Failure(
                "a device name has 1 to 60 characters, for example \"CRC Mosul laptop 3\"".into(),
            ));
        }
        ws.store.set_device_name(name)?;
    }
    let device_name = ws.store.device_name()?;
    if json {
        let out = serde_json::json!({
            "name": device_name,
            "code": ws.identity.code(),
            "fingerprint": ws.identity.fingerprint(),
        });
        println!("{out}");
    } else {
        let shown = if device_name.is_empty() {
            "(no name yet: set one with daleel identity --name NAME)".into()
        } else {
            super::shown(&device_name)
        };
        println!("Name         {shown}");
        println!("Device code  {}", ws.identity.code());
        println!("Fingerprint  {}", ws.identity.fingerprint());
    }
    Ok(())
}
