//! Any text given to `from_fragment` either fails with an error or gives an assessment whose own link
//! opens to the same assessment. Inputs starting with `{` are packed into a link first, so the fuzzer also
//! reaches the JSON checks behind the base64 and deflate layers.
#![no_main]

use aims_readiness::catalogue::catalogue;
use aims_readiness::share::{base64url, from_fragment, to_fragment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = if data.first() == Some(&b'{') {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 1);
        format!("#share={}", base64url::encode(&packed))
    } else {
        match std::str::from_utf8(data) {
            Ok(text) => text.to_owned(),
            Err(_) => return,
        }
    };
    let cat = catalogue();
    if let Ok(preview) = from_fragment(&fragment, cat) {
        let link = to_fragment(&preview.assessment, true)
            .expect("what arrived in a link fits in a link again");
        let again = from_fragment(&link, cat).expect("a shared assessment must open again");
        assert_eq!(again.assessment, preview.assessment);
    }
});
