//! Any bytes given to `decode` either fail with an error or give an assessment that survives a save.
#![no_main]

use aims_readiness::catalogue::catalogue;
use aims_readiness::codec::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cat = catalogue();
    if let Ok(preview) = decode(data, cat) {
        // What was accepted once must be accepted again, unchanged, after it is stored.
        let stored = encode(&preview.assessment, cat).expect("what decode accepts, encode writes");
        let again = decode(stored.as_bytes(), cat).expect("an imported assessment must read back");
        assert_eq!(again.assessment, preview.assessment);
    }
});
